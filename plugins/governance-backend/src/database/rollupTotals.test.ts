import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { checkResult } from '@catalog-governance/backstage-plugin-governance-common/testUtils';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { DatabaseStandardsStore } from './DatabaseStandardsStore';
import { recountComplianceTotals } from './rollupTotals';
import { EntityEvaluation } from './ScorecardStore';
import {
  migrateDownBelow,
  migrateToLatest,
} from '../__testUtils__/migrationSteps';

const STATES: CheckResult['state'][] = [
  'pass',
  'fail',
  'warn',
  'unknown',
  'waived',
];

/** A deterministic stream of numbers below `n`, so a failure replays the same sequence. */
function numbers(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 48271) % 2147483647;
    return state % n;
  };
}

const entityRefOf = (i: number) => `component:default/service-${i}`;

/** The refs of entities 0 to `count` - 1. */
const entityRefs = (count: number) =>
  Array.from({ length: count }, (_, i) => entityRefOf(i));

/**
 * Entity `i` evaluated with results and a place drawn from `next`: owners, systems and
 * levels vary, some entities are untiered (their results and roll-up row go), and some
 * results are waived, as a waiver makes them.
 */
function evaluationOf(
  i: number,
  next: (n: number) => number,
): EntityEvaluation {
  const entityRef = entityRefOf(i);
  if (next(8) === 0) {
    return { entityRef, results: [] };
  }
  const results = Array.from({ length: 1 + next(4) }, (_, check) => ({
    ...checkResult(`check-${check}`, STATES[next(STATES.length)]),
    ...(next(2) ? { origin: 'measured' as const } : {}),
  }));
  const level = [null, 'bronze', 'silver'][next(3)];
  return {
    entityRef,
    placement: {
      owner: `group:default/team-${next(3)}`,
      ...(next(2) ? { system: `system:default/system-${next(2)}` } : {}),
      tier: next(2) ? 'core' : 'edge',
    },
    results,
    level: {
      current: level,
      required: 'silver',
      meetsRequired: level === 'silver',
      next: null,
      levels: [],
    },
    dependencyMismatches: next(3),
  };
}

/** Stores entities 0 to 19 evaluated on 1 December, with results and places drawn from `next`. */
async function storeTwentyEntities(knex: Knex, next: (n: number) => number) {
  await new DatabaseScorecardStore(knex).storeEvaluations(
    entityRefs(20).map((_, i) => evaluationOf(i, next)),
    new Date('2026-12-01T00:00:00Z'),
  );
}

/** Both running totals as stored, in a stable order. */
async function storedTotals(knex: Knex) {
  return {
    checks: await knex('check_tallies').orderBy('check_id'),
    groups: await knex('compliance_totals').orderBy('group_key'),
  };
}

/** The running totals must equal what a count from scratch puts in their place. */
async function expectTotalsToMatchRecount(knex: Knex) {
  const maintained = await storedTotals(knex);
  await new DatabaseStandardsStore(knex).recountCheckResults();
  await knex.transaction(tx => recountComplianceTotals(tx));
  expect(maintained).toEqual(await storedTotals(knex));
  // Without them the tests below would pass on empty tables.
  return maintained;
}

describeEachDatabase('the running totals', ({ migrated }) => {
  it('equal a recount after evaluations, waivers, untiering and deleted entities', async () => {
    const knex = await migrated();
    const store = new DatabaseScorecardStore(knex);
    const next = numbers(7);
    for (let round = 0; round < 6; round++) {
      const page = Array.from({ length: 30 }, (_, i) => i).filter(
        () => next(3) > 0,
      );
      await store.storeEvaluations(
        page.map(i => evaluationOf(i, next)),
        new Date(Date.UTC(2026, 11, 1 + round)),
      );
      const totals = await expectTotalsToMatchRecount(knex);
      expect(totals.groups.length).toBeGreaterThan(0);
      // Deleted entities (gone from the catalog) leave the totals with their rows.
      await store.removeResultsExcept(
        new Set(entityRefs(30).filter(() => next(6) > 0)),
      );
      await expectTotalsToMatchRecount(knex);
    }
  });

  it('are put right by the daily recounts when they drifted', async () => {
    const knex = await migrated();
    await storeTwentyEntities(knex, numbers(17));
    const maintained = await storedTotals(knex);
    await knex('check_tallies').update({ total: 1000 });
    await knex('compliance_totals')
      .where({ group_key: maintained.groups[0].group_key })
      .delete();
    await knex('compliance_totals').insert({
      ...maintained.groups[0],
      group_key: '["group:default/gone",null,null,"core",null]',
      owner: 'group:default/gone',
    });

    await new DatabaseStandardsStore(knex).recountCheckResults();
    await new DatabaseComplianceStore(knex).recordComplianceDay('2026-12-02');
    expect(await storedTotals(knex)).toEqual(maintained);
  });

  it("are recounted by a day's first compliance record, not by every pass of that day", async () => {
    const knex = await migrated();
    await storeTwentyEntities(knex, numbers(23));
    const maintained = await storedTotals(knex);
    const compliance = new DatabaseComplianceStore(knex);
    await compliance.recordComplianceDay('2026-12-01');
    const drift = () =>
      knex('compliance_totals')
        .where({ group_key: maintained.groups[0].group_key })
        .update({ entities: 1000 });

    // Full passes run every few minutes: a later one the same day leaves the totals be.
    await drift();
    await compliance.recordComplianceDay('2026-12-01');
    expect(await storedTotals(knex)).not.toEqual(maintained);
    // The next day's first record puts them right.
    await compliance.recordComplianceDay('2026-12-02');
    expect(await storedTotals(knex)).toEqual(maintained);
  });

  it('are counted from the stored rows on upgrade, and dropped on rollback', async () => {
    const knex = await migrated();
    await storeTwentyEntities(knex, numbers(13));
    const maintained = await storedTotals(knex);
    const rollup = await new DatabaseComplianceStore(knex).getComplianceRollup(
      'system',
      {},
    );

    // Back to the release before the totals, then up again as an upgrade would.
    await migrateDownBelow(knex, '20261210010000');
    expect(await knex.schema.hasTable('compliance_totals')).toBe(false);
    expect(await knex.schema.hasTable('check_tallies')).toBe(false);
    await migrateToLatest(knex);

    expect(await storedTotals(knex)).toEqual(maintained);
    expect(
      await new DatabaseComplianceStore(knex).getComplianceRollup('system', {}),
    ).toEqual(rollup);
    expect(maintained.groups.length).toBeGreaterThan(0);
  });

  it('leaves hidden entities out of the roll-up and the standards as before', async () => {
    const knex = await migrated();
    const next = numbers(11);
    await storeTwentyEntities(knex, next);
    const hidden = entityRefs(20).filter(() => next(2) === 0);
    const compliance = new DatabaseComplianceStore(knex);
    const standards = new DatabaseStandardsStore(knex);
    const visibleRollup = await compliance.getComplianceRollup(
      'owner',
      {},
      hidden,
    );
    const visibleCounts = await standards.countCheckResults(hidden);

    // The same counts from the rows of only the visible entities.
    await new DatabaseScorecardStore(knex).removeResultsExcept(
      new Set(entityRefs(20).filter(ref => !hidden.includes(ref))),
    );
    expect(visibleRollup).toEqual(
      await compliance.getComplianceRollup('owner', {}),
    );
    expect(visibleCounts).toEqual(await standards.countCheckResults());
    expect(
      (await compliance.getComplianceRollup('owner', {}, 'all')).groups,
    ).toEqual([]);
    expect(await standards.countCheckResults('all')).toEqual(new Map());
  });
});

// Replicas share a database only on PostgreSQL.
const postgres = TestDatabases.create({ ids: ['POSTGRES_15'] });

describe.each(postgres.eachSupportedId())(
  'the running totals with two backends on one %s',
  databaseId => {
    it('stay exact while both store evaluations of the same entities at once', async () => {
      const knex = await migratedDatabase(postgres, databaseId);
      const other = knexFactory(knex.client.config);
      try {
        const replicas = [
          new DatabaseScorecardStore(knex),
          new DatabaseScorecardStore(other),
        ];
        const streams = [numbers(3), numbers(5)];
        for (let round = 0; round < 5; round++) {
          await Promise.all(
            replicas.flatMap((store, replica) =>
              [0, 1].map(page =>
                store.storeEvaluations(
                  Array.from({ length: 15 }, (_, i) =>
                    evaluationOf((i + page * 7) % 20, streams[replica]),
                  ),
                  new Date(Date.UTC(2026, 11, 1 + round)),
                ),
              ),
            ),
          );
          await Promise.all([
            replicas[0].removeResultsExcept(new Set(entityRefs(19))),
            replicas[1].storeEvaluations(
              [evaluationOf(19, streams[1])],
              new Date(Date.UTC(2026, 11, 1 + round, 1)),
            ),
          ]);
          const totals = await expectTotalsToMatchRecount(knex);
          expect(totals.checks.length).toBeGreaterThan(0);
        }
      } finally {
        await other.destroy();
      }
    });
  },
);
