import { checkResult } from '@catalog-governance/backstage-plugin-governance-common/testUtils';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { undoMigrations } from '../__testUtils__/migrationSteps';

const SEARCH = 'component:default/search';
const LEDGER = 'component:default/ledger';
const at = (day: number) => new Date(Date.UTC(2026, 11, day, 12));
const results = [checkResult('coverage', 'pass')];

describeEachDatabase('the time of the last full pass', ({ migrated }) => {
  async function setup() {
    const knex = await migrated();
    const store = new DatabaseScorecardStore(knex);
    const compliance = new DatabaseComplianceStore(knex);
    const evaluate = (entityRef: string, day: number) =>
      store.storeEvaluations(
        [{ entityRef, placement: { tier: 'core' }, results }],
        at(day),
      );
    const evaluatedAt = async (entityRef: string) => ({
      results: (await store.getResults(entityRef))?.evaluatedAt,
      compliance: (
        await compliance.listComplianceEntities({}, { offset: 0, limit: 10 })
      ).items.find(item => item.entityRef === entityRef)?.evaluatedAt,
    });
    return { knex, store, evaluate, evaluatedAt };
  }

  it('gives every entity evaluated before a pass the pass time, and keeps a later own time', async () => {
    const { store, evaluate, evaluatedAt } = await setup();
    await evaluate(SEARCH, 1);
    await store.markAllEvaluated(at(3));
    await evaluate(LEDGER, 4);

    expect(await evaluatedAt(SEARCH)).toEqual({
      results: at(3).toISOString(),
      compliance: at(3).toISOString(),
    });
    expect(await evaluatedAt(LEDGER)).toEqual({
      results: at(4).toISOString(),
      compliance: at(4).toISOString(),
    });
    // A pass that started earlier than the recorded one does not move the time back.
    await store.markAllEvaluated(at(2));
    expect((await evaluatedAt(SEARCH)).results).toBe(at(3).toISOString());
  });

  it('hands the pass time to the rows when the migration is rolled back', async () => {
    const { knex, store, evaluate } = await setup();
    await evaluate(SEARCH, 1);
    await store.markAllEvaluated(at(3));

    await undoMigrations(knex, '20261209010000_scorecard_passes.js');

    expect(await knex.schema.hasTable('scorecard_passes')).toBe(false);
    const [row] = await knex('evaluated_entities').where({
      entity_ref: SEARCH,
    });
    expect(new Date(row.evaluated_at).toISOString()).toBe(at(3).toISOString());
  });
});
