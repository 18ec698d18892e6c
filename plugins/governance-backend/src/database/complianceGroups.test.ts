import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { EntityPlacement } from './ScorecardStore';

const coverage = (state: CheckResult['state']): CheckResult[] => [
  {
    checkId: 'coverage',
    title: 'Coverage',
    state,
    target: 'target',
    factName: 'coverage',
    stale: false,
  },
];

describeEachDatabase('compliance groups', ({ migrated }) => {
  it('names each owner/system/domain/tier combination once, however many days it changes', async () => {
    const knex = await migrated();
    const scorecards = new DatabaseScorecardStore(knex);
    const compliance = new DatabaseComplianceStore(knex);
    const teamA = 'group:default/team-a';
    const placed: Record<string, EntityPlacement> = {
      payments: { tier: 'core', owner: teamA, system: 'system:default/pay' },
      // No owner, no system: a combination of NULL refs is a group too.
      wiki: { tier: 'supporting' },
    };
    const states: CheckResult['state'][] = ['fail', 'pass', 'fail', 'pass'];
    for (const [i, state] of states.entries()) {
      await scorecards.storeEvaluations(
        Object.entries(placed).map(([name, placement]) => ({
          entityRef: `component:default/${name}`,
          placement,
          results: coverage(state),
        })),
        new Date(Date.UTC(2026, 9, i + 1, 9)),
      );
      await compliance.recordComplianceDay(`2026-10-0${i + 1}`);
    }

    expect(
      await knex('compliance_groups')
        .orderBy('tier')
        .select('owner', 'system', 'domain', 'tier'),
    ).toEqual([
      {
        owner: teamA,
        system: 'system:default/pay',
        domain: null,
        tier: 'core',
      },
      { owner: null, system: null, domain: null, tier: 'supporting' },
    ]);
    // A row per group and day it changed, holding numbers only.
    expect(
      Number((await knex('compliance_changes').count({ n: '*' }))[0].n),
    ).toBe(8);
    for (const filter of [{ owner: teamA }, { owner: '' }, {}]) {
      expect(
        (
          await compliance.getComplianceTrend(
            filter,
            '2026-10-01',
            '2026-10-04',
          )
        ).map(point => point.counts.pass),
      ).toEqual(filter.owner === undefined ? [0, 2, 0, 2] : [0, 1, 0, 1]);
    }
  });
});
