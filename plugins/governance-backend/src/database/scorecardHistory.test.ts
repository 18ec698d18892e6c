import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { checkResult } from '@catalog-governance/backstage-plugin-governance-common/testUtils';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { DatabaseEscalationSignals } from './DatabaseEscalationSignals';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { decodeHistoryChanges, encodeHistoryChanges } from './scorecardHistory';

/** A stored result, with the value the check read when it has one. */
const result = (
  checkId: string,
  state: CheckResult['state'],
  actual?: string,
): CheckResult => ({
  ...checkResult(checkId, state),
  ...(actual === undefined ? {} : { actual }),
});

describe('history changes as stored', () => {
  it('reads back what it wrote, with and without an actual value', () => {
    const changes = [
      { checkId: 'coverage', state: 'fail' as const, actual: '42%' },
      { checkId: 'security-review', state: 'removed' as const },
    ];
    const stored = encodeHistoryChanges(changes);
    expect(stored).toBe('[["coverage","f","42%"],["security-review","r"]]');
    expect(decodeHistoryChanges(stored)).toEqual(changes);
  });

  it('keeps a change whose state it has no letter for in the object form, so pruning loses nothing', () => {
    const changes = [
      { checkId: 'coverage', state: 'fail' as const },
      { checkId: 'tests', state: 'stale' as unknown as 'fail', actual: '3' },
    ];
    const stored = encodeHistoryChanges(changes);
    expect(stored).toBe(
      '[["coverage","f"],{"checkId":"tests","state":"stale","actual":"3"}]',
    );
    expect(decodeHistoryChanges(stored)).toEqual(changes);
  });

  it('reads rows in the object form written before the compact one', () => {
    expect(
      decodeHistoryChanges(
        '[{"checkId":"coverage","state":"pass","actual":"90%"},{"checkId":"tests","state":"warn"}]',
      ),
    ).toEqual([
      { checkId: 'coverage', state: 'pass', actual: '90%' },
      { checkId: 'tests', state: 'warn' },
    ]);
  });
});

describeEachDatabase('scorecard history', ({ migrated }) => {
  const ref = 'component:default/payments';

  async function createStores() {
    const knex = await migrated();
    const store = new DatabaseScorecardStore(knex);
    const evaluate = (results: CheckResult[], at: string) =>
      store.storeEvaluations(
        [{ entityRef: ref, placement: { tier: 'core' }, results }],
        new Date(at),
      );
    return { knex, store, evaluate };
  }

  it('stores only the checks that changed, without property names and with state letters, and lists them as transitions', async () => {
    const { knex, store, evaluate } = await createStores();
    await evaluate(
      [result('coverage', 'fail', '10%'), result('tests', 'pass')],
      '2026-10-01T00:00:00Z',
    );
    await evaluate(
      [result('coverage', 'pass', '85%'), result('tests', 'pass')],
      '2026-10-02T00:00:00Z',
    );
    expect(
      await knex('scorecard_history').orderBy('id').pluck('changes'),
    ).toEqual([
      '[["coverage","f","10%"],["tests","p"]]',
      '[["coverage","p","85%"]]',
    ]);
    expect(await store.listTransitions(ref, new Date(0))).toEqual([
      {
        entityRef: ref,
        checkId: 'coverage',
        state: 'fail',
        actual: '10%',
        changedAt: '2026-10-01T00:00:00.000Z',
      },
      {
        entityRef: ref,
        checkId: 'tests',
        state: 'pass',
        actual: undefined,
        changedAt: '2026-10-01T00:00:00.000Z',
      },
      {
        entityRef: ref,
        checkId: 'coverage',
        state: 'pass',
        actual: '85%',
        changedAt: '2026-10-02T00:00:00.000Z',
      },
    ]);
  });

  it('reads history rows in the object form, as the example data seeds them', async () => {
    const { knex, store, evaluate } = await createStores();
    await knex('scorecard_history').insert({
      entity_ref: ref,
      changes: JSON.stringify([
        { checkId: 'coverage', state: 'fail', actual: '10%' },
      ]),
      changed_at: new Date('2026-09-01T00:00:00Z'),
    });
    await evaluate([result('coverage', 'fail', '12%')], '2026-10-01T00:00:00Z');
    expect(
      (await store.listTransitions(ref, new Date(0))).map(t => [
        t.state,
        t.actual,
      ]),
    ).toEqual([
      ['fail', '10%'],
      ['fail', '12%'],
    ]);
    // The failing run started with the seeded row.
    const [failing] = await new DatabaseEscalationSignals(
      knex,
    ).listFailingChecks({});
    expect(failing.failingSince).toBe('2026-09-01T00:00:00.000Z');
  });

  it('prunes compact rows to the state each check was in when the kept history starts', async () => {
    const { knex, store, evaluate } = await createStores();
    for (const [coverage, actual, at] of [
      ['fail', '10%', '2025-01-01'],
      ['pass', '90%', '2025-02-01'],
      ['fail', '20%', '2025-03-01'],
      ['pass', '95%', '2026-11-01'],
    ] as const) {
      await evaluate(
        [result('coverage', coverage, actual), result('tests', 'warn')],
        `${at}T00:00:00Z`,
      );
    }
    expect(await store.pruneHistory(new Date('2026-01-01T00:00:00Z'))).toBe(1);
    expect(
      (await store.listTransitions(ref, new Date(0))).map(t => [
        t.checkId,
        t.state,
        t.actual,
        t.changedAt.slice(0, 10),
      ]),
    ).toEqual([
      ['tests', 'warn', undefined, '2025-01-01'],
      ['coverage', 'fail', '20%', '2025-03-01'],
      ['coverage', 'pass', '95%', '2026-11-01'],
    ]);
    expect(
      await knex('scorecard_history').orderBy('changed_at').pluck('changes'),
    ).toEqual([
      '[["tests","w"]]',
      '[["coverage","f","20%"]]',
      '[["coverage","p","95%"]]',
    ]);
  });
});
