import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';
import { defaultAdrStore } from './defaultEngines';
import { EachDatabase } from './describeEachDatabase';

/**
 * A fresh migrated database of `database`'s engine with the stores a scorecard pass writes to
 * and reads from, as the plugin makes them with no config. `storedResult` reads back what a pass
 * stored for one check of an entity: what the engine tests look at.
 */
export async function scorecardEngineStores(database: EachDatabase) {
  const knex = await database.migrated();
  const store = new DatabaseGovernanceStore(knex);
  const storedResult = async (entityRef: string, checkId: string) =>
    (await store.getResults(entityRef))?.results.find(
      result => result.checkId === checkId,
    );
  return { knex, store, adrs: defaultAdrStore(knex), storedResult };
}
