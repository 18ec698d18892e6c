import { DatabaseFactStore } from './DatabaseFactStore';
import { FactStore, MeasuredFact } from './FactStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

describeEachDatabase('fact storage', ({ migrated }) => {
  async function createStore(options: { maxSourcesPerFact?: number } = {}) {
    const knex = await migrated();
    return { knex, store: new DatabaseFactStore(knex, options) };
  }

  const fact = (
    entityRef: string,
    name: string,
    source: string,
    observedAt: string,
    value: MeasuredFact['value'] = 90,
  ): MeasuredFact => ({ entityRef, name, value, source, observedAt });
  /** Stores the observations as a push received now does. */
  const push = (store: FactStore, facts: MeasuredFact[]) =>
    store.addFacts(facts, new Date());

  it("keeps at most maxSourcesPerFact sources of an entity's fact, the most recently observed", async () => {
    const { store } = await createStore({ maxSourcesPerFact: 3 });
    const ref = 'component:default/payments';
    const other = 'component:default/ledger';
    await push(store, [
      fact(ref, 'coverage', 'a', '2026-11-20T00:00:00.000Z'),
      fact(ref, 'coverage', 'b', '2026-11-21T00:00:00.000Z'),
      fact(ref, 'testingKinds', 'a', '2026-11-01T00:00:00.000Z'),
      fact(other, 'coverage', 'a', '2026-11-01T00:00:00.000Z'),
    ]);
    // Three more sources, one batch at a time and in one batch.
    await push(store, [fact(ref, 'coverage', 'c', '2026-11-22T00:00:00.000Z')]);
    await push(store, [
      fact(ref, 'coverage', 'd', '2026-11-19T00:00:00.000Z'),
      fact(ref, 'coverage', 'e', '2026-11-23T00:00:00.000Z'),
    ]);
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

  it('reads each observation time back as the instant pushed, in UTC to the millisecond', async () => {
    const { store } = await createStore();
    const ref = 'component:default/payments';
    await push(store, [
      fact(ref, 'coverage', 'ci', '2026-11-20T10:15:30.057Z'),
      fact(ref, 'p95LatencyMs', 'apm', '2026-03-01T23:59:59.999+02:00'),
    ]);
    const observed = Object.fromEntries(
      (await store.getFacts([ref])).get(ref)!.map(f => [f.name, f.observedAt]),
    );
    expect(observed).toEqual({
      coverage: '2026-11-20T10:15:30.057Z',
      p95LatencyMs: '2026-03-01T21:59:59.999Z',
    });
  });

  it('prunes facts observed before a cutoff and removes the facts of given entities', async () => {
    const { store } = await createStore();
    const payments = 'component:default/payments';
    const gone = 'component:default/gone';
    await push(store, [
      fact(payments, 'coverage', 'old', '2025-10-01T00:00:00.000Z'),
      fact(payments, 'coverage', 'new', '2026-11-01T00:00:00.000Z'),
      fact(gone, 'coverage', 'new', '2026-11-01T00:00:00.000Z'),
    ]);
    expect((await store.listFactEntityRefs()).sort()).toEqual([gone, payments]);
    const removals = async () =>
      (await store.listFactChangesSince(new Date(), ['coverage'])).removals;
    const before = await removals();
    expect(await store.pruneFacts(new Date('2026-01-01T00:00:00Z'))).toBe(1);
    // A pass learns of a pruning only from the counter: one that deletes nothing leaves it.
    expect(await removals()).toBe(before + 1);
    expect(await store.pruneFacts(new Date('2026-01-01T00:00:00Z'))).toBe(0);
    expect(await removals()).toBe(before + 1);
    // A pass that reads every entity asks for the count alone.
    expect(await store.countFactRemovals()).toBe(before + 1);
    expect(await store.removeFacts([gone])).toBe(1);
    const facts = await store.getFacts([payments, gone]);
    expect(facts.get(payments)!.map(f => f.source)).toEqual(['new']);
    expect(facts.get(gone)).toBeUndefined();
  });

  it('keeps only the latest observation per entity, fact and source', async () => {
    const { store } = await createStore();
    const ref = 'component:default/payments';
    await push(store, [
      fact(ref, 'coverage', 'ci', '2026-11-20T00:00:00.000Z', 70),
      fact(ref, 'coverage', 'ci', '2026-11-22T00:00:00.000Z', 80),
      fact(ref, 'testingKinds', 'ci', '2026-11-22T00:00:00.000Z', ['unit']),
    ]);
    // An older observation arriving late does not overwrite a newer one.
    await push(store, [
      fact(ref, 'coverage', 'ci', '2026-11-01T00:00:00.000Z', 10),
    ]);
    await push(store, [
      fact(ref, 'coverage', 'nightly', '2026-11-21T00:00:00.000Z', 85),
    ]);

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

  it('reads each value back as pushed, only the facts named, for more entities than one read takes', async () => {
    const { store } = await createStore();
    const observedAt = '2026-11-24T00:00:00.000Z';
    const values = [99.95, true, 'Go "1.22" – ünïcode', ['unit', 'e2e']];
    const refs = Array.from(
      { length: 1_001 },
      (_, i) => `component:default/s-${i}`,
    );
    await push(
      store,
      refs.flatMap((entityRef, i) => [
        {
          entityRef,
          name: 'reading',
          value: values[i % 4],
          source: 'ci',
          observedAt,
        },
        { entityRef, name: 'unread', value: 1, source: 'ci', observedAt },
      ]),
    );
    const facts = await store.getFacts([...refs, 'component:default/none'], {
      names: ['reading'],
    });
    expect(facts.size).toBe(1_001);
    expect(facts.get('component:default/s-1000')).toEqual([
      {
        entityRef: 'component:default/s-1000',
        name: 'reading',
        source: 'ci',
        value: 99.95,
        observedAt,
      },
    ]);
    expect(
      refs.slice(0, 4).map(ref => facts.get(ref)!.map(f => f.value)),
    ).toEqual(values.map(value => [value]));
    expect(await store.getFacts([], { names: ['reading'] })).toEqual(new Map());
  });

  it('stores a batch of thousands of facts in one call', async () => {
    const { store } = await createStore();
    const observedAt = '2026-11-24T00:00:00.000Z';
    await push(
      store,
      Array.from({ length: 3000 }, (_, i) => ({
        entityRef: `component:default/s-${i % 1000}`,
        name: ['coverage', 'p95LatencyMs', 'availability'][i % 3],
        value: 90,
        source: 'ci',
        observedAt,
      })),
    );
    expect(
      (await store.getFacts(['component:default/s-999'])).get(
        'component:default/s-999',
      ),
    ).toHaveLength(3);
  });
});
