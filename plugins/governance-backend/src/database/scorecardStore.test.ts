import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { DatabaseGovernanceStore } from './DatabaseGovernanceStore';
import { EntityEvaluation } from './GovernanceStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

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

describe.each(databases.eachSupportedId())(
  'scorecard storage on %s',
  databaseId => {
    async function createStore(options: { maxSourcesPerFact?: number } = {}) {
      const knex = await databases.init(databaseId);
      const store = await DatabaseGovernanceStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
        ...options,
      });
      return { knex, store };
    }

    const fact = (
      entityRef: string,
      name: string,
      source: string,
      observedAt: string,
    ) => ({ entityRef, name, value: 90, source, observedAt });

    it("keeps at most maxSourcesPerFact sources of an entity's fact, the most recently observed", async () => {
      const { store } = await createStore({ maxSourcesPerFact: 3 });
      const ref = 'component:default/payments';
      const other = 'component:default/ledger';
      await store.addFacts(
        [
          fact(ref, 'coverage', 'a', '2026-11-20T00:00:00.000Z'),
          fact(ref, 'coverage', 'b', '2026-11-21T00:00:00.000Z'),
          fact(ref, 'testingKinds', 'a', '2026-11-01T00:00:00.000Z'),
          fact(other, 'coverage', 'a', '2026-11-01T00:00:00.000Z'),
        ],
        new Date(),
      );
      // Three more sources, one batch at a time and in one batch.
      await store.addFacts(
        [fact(ref, 'coverage', 'c', '2026-11-22T00:00:00.000Z')],
        new Date(),
      );
      await store.addFacts(
        [
          fact(ref, 'coverage', 'd', '2026-11-19T00:00:00.000Z'),
          fact(ref, 'coverage', 'e', '2026-11-23T00:00:00.000Z'),
        ],
        new Date(),
      );
      const facts = await store.getFacts([ref, other]);
      const sources = (entityRef: string, name: string) =>
        facts
          .get(entityRef)!
          .filter(f => f.name === name)
          .map(f => f.source)
          .sort();
      expect(sources(ref, 'coverage')).toEqual(['b', 'c', 'e']);
      expect(sources(ref, 'testingKinds')).toEqual(['a']);
      expect(sources(other, 'coverage')).toEqual(['a']);
    });

    it('prunes facts observed before a cutoff and removes the facts of given entities', async () => {
      const { store } = await createStore();
      const payments = 'component:default/payments';
      const gone = 'component:default/gone';
      await store.addFacts(
        [
          fact(payments, 'coverage', 'old', '2025-10-01T00:00:00.000Z'),
          fact(payments, 'coverage', 'new', '2026-11-01T00:00:00.000Z'),
          fact(gone, 'coverage', 'new', '2026-11-01T00:00:00.000Z'),
        ],
        new Date(),
      );
      expect((await store.listFactEntityRefs()).sort()).toEqual([
        gone,
        payments,
      ]);
      expect(await store.pruneFacts(new Date('2026-01-01T00:00:00Z'))).toBe(1);
      expect(await store.removeFacts([gone])).toBe(1);
      const facts = await store.getFacts([payments, gone]);
      expect(facts.get(payments)!.map(f => f.source)).toEqual(['new']);
      expect(facts.get(gone)).toBeUndefined();
    });

    it('keeps only the latest observation per entity, fact and source', async () => {
      const { store } = await createStore();
      const ref = 'component:default/payments';
      await store.addFacts(
        [
          {
            entityRef: ref,
            name: 'coverage',
            value: 70,
            source: 'ci',
            observedAt: '2026-11-20T00:00:00.000Z',
          },
          {
            entityRef: ref,
            name: 'coverage',
            value: 80,
            source: 'ci',
            observedAt: '2026-11-22T00:00:00.000Z',
          },
          {
            entityRef: ref,
            name: 'testingKinds',
            value: ['unit'],
            source: 'ci',
            observedAt: '2026-11-22T00:00:00.000Z',
          },
        ],
        new Date(),
      );
      // An older observation arriving late does not overwrite a newer one.
      await store.addFacts(
        [
          {
            entityRef: ref,
            name: 'coverage',
            value: 10,
            source: 'ci',
            observedAt: '2026-11-01T00:00:00.000Z',
          },
        ],
        new Date(),
      );
      await store.addFacts(
        [
          {
            entityRef: ref,
            name: 'coverage',
            value: 85,
            source: 'nightly',
            observedAt: '2026-11-21T00:00:00.000Z',
          },
        ],
        new Date(),
      );

      const facts = (await store.getFacts([ref])).get(ref)!;
      expect(
        facts
          .map(f => [f.name, f.source, f.value, f.observedAt])
          .sort((a, b) => String(a).localeCompare(String(b))),
      ).toEqual([
        ['coverage', 'ci', 80, '2026-11-22T00:00:00.000Z'],
        ['coverage', 'nightly', 85, '2026-11-21T00:00:00.000Z'],
        ['testingKinds', 'ci', ['unit'], '2026-11-22T00:00:00.000Z'],
      ]);
    });

    it('stores current results in check order and a transition only when a result changes', async () => {
      const { store } = await createStore();
      const ref = 'component:default/search';
      const t1 = new Date('2026-11-20T00:00:00.000Z');
      const t2 = new Date('2026-11-21T00:00:00.000Z');
      const t3 = new Date('2026-11-22T00:00:00.000Z');

      await store.storeEvaluations(
        asEvaluations(
          new Map([
            [ref, [result('b', 'unknown'), result('a', 'fail', '60%')]],
          ]),
        ),
        t1,
      );
      await store.storeEvaluations(
        asEvaluations(
          new Map([
            [ref, [result('b', 'unknown'), result('a', 'fail', '60%')]],
          ]),
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
      await store.storeEvaluations(
        asEvaluations(
          new Map([
            ['component:default/a', [result('x', 'pass')]],
            ['component:default/b', [result('x', 'fail')]],
          ]),
        ),
        new Date(),
      );
      expect(
        await store.removeResultsExcept(new Set(['component:default/a'])),
      ).toBe(1);
      expect(await store.getResults('component:default/b')).toBeUndefined();
      expect(await store.getResults('component:default/a')).toBeDefined();
      expect(
        await store.listTransitions('component:default/b', new Date(0)),
      ).toHaveLength(1);
    });

    it('stores a batch of thousands of facts in one call', async () => {
      const { store } = await createStore();
      const observedAt = '2026-11-24T00:00:00.000Z';
      await store.addFacts(
        Array.from({ length: 3000 }, (_, i) => ({
          entityRef: `component:default/s-${i % 1000}`,
          name: ['coverage', 'p95LatencyMs', 'availability'][i % 3],
          value: 90,
          source: 'ci',
          observedAt,
        })),
        new Date(),
      );
      expect(
        (await store.getFacts(['component:default/s-999'])).get(
          'component:default/s-999',
        ),
      ).toHaveLength(3);
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
  },
);

describe.each(databases.eachSupportedId())(
  'history retention on %s',
  databaseId => {
    it('prunes old transitions but keeps the latest one of each check', async () => {
      const store = await DatabaseGovernanceStore.create({
        database: mockServices.database({
          knex: await databases.init(databaseId),
          migrations: { skip: false },
        }),
      });
      const ref = 'component:default/payments';
      await store.storeEvaluations(
        asEvaluations(
          new Map([[ref, [result('a', 'fail'), result('b', 'pass')]]]),
        ),
        new Date('2025-01-01T00:00:00Z'),
      );
      await store.storeEvaluations(
        asEvaluations(
          new Map([[ref, [result('a', 'pass'), result('b', 'pass')]]]),
        ),
        new Date('2025-02-01T00:00:00Z'),
      );
      await store.storeEvaluations(
        asEvaluations(
          new Map([[ref, [result('a', 'fail'), result('b', 'pass')]]]),
        ),
        new Date('2025-03-01T00:00:00Z'),
      );
      await store.storeEvaluations(
        asEvaluations(
          new Map([[ref, [result('a', 'pass'), result('b', 'pass')]]]),
        ),
        new Date('2026-11-01T00:00:00Z'),
      );

      // Of the three old rows, one goes: each check keeps its latest change before the cutoff.
      expect(await store.pruneHistory(new Date('2026-01-01T00:00:00Z'))).toBe(
        1,
      );

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
      expect(await store.pruneHistory(new Date('2026-01-01T00:00:00Z'))).toBe(
        0,
      );
    });
  },
);

describe.each(databases.eachSupportedId())('waivers on %s', databaseId => {
  it('records grant and revocation, and refuses a second revocation', async () => {
    const store = await DatabaseGovernanceStore.create({
      database: mockServices.database({
        knex: await databases.init(databaseId),
        migrations: { skip: false },
      }),
    });
    await store.createWaiver({
      id: '00000000-0000-4000-8000-000000000001',
      entityRef: 'component:default/payments',
      checkId: 'coverage',
      reason: 'Rewrite in progress',
      expiresAt: '2026-12-31T23:59:59.000Z',
      createdBy: 'user:default/grace.hopper',
      createdAt: '2026-11-25T10:00:00.000Z',
    });
    const revoked = await store.revokeWaiver(
      '00000000-0000-4000-8000-000000000001',
      'user:default/amir.karimi',
      new Date('2026-11-26T10:00:00.000Z'),
    );
    expect(revoked).toMatchObject({
      revokedBy: 'user:default/amir.karimi',
      revokedAt: '2026-11-26T10:00:00.000Z',
      expiresAt: '2026-12-31T23:59:59.000Z',
    });
    await expect(
      store.revokeWaiver(
        '00000000-0000-4000-8000-000000000001',
        'user:default/x',
        new Date(),
      ),
    ).rejects.toThrow('already revoked by user:default/amir.karimi');
    await expect(
      store.revokeWaiver('nope', 'user:default/x', new Date()),
    ).rejects.toThrow('No waiver with id nope');
    expect(
      await store.listWaivers(['component:default/payments']),
    ).toHaveLength(1);
  });
});
