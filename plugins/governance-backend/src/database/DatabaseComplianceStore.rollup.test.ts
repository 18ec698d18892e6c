import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { checkResult } from '@catalog-governance/backstage-plugin-governance-common/testUtils';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { EntityEvaluation } from './ScorecardStore';

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';

/** An entity of `owner` with these results, at `level` (none when null), below its required one or not. */
const evaluation = (
  name: string,
  owner: string,
  states: CheckResult['state'][],
  level: string | null,
  meetsRequired = true,
  dependencyMismatches = 0,
): EntityEvaluation => ({
  entityRef: `component:default/${name}`,
  placement: { owner, tier: 'core' },
  results: states.map((state, i) => checkResult(`check-${i}`, state)),
  level: {
    current: level,
    required: 'silver',
    meetsRequired,
    next: null,
    levels: [],
  },
  ...(dependencyMismatches ? { dependencyMismatches } : {}),
});

describeEachDatabase('the roll-up', ({ migrated }) => {
  it('counts states, levels and mismatches per owner in one statement, weakest first', async () => {
    const knex = await migrated();
    await new DatabaseScorecardStore(knex).storeEvaluations(
      [
        evaluation('a1', TEAM_A, ['pass', 'pass'], 'gold'),
        evaluation('a2', TEAM_A, ['pass', 'fail'], 'bronze', false, 2),
        evaluation('a3', TEAM_A, ['fail', 'warn'], null, false),
        evaluation(
          'b1',
          TEAM_B,
          ['pass', 'waived', 'unknown'],
          'bronze',
          true,
          1,
        ),
      ],
      new Date('2026-12-06T12:00:00Z'),
    );
    const statements: string[] = [];
    const record = (query: { sql: string }) => statements.push(query.sql);
    knex.on('query', record);

    const rollup = await new DatabaseComplianceStore(knex).getComplianceRollup(
      'owner',
      {},
    );
    knex.off('query', record);

    expect(statements).toHaveLength(1);
    expect(rollup.groups).toEqual([
      {
        key: TEAM_B,
        entities: 1,
        dependencyMismatches: 1,
        counts: expect.objectContaining({
          pass: 1,
          fail: 0,
          warn: 0,
          unknown: 1,
          waived: 1,
          total: 3,
        }),
        levels: { bronze: 1 },
        withoutLevel: 0,
        belowRequired: 0,
      },
      {
        key: TEAM_A,
        entities: 3,
        dependencyMismatches: 2,
        counts: expect.objectContaining({
          pass: 3,
          fail: 2,
          warn: 1,
          unknown: 0,
          waived: 0,
          total: 6,
        }),
        levels: { gold: 1, bronze: 1 },
        withoutLevel: 1,
        belowRequired: 2,
      },
    ]);
    expect(rollup.totals).toMatchObject({
      entities: 4,
      dependencyMismatches: 3,
      counts: expect.objectContaining({ pass: 4, fail: 2, total: 9 }),
      levels: { gold: 1, bronze: 2 },
      withoutLevel: 1,
      belowRequired: 2,
    });
  });
});
