import { ConfigReader } from '@backstage/config';
import {
  exampleDataDatabases,
  startAndRestart,
} from './__testUtils__/governanceTables';
import {
  EXAMPLE_HISTORY_ENTITY,
  exampleHistoryRows,
  governanceExampleHistory,
} from './governanceExampleHistory';

const databases = exampleDataDatabases();

const changesOf = (rows: ReturnType<typeof exampleHistoryRows>) =>
  rows.map(row => ({
    at: row.changed_at.toISOString().slice(0, 10),
    changes: JSON.parse(row.changes),
  }));

describe('the example measured history', () => {
  it('records checkout-web halving its p95 latency after the decision of 2026-06-10, judged by the critical tier', () => {
    const rows = changesOf(exampleHistoryRows(new ConfigReader({})));
    expect(rows[0]).toEqual({
      at: '2026-04-29',
      changes: [
        { checkId: 'availability', state: 'fail', actual: '99.9%' },
        { checkId: 'p95-latency', state: 'fail', actual: '940 ms' },
        { checkId: 'coverage', state: 'fail', actual: '65%' },
      ],
    });
    const latencies = rows.flatMap(row =>
      row.changes
        .filter((c: { checkId: string }) => c.checkId === 'p95-latency')
        .map((c: { actual: string }) => `${row.at} ${c.actual}`),
    );
    expect(latencies).toContain('2026-06-03 870 ms');
    expect(latencies).toContain('2026-06-17 610 ms');
    expect(latencies.at(-1)).toBe('2026-07-22 450 ms');
    // 99.95% is the critical target itself: passing, but within the warn margin.
    expect(rows.find(row => row.at === '2026-07-01')?.changes).toContainEqual({
      checkId: 'availability',
      state: 'warn',
      actual: '99.95%',
    });
  });

  it('follows the configured targets', () => {
    const rows = changesOf(
      exampleHistoryRows(
        new ConfigReader({
          governance: { tiers: { critical: { maxP95LatencyMs: 1000 } } },
        }),
      ),
    );
    expect(rows[0].changes).toContainEqual({
      checkId: 'p95-latency',
      state: 'pass',
      actual: '940 ms',
    });
  });

  it.each(databases.eachSupportedId())(
    'is written once into the history of a fresh backend on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // A restart finds the weeks already there and writes nothing.
      await startAndRestart(knex, governanceExampleHistory);
      const rows = await knex('scorecard_history')
        .where('entity_ref', EXAMPLE_HISTORY_ENTITY)
        .orderBy('changed_at');
      expect(rows).toHaveLength(
        exampleHistoryRows(new ConfigReader({})).length,
      );
      expect(new Date(rows[0].changed_at).toISOString()).toBe(
        '2026-04-29T08:00:00.000Z',
      );
    },
  );
});
