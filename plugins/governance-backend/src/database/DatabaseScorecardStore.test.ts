import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { EntityEvaluation } from './ScorecardStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const result = (
  checkId: string,
  state: CheckResult['state'],
  actual?: string,
): CheckResult => ({
  checkId,
  title: checkId,
  state,
  target: 'target',
  actual,
  factName: 'coverage',
  stale: false,
});

/** Results of standard-tier entities that sit nowhere in particular. */
const asEvaluations = (
  results: Map<string, CheckResult[]>,
): EntityEvaluation[] =>
  [...results].map(([entityRef, checks]) => ({
    entityRef,
    placement: { tier: 'standard' },
    results: checks,
  }));

/** Stores entity a passing and entity b failing their one check, x. */
const storePassingAAndFailingB = (store: DatabaseScorecardStore) =>
  store.storeEvaluations(
    asEvaluations(
      new Map([
        ['component:default/a', [result('x', 'pass')]],
        ['component:default/b', [result('x', 'fail')]],
      ]),
    ),
    new Date(),
  );

describeEachDatabase('scorecard storage', ({ migrated }) => {
  async function createStore() {
    const knex = await migrated();
    return { knex, store: new DatabaseScorecardStore(knex) };
  }

  it('stores current results in check order and a transition only when a result changes', async () => {
    const { store } = await createStore();
    const ref = 'component:default/search';
    const t1 = new Date('2026-11-20T00:00:00.000Z');
    const t2 = new Date('2026-11-21T00:00:00.000Z');
    const t3 = new Date('2026-11-22T00:00:00.000Z');

    await store.storeEvaluations(
      asEvaluations(
        new Map([[ref, [result('b', 'unknown'), result('a', 'fail', '60%')]]]),
      ),
      t1,
    );
    await store.storeEvaluations(
      asEvaluations(
        new Map([[ref, [result('b', 'unknown'), result('a', 'fail', '60%')]]]),
      ),
      t2,
    );
    await store.storeEvaluations(
      asEvaluations(
        new Map([
          [ref, [result('b', 'pass', '1'), result('a', 'fail', '60%')]],
        ]),
      ),
      t3,
    );

    expect(await store.getResults(ref)).toEqual({
      results: [result('b', 'pass', '1'), result('a', 'fail', '60%')],
      evaluatedAt: t3.toISOString(),
    });
    expect(await store.listTransitions(ref, t1)).toEqual([
      {
        entityRef: ref,
        checkId: 'b',
        state: 'unknown',
        changedAt: t1.toISOString(),
      },
      {
        entityRef: ref,
        checkId: 'a',
        state: 'fail',
        actual: '60%',
        changedAt: t1.toISOString(),
      },
      {
        entityRef: ref,
        checkId: 'b',
        state: 'pass',
        actual: '1',
        changedAt: t3.toISOString(),
      },
    ]);
  });

  it('records a check that no longer applies as removed', async () => {
    const { store } = await createStore();
    const ref = 'component:default/search';
    await store.storeEvaluations(
      asEvaluations(new Map([[ref, [result('testing-load', 'pass')]]])),
      new Date('2026-11-20T00:00:00Z'),
    );
    await store.storeEvaluations(
      asEvaluations(new Map([[ref, [result('testing-unit', 'pass')]]])),
      new Date('2026-11-21T00:00:00Z'),
    );
    const states = (await store.listTransitions(ref, new Date(0))).map(t => [
      t.checkId,
      t.state,
    ]);
    expect(states).toEqual([
      ['testing-load', 'pass'],
      ['testing-unit', 'pass'],
      ['testing-load', 'removed'],
    ]);
  });

  it('removes current results of entities that left, keeping their history', async () => {
    const { store } = await createStore();
    await storePassingAAndFailingB(store);
    expect(
      await store.removeResultsExcept(new Set(['component:default/a'])),
    ).toBe(1);
    expect(await store.getResults('component:default/b')).toBeUndefined();
    expect(await store.getResults('component:default/a')).toBeDefined();
    expect(
      await store.listTransitions('component:default/b', new Date(0)),
    ).toHaveLength(1);
  });

  it('counts as removed only the entities among `storedAmong` that had results', async () => {
    const { store } = await createStore();
    await storePassingAAndFailingB(store);
    // `never-stored` came and went between two passes without being evaluated.
    expect(
      await store.removeResultsExcept(new Set(['component:default/a']), {
        storedAmong: [
          'component:default/a',
          'component:default/b',
          'component:default/never-stored',
        ],
      }),
    ).toBe(1);
    expect(await store.getResults('component:default/b')).toBeUndefined();
    expect(await store.getResults('component:default/a')).toBeDefined();
  });

  it('stores thousands of entities in one call', async () => {
    const { store } = await createStore();
    const results = new Map(
      Array.from({ length: 2000 }, (_, i) => [
        `component:default/s-${i}`,
        [result('a', 'pass'), result('b', 'fail')],
      ]),
    );
    await store.storeEvaluations(asEvaluations(results), new Date());
    expect(
      (await store.getResults('component:default/s-1999'))?.results,
    ).toHaveLength(2);
  });

  it('stores an entity whose catalog title is longer than the column, and the rest of its page', async () => {
    const { knex, store } = await createStore();
    const long = `Payments ${'ledger '.repeat(60)}`;
    await store.storeEvaluations(
      [
        {
          entityRef: 'component:default/long',
          placement: { tier: 'standard', title: long },
          results: [result('a', 'pass')],
        },
        ...asEvaluations(
          new Map([['component:default/short', [result('a', 'fail')]]]),
        ),
      ],
      new Date(),
    );
    const rows = await knex('evaluated_entities')
      .orderBy('entity_ref')
      .select('entity_ref', 'title');
    expect(rows).toEqual([
      { entity_ref: 'component:default/long', title: long.slice(0, 255) },
      { entity_ref: 'component:default/short', title: null },
    ]);
  });

  it('prunes old transitions but keeps the latest one of each check', async () => {
    const { store } = await createStore();
    const ref = 'component:default/payments';
    // Check a flips at each evaluation; check b passes throughout.
    const evaluations = [
      ['fail', '2025-01-01T00:00:00Z'],
      ['pass', '2025-02-01T00:00:00Z'],
      ['fail', '2025-03-01T00:00:00Z'],
      ['pass', '2026-11-01T00:00:00Z'],
    ] as const;
    for (const [a, at] of evaluations) {
      await store.storeEvaluations(
        asEvaluations(new Map([[ref, [result('a', a), result('b', 'pass')]]])),
        new Date(at),
      );
    }

    // Of the three old rows, one goes: each check keeps its latest change before the cutoff.
    expect(await store.pruneHistory(new Date('2026-01-01T00:00:00Z'))).toBe(1);

    expect(
      (await store.listTransitions(ref, new Date(0))).map(t => [
        t.checkId,
        t.state,
        t.changedAt.slice(0, 10),
      ]),
    ).toEqual([
      ['b', 'pass', '2025-01-01'],
      ['a', 'fail', '2025-03-01'],
      ['a', 'pass', '2026-11-01'],
    ]);
    // Nothing more to prune.
    expect(await store.pruneHistory(new Date('2026-01-01T00:00:00Z'))).toBe(0);
  });
});
