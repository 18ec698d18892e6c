import {
  CheckResult,
  CheckResultCounts,
  countCheckResult,
  DEFAULT_STANDARDS,
  DEPENDENCIES_CHECK_ID,
} from '@catalog-governance/backstage-plugin-governance-common';
import { mockServices } from '@backstage/backend-test-utils';
import { checkResult } from '@catalog-governance/backstage-plugin-governance-common/testUtils';
import { StandardsService } from '../standards/StandardsService';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { DatabaseStandardsStore } from './DatabaseStandardsStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import {
  migrateToLatest,
  undoMigrations,
} from '../__testUtils__/migrationSteps';

const PAYMENTS = 'component:default/payments';
const BILLING = 'component:default/billing';

/** Stores one result of each state, evidence and origin; returns how countCheckResult counts them. */
async function storeEveryKindOfResult(
  evaluate: (
    entityRef: string,
    results: CheckResult[],
    at: string,
  ) => Promise<void>,
): Promise<Map<string, CheckResultCounts>> {
  const states: CheckResult['state'][] = [
    'pass',
    'warn',
    'fail',
    'unknown',
    'waived',
  ];
  const kinds: Array<Partial<CheckResult>> = [
    { evidence: 'automated' },
    { evidence: 'attested' },
    // The result's own evidence wins over what its origin implies.
    { evidence: 'attested', origin: 'measured' },
    { origin: 'measured' },
    { origin: 'declared' },
    {},
  ];
  const expected = new Map<string, CheckResultCounts>();
  let n = 0;
  for (const checkId of ['coverage', DEPENDENCIES_CHECK_ID]) {
    for (const state of states) {
      for (const kind of kinds) {
        const stored = { ...checkResult(checkId, state), ...kind };
        countCheckResult(expected, stored);
        await evaluate(
          `component:default/service-${n++}`,
          [stored],
          '2027-01-04T09:00:00Z',
        );
      }
    }
  }
  return expected;
}

describeEachDatabase('standards storage', ({ migrated }) => {
  async function setUp() {
    const knex = await migrated();
    const scorecards = new DatabaseScorecardStore(knex);
    const store = new DatabaseStandardsStore(knex);
    const evaluate = (entityRef: string, results: CheckResult[], at: string) =>
      scorecards.storeEvaluations(
        [{ entityRef, placement: { tier: 'core' }, results }],
        new Date(at),
      );
    return { knex, store, evaluate };
  }

  it('counts the current results per check, leaving out hidden entities', async () => {
    const { store, evaluate } = await setUp();
    await evaluate(
      PAYMENTS,
      [
        checkResult('coverage', 'pass', { evidence: 'automated' }),
        checkResult('security-review', 'fail', { evidence: 'attested' }),
      ],
      '2027-01-04T09:00:00Z',
    );
    await evaluate(
      BILLING,
      [
        checkResult('coverage', 'waived', { evidence: 'attested' }),
        checkResult('availability', 'unknown'),
      ],
      '2027-01-04T09:00:00Z',
    );
    expect(Object.fromEntries(await store.countCheckResults())).toEqual({
      coverage: { total: 2, compliant: 2, automated: 1 },
      'security-review': { total: 1, compliant: 0, automated: 0 },
      availability: { total: 1, compliant: 0, automated: 0 },
    });
    expect(
      Object.fromEntries(await store.countCheckResults([BILLING])),
    ).toEqual({
      coverage: { total: 1, compliant: 1, automated: 1 },
      'security-review': { total: 1, compliant: 0, automated: 0 },
    });
    expect((await store.countCheckResults('all')).size).toBe(0);
  });

  it('counts in the database as evidenceOf and countCheckResult count: every state, evidence and origin', async () => {
    const { store, evaluate } = await setUp();
    const expected = await storeEveryKindOfResult(evaluate);
    expect(await store.countCheckResults()).toEqual(expected);
  });

  it('fills in the tallies of results stored before they existed', async () => {
    const { knex, store, evaluate } = await setUp();
    const expected = await storeEveryKindOfResult(evaluate);
    await undoMigrations(knex, '20261209020000_result_tallies.js');
    await migrateToLatest(knex);
    expect(await store.countCheckResults()).toEqual(expected);
  });

  it('reads past the first page of a large catalog', async () => {
    const { store, evaluate } = await setUp();
    for (let i = 0; i < 510; i++) {
      await evaluate(
        `component:default/service-${String(i).padStart(4, '0')}`,
        [checkResult('coverage', 'pass', { evidence: 'automated' })],
        '2027-01-04T09:00:00Z',
      );
    }
    expect((await store.countCheckResults()).get('coverage')).toEqual({
      total: 510,
      compliant: 510,
      automated: 510,
    });
  });

  it('keeps one snapshot per day, the latest, and prunes old days', async () => {
    const { store } = await setUp();
    const counts = (total: number) => ({ total, compliant: 1, automated: 1 });
    await store.recordStandardsDay('2027-01-03', [
      { standardId: 'testing', counts: counts(2) },
    ]);
    await store.recordStandardsDay('2027-01-04', [
      { standardId: 'testing', counts: counts(3) },
    ]);
    await store.recordStandardsDay('2027-01-04', [
      { standardId: 'testing', counts: counts(4) },
      { standardId: 'security', counts: counts(5) },
    ]);
    expect(await store.listStandardsDays('2027-01-01', '2027-01-31')).toEqual([
      { standardId: 'testing', day: '2027-01-03', counts: counts(2) },
      { standardId: 'security', day: '2027-01-04', counts: counts(5) },
      { standardId: 'testing', day: '2027-01-04', counts: counts(4) },
    ]);
    expect(await store.pruneStandardsDays('2027-01-04')).toBe(1);
    expect(
      (await store.listStandardsDays('2027-01-01', '2027-01-31')).map(
        row => row.day,
      ),
    ).toEqual(['2027-01-04', '2027-01-04']);
  });

  it('shows each standard with compliance, automation against its target and its trend', async () => {
    const { store, evaluate } = await setUp();
    const service = new StandardsService({
      store,
      standards: DEFAULT_STANDARDS,
      logger: mockServices.logger.mock(),
      retentionDays: 30,
    });
    await evaluate(
      PAYMENTS,
      [
        checkResult('coverage', 'pass', { evidence: 'attested' }),
        checkResult('testing-unit', 'fail', { evidence: 'attested' }),
        checkResult('custom-slo', 'pass', { evidence: 'automated' }),
      ],
      '2027-01-03T09:00:00Z',
    );
    await service.recordDay(new Date('2027-01-03T10:00:00Z'));
    await evaluate(
      PAYMENTS,
      [
        checkResult('coverage', 'pass', { evidence: 'automated' }),
        checkResult('testing-unit', 'pass', { evidence: 'attested' }),
        checkResult('custom-slo', 'pass', { evidence: 'automated' }),
      ],
      '2027-01-04T09:00:00Z',
    );
    const list = await service.list({
      hidden: undefined,
      days: 30,
      now: new Date('2027-01-04T12:00:00Z'),
    });
    const testing = list.items.find(s => s.id === 'testing-requirements')!;
    expect(testing).toMatchObject({
      compliancePercent: 100,
      automationPercent: 50,
      // 50% is below the 70-80% the article asks of testing requirements.
      belowTarget: true,
      trend: [
        {
          day: '2027-01-03',
          counts: { total: 2, compliant: 1, automated: 0 },
        },
        {
          day: '2027-01-04',
          counts: { total: 2, compliant: 2, automated: 1 },
        },
      ],
    });
    const coding = list.items.find(s => s.id === 'coding-standards')!;
    expect(coding).toMatchObject({
      compliancePercent: null,
      automationPercent: null,
      belowTarget: false,
      trend: [],
    });
    expect(list.unmapped).toEqual({
      checks: ['custom-slo'],
      counts: { total: 1, compliant: 1, automated: 1 },
    });

    // A caller who may not see every entity gets today's point only.
    const partial = await service.list({
      hidden: [BILLING],
      days: 30,
      now: new Date('2027-01-04T12:00:00Z'),
    });
    expect(
      partial.items.find(s => s.id === 'testing-requirements')!.trend,
    ).toEqual([
      { day: '2027-01-04', counts: { total: 2, compliant: 2, automated: 1 } },
    ]);
  });
});
