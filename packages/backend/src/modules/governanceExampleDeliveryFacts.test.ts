import {
  exampleDataDatabases,
  startAndRestart,
} from './__testUtils__/governanceTables';
import {
  exampleDeliveryFactRows,
  governanceExampleDeliveryFacts,
} from './governanceExampleDeliveryFacts';

const databases = exampleDataDatabases();

describe('the example delivery metrics', () => {
  it('has four weeks on each side of 2026-06-10 for both services the ADR governs', () => {
    const rows = exampleDeliveryFactRows().filter(
      r => r.name === 'p99LatencyMs',
    );
    expect(new Set(rows.map(r => r.entity_ref))).toEqual(
      new Set([
        'component:default/checkout-web',
        'component:default/order-history',
      ]),
    );
    const decided = new Date('2026-06-10T00:00:00Z');
    expect(rows.filter(r => r.observed_at < decided)).toHaveLength(8);
    expect(rows.filter(r => r.observed_at > decided)).toHaveLength(8);
  });

  it.each(databases.eachSupportedId())(
    'is written once into the fact history on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await startAndRestart(knex, governanceExampleDeliveryFacts);
      const facts = await knex('facts').select('history');
      // Two services with seven metrics each, and every weekly value in their history.
      expect(facts).toHaveLength(14);
      expect(facts.reduce((n, f) => n + JSON.parse(f.history).length, 0)).toBe(
        exampleDeliveryFactRows().length,
      );
    },
  );
});
