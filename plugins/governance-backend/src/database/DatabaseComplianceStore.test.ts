import { mockServices } from '@backstage/backend-test-utils';
import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { DatabaseGovernanceStore } from './DatabaseGovernanceStore';
import {
  ComplianceStore,
  EntityEvaluation,
  EntityPlacement,
} from './GovernanceStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const checks = (...states: CheckResult['state'][]): CheckResult[] =>
  states.map((state, i) => ({
    checkId: `check-${i}`,
    title: `Check ${i}`,
    state,
    target: 'target',
    factName: 'coverage',
    stale: false,
  }));

const evaluation = (
  name: string,
  placement: EntityPlacement,
  results: CheckResult[],
): EntityEvaluation => ({
  entityRef: `component:default/${name}`,
  placement,
  results,
});

const teamA = 'group:default/team-a';
const UNTIL = '2026-11-25';
const teamB = 'group:default/team-b';
const payments = 'system:default/payments';

/** Team A's passing and total results on each day from `from` until UNTIL. */
const teamATrend = async (store: ComplianceStore, from = '2026-11-01') =>
  (await store.getComplianceTrend({ owner: teamA }, from, UNTIL)).map(p => [
    p.day,
    p.counts.pass,
    p.counts.total,
  ]);

describeEachDatabase('compliance roll-ups', ({ empty }) => {
  async function createStore() {
    const knex = await empty();
    const store = await DatabaseGovernanceStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const now = new Date('2026-11-25T10:00:00Z');
    await store.storeEvaluations(
      [
        evaluation(
          'checkout',
          {
            owner: teamA,
            system: payments,
            domain: 'domain:default/commerce',
            tier: 'critical',
            title: 'Checkout',
          },
          checks('pass', 'fail', 'fail', 'unknown'),
        ),
        evaluation(
          'ledger',
          { owner: teamA, system: payments, tier: 'critical' },
          checks('pass', 'pass', 'pass', 'waived'),
        ),
        evaluation(
          'wiki',
          { owner: teamB, tier: 'supporting' },
          checks('warn', 'pass'),
        ),
      ],
      now,
    );
    return { knex, store, now };
  }

  it('leaves entities hidden from the caller out of roll-ups, counts and pages', async () => {
    const { store } = await createStore();
    expect((await store.listEvaluatedEntityRefs()).sort()).toEqual([
      'component:default/checkout',
      'component:default/ledger',
      'component:default/wiki',
    ]);
    const hidden = ['component:default/ledger'];
    const rollup = await store.getComplianceRollup('owner', {}, hidden);
    expect(rollup.groups.map(g => [g.key, g.entities, g.counts.pass])).toEqual([
      [teamA, 1, 1],
      [teamB, 1, 1],
    ]);
    expect(rollup.totals.entities).toBe(2);

    const page = await store.listComplianceEntities(
      { owner: teamA },
      { offset: 0, limit: 1 },
      hidden,
    );
    expect(page.totalItems).toBe(1);
    expect(page.items.map(i => i.entityRef)).toEqual([
      'component:default/checkout',
    ]);

    const none = await store.listComplianceEntities(
      {},
      { offset: 0, limit: 10 },
      'all',
    );
    expect({ total: none.totalItems, items: none.items }).toEqual({
      total: 0,
      items: [],
    });
    expect(
      (await store.getComplianceRollup('tier', {}, 'all')).totals.entities,
    ).toBe(0);
  });

  it('rolls current results up by owner with counts and the passing share, least passing first', async () => {
    const { store } = await createStore();
    const rollup = await store.getComplianceRollup('owner', {});
    expect(rollup.groups).toEqual([
      {
        key: teamA,
        entities: 2,
        // Stored without levels, as before levels existed.
        levels: {},
        withoutLevel: 2,
        belowRequired: 0,
        dependencyMismatches: 0,
        counts: {
          pass: 4,
          fail: 2,
          warn: 0,
          unknown: 1,
          waived: 1,
          total: 8,
          passingShare: 0.5,
        },
      },
      {
        key: teamB,
        entities: 1,
        levels: {},
        withoutLevel: 1,
        belowRequired: 0,
        dependencyMismatches: 0,
        counts: {
          pass: 1,
          fail: 0,
          warn: 1,
          unknown: 0,
          waived: 0,
          total: 2,
          passingShare: 0.5,
        },
      },
    ]);
    expect(rollup.totals).toEqual({
      entities: 3,
      levels: {},
      withoutLevel: 3,
      belowRequired: 0,
      dependencyMismatches: 0,
      counts: {
        pass: 5,
        fail: 2,
        warn: 1,
        unknown: 1,
        waived: 1,
        total: 10,
        passingShare: 0.5,
      },
    });
  });

  it('groups entities without a system together and filters on the missing value', async () => {
    const { store } = await createStore();
    const bySystem = await store.getComplianceRollup('system', {});
    expect(bySystem.groups.map(g => [g.key, g.entities])).toEqual([
      [undefined, 1],
      [payments, 2],
    ]);
    const withoutDomain = await store.getComplianceRollup('owner', {
      domain: '',
    });
    // team-b's wiki passes half its checks, team-a's ledger (no system) three of four.
    expect(
      withoutDomain.groups.map(g => [g.key, g.counts.passingShare]),
    ).toEqual([
      [teamB, 0.5],
      [teamA, 0.75],
    ]);
  });

  it('drills down to the entities of a group, least passing first, paginated', async () => {
    const { store } = await createStore();
    const page = await store.listComplianceEntities(
      { owner: teamA },
      { offset: 0, limit: 1 },
    );
    expect(page.totalItems).toBe(2);
    expect(page.items).toEqual([
      {
        entityRef: 'component:default/checkout',
        title: 'Checkout',
        owner: teamA,
        system: payments,
        domain: 'domain:default/commerce',
        tier: 'critical',
        counts: {
          pass: 1,
          fail: 2,
          warn: 0,
          unknown: 1,
          waived: 0,
          total: 4,
          passingShare: 0.25,
        },
        failing: ['check-1', 'check-2'],
        evaluatedAt: '2026-11-25T10:00:00.000Z',
        level: null,
        belowRequired: false,
      },
    ]);
    const next = await store.listComplianceEntities(
      { owner: teamA },
      { offset: 1, limit: 1 },
    );
    expect(next.items.map(i => i.entityRef)).toEqual([
      'component:default/ledger',
    ]);
  });

  it('moves an entity between groups when it is re-evaluated, and drops it when it loses its tier or leaves', async () => {
    const { store } = await createStore();
    await store.storeEvaluations(
      [
        evaluation(
          'wiki',
          { owner: teamA, tier: 'supporting' },
          checks('pass', 'pass'),
        ),
        { entityRef: 'component:default/ledger', results: [] },
      ],
      new Date('2026-11-25T11:00:00Z'),
    );
    const byOwner = await store.getComplianceRollup('owner', {});
    expect(byOwner.groups.map(g => [g.key, g.entities])).toEqual([[teamA, 2]]);
    expect(await store.getResults('component:default/ledger')).toBeUndefined();

    await store.removeResultsExcept(new Set(['component:default/wiki']));
    const after = await store.listComplianceEntities(
      {},
      { offset: 0, limit: 10 },
    );
    expect(after.items.map(i => i.entityRef)).toEqual([
      'component:default/wiki',
    ]);
  });

  it('keeps one snapshot per day for the trend, the last one of the day winning', async () => {
    const { store } = await createStore();
    await store.recordComplianceDay('2026-11-24');
    await store.storeEvaluations(
      [
        evaluation(
          'checkout',
          { owner: teamA, system: payments, tier: 'critical' },
          checks('pass', 'pass', 'pass', 'pass'),
        ),
      ],
      new Date('2026-11-25T10:00:00Z'),
    );
    await store.recordComplianceDay('2026-11-25');
    await store.recordComplianceDay('2026-11-25');

    expect(await teamATrend(store)).toEqual([
      ['2026-11-24', 4, 8],
      ['2026-11-25', 7, 8],
    ]);
    expect(await teamATrend(store, '2026-11-25')).toHaveLength(1);
    expect(
      (
        await store.getComplianceTrend(
          { tier: 'supporting' },
          '2026-11-01',
          UNTIL,
        )
      ).map(p => p.counts.warn),
    ).toEqual([1, 1]);
  });

  it('keeps the last evaluation of an entity a page names twice, counting it once', async () => {
    const { store } = await createStore();
    const search = (...states: CheckResult['state'][]) =>
      evaluation(
        'search',
        { owner: teamB, tier: 'supporting' },
        checks(...states),
      );
    await store.storeEvaluations(
      [search('fail', 'fail'), search('pass', 'fail'), search('pass', 'pass')],
      new Date('2026-11-25T11:00:00Z'),
    );
    expect(
      (await store.getResults('component:default/search'))?.results.map(
        r => r.state,
      ),
    ).toEqual(['pass', 'pass']);
    const teamBGroup = async () =>
      (await store.getComplianceRollup('owner', {})).groups.find(
        g => g.key === teamB,
      );
    // The running totals (wiki and search), and the same after the daily recount.
    const running = await teamBGroup();
    expect([running?.entities, running?.counts.pass]).toEqual([2, 3]);
    await store.recordComplianceDay('2026-11-25');
    expect(await teamBGroup()).toEqual(running);
  });

  it('counts a day once when two of its records run at the same moment', async () => {
    const { store } = await createStore();
    // A manual run beside the scheduled one: neither may fail, nor count the day twice.
    await Promise.all(
      Array.from({ length: 4 }, () => store.recordComplianceDay('2026-11-25')),
    );
    expect(await teamATrend(store)).toEqual([['2026-11-25', 4, 8]]);
  });

  it('stores only the combinations that changed, carrying the others forward day by day', async () => {
    const { store, knex } = await createStore();
    await store.recordComplianceDay('2026-11-20');
    const [{ baseline }] = await knex('compliance_changes').count({
      baseline: '*',
    });
    // Nothing changed for three days: no rows, but a point on each day.
    await store.recordComplianceDay('2026-11-23');
    const [{ after }] = await knex('compliance_changes').count({
      after: '*',
    });
    expect(Number(after)).toBe(Number(baseline));
    expect(
      (await store.getComplianceTrend({}, '2026-11-19', '2026-11-23')).map(
        p => p.day,
      ),
    ).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);

    // team-b's only entity moves to team-a: team-b's trend ends, team-a's grows.
    await store.storeEvaluations(
      [
        evaluation(
          'wiki',
          { owner: teamA, tier: 'supporting' },
          checks('pass', 'pass'),
        ),
      ],
      new Date('2026-11-24T10:00:00Z'),
    );
    await store.recordComplianceDay('2026-11-24');
    const totals = async (owner: string, from: string, to: string) =>
      (await store.getComplianceTrend({ owner }, from, to)).map(p => [
        p.day,
        p.counts.total,
      ]);
    expect(await totals(teamB, '2026-11-22', '2026-11-24')).toEqual([
      ['2026-11-22', 2],
      ['2026-11-23', 2],
    ]);
    expect(await totals(teamA, '2026-11-23', '2026-11-24')).toEqual([
      ['2026-11-23', 8],
      ['2026-11-24', 10],
    ]);
  });
});
