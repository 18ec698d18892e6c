import { ConfigReader } from '@backstage/config';
import {
  CheckResult,
  computeEntityLevel,
  LevelPolicy,
  readLevelPolicy,
  readTierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { checkResult } from '@catalog-governance/backstage-plugin-governance-common/testUtils';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';
import { DatabaseEscalationSignals } from './DatabaseEscalationSignals';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const readPolicy = (governance: object = {}): LevelPolicy => {
  const config = new ConfigReader({ governance });
  return readLevelPolicy(config, { tierPolicies: readTierPolicies(config) });
};
const defaults = readPolicy();

/** A core scorecard: passing coverage and tests, then availability in `availability`'s state. */
const coreResults = (availability: CheckResult['state']) => [
  checkResult('availability', availability),
  checkResult('p95-latency', 'pass'),
  checkResult('security-review', 'pass'),
  checkResult('coverage', 'pass'),
  checkResult('testing-integration', 'pass'),
];

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9));

describeEachDatabase('maturity levels in storage', ({ migrated }) => {
  async function createStores() {
    const knex = await migrated();
    const scorecards = new DatabaseScorecardStore(knex);
    const evaluate = (
      entityRef: string,
      availability: CheckResult['state'],
      when: Date,
      options: { policy?: LevelPolicy; owner?: string } = {},
    ) => {
      const results = coreResults(availability);
      return scorecards.storeEvaluations(
        [
          {
            entityRef,
            placement: { tier: 'core', owner: options.owner },
            results,
            level: computeEntityLevel({
              results,
              policy: options.policy ?? defaults,
              tier: 'core',
            }),
          },
        ],
        when,
      );
    };
    return {
      knex,
      scorecards,
      compliance: new DatabaseComplianceStore(knex),
      signals: new DatabaseEscalationSignals(knex),
      evaluate,
    };
  }

  const search = 'component:default/search';

  it('records since when an entity is below its required level, until it reaches it', async () => {
    const { evaluate, signals } = await createStores();
    await evaluate(search, 'fail', at(1));
    await evaluate(search, 'unknown', at(3));
    expect(await signals.listBelowRequiredLevel()).toEqual([
      {
        entityRef: search,
        tier: 'core',
        level: 'bronze',
        belowSince: at(1).toISOString(),
      },
    ]);

    await evaluate(search, 'pass', at(5));
    expect(await signals.listBelowRequiredLevel()).toEqual([]);
    // A new stretch below starts at its own first evaluation.
    await evaluate(search, 'fail', at(7));
    expect(await signals.listBelowRequiredLevel()).toEqual([
      expect.objectContaining({ belowSince: at(7).toISOString() }),
    ]);
  });

  it('keeps the level in history, with a row when only the level config changed', async () => {
    const { evaluate, scorecards } = await createStores();
    await evaluate(search, 'fail', at(1));
    await evaluate(search, 'fail', at(2)); // nothing changed: no row
    await evaluate(search, 'pass', at(3));
    // The same results under levels that ask more of bronze: only the level moves.
    const strict = readPolicy({
      levels: [{ name: 'bronze', checks: ['coverage', 'availability'] }],
      tiers: {
        critical: { requiredLevel: 'bronze' },
        core: { requiredLevel: 'bronze' },
      },
    });
    await evaluate(search, 'pass', at(4), { policy: strict });
    await evaluate(search, 'fail', at(5), { policy: strict });

    expect(await scorecards.listLevelChanges(search)).toEqual([
      { level: 'bronze', changedAt: at(1).toISOString() },
      { level: 'gold', changedAt: at(3).toISOString() },
      { level: 'bronze', changedAt: at(4).toISOString() },
      { level: null, changedAt: at(5).toISOString() },
    ]);
    // The level-only row changes no check.
    expect(
      (await scorecards.listTransitions(search, new Date(0))).map(t => [
        t.checkId,
        t.changedAt,
      ]),
    ).toEqual([
      ...coreResults('fail').map(r => [r.checkId, at(1).toISOString()]),
      ['availability', at(3).toISOString()],
      ['availability', at(5).toISOString()],
    ]);
  });

  it('keeps the latest old level when pruning history', async () => {
    const { evaluate, scorecards } = await createStores();
    await evaluate(search, 'fail', at(1));
    await evaluate(search, 'pass', at(2));
    await evaluate(search, 'fail', at(3));
    await evaluate(search, 'pass', at(4));
    await evaluate(search, 'fail', at(10));
    // Of the four old rows, the first (every check's start) and the last stay.
    expect(await scorecards.pruneHistory(at(8))).toBe(2);
    expect(await scorecards.listLevelChanges(search)).toEqual([
      { level: 'gold', changedAt: at(4).toISOString() },
      { level: 'bronze', changedAt: at(10).toISOString() },
    ]);
  });

  it('rolls the levels up with the entities below their tier, and lists each entity’s level', async () => {
    const { evaluate, compliance } = await createStores();
    const teamA = 'group:default/team-a';
    await evaluate('component:default/a1', 'pass', at(1), { owner: teamA });
    await evaluate('component:default/a2', 'fail', at(1), { owner: teamA });
    await evaluate('component:default/a3', 'fail', at(1), { owner: teamA });
    await evaluate('component:default/b1', 'pass', at(1), {
      owner: 'group:default/team-b',
    });

    const rollup = await compliance.getComplianceRollup('owner', {});
    expect(
      rollup.groups.map(g => [
        g.key,
        g.levels,
        g.withoutLevel,
        g.belowRequired,
      ]),
    ).toEqual([
      [teamA, { bronze: 2, gold: 1 }, 0, 2],
      ['group:default/team-b', { gold: 1 }, 0, 0],
    ]);
    expect(rollup.totals).toMatchObject({
      levels: { bronze: 2, gold: 2 },
      withoutLevel: 0,
      belowRequired: 2,
    });
    // What a caller may not see is not counted.
    const hidden = await compliance.getComplianceRollup(
      'owner',
      { owner: teamA },
      ['component:default/a2'],
    );
    expect(hidden.totals).toMatchObject({
      levels: { bronze: 1, gold: 1 },
      belowRequired: 1,
    });

    const page = await compliance.listComplianceEntities(
      { owner: teamA },
      { offset: 0, limit: 10 },
    );
    expect(
      page.items.map(e => [e.entityRef, e.level, e.belowRequired]),
    ).toEqual([
      ['component:default/a2', 'bronze', true],
      ['component:default/a3', 'bronze', true],
      ['component:default/a1', 'gold', false],
    ]);
  });
});
