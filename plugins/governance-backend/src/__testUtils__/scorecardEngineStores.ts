import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';
import { defaultAdrStore } from './defaultEngines';
import { migratedDatabase } from './migratedDatabase';

/**
 * A fresh database of `databaseId` with the stores a scorecard pass writes to and reads from,
 * as the plugin makes them with no config. `storedResult` reads back what a pass stored for
 * one check of an entity: what the engine tests look at.
 */
export async function scorecardEngineStores(
  databases: TestDatabases,
  databaseId: Parameters<TestDatabases['init']>[0],
) {
  const knex = await migratedDatabase(databases, databaseId);
  const store = new DatabaseGovernanceStore(knex);
  const storedResult = async (entityRef: string, checkId: string) =>
    (await store.getResults(entityRef))?.results.find(
      result => result.checkId === checkId,
    );
  return { knex, store, adrs: defaultAdrStore(knex), storedResult };
}
