import { DatabaseFactStore } from './DatabaseFactStore';
import { FactStore, MeasuredFact } from './FactStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import {
  migrateToLatest,
  undoMigrations,
} from '../__testUtils__/migrationSteps';

const MIGRATION = '20261208030000_decision_impact.js';
const SERIES_MIGRATION = '20261210020000_fact_history_series.js';
const ref = 'component:default/checkout-web';
const other = 'component:default/order-history';
const latency = (entityRef: string, value: number, observedAt: string) => ({
  entityRef,
  name: 'p99LatencyMs',
  value,
  source: 'monitoring/prometheus',
  observedAt,
});

/** Stores the observations as a push received now does. */
const push = (store: FactStore, facts: MeasuredFact[]) =>
  store.addFacts(facts, new Date());

/** The daily p99 latencies of `entityRefs` observed in `window` (all time unless given). */
const latencyHistory = (
  store: FactStore,
  entityRefs: string[],
  window = { from: '1970-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' },
) =>
  store.getFactHistory({
    entityRefs,
    names: ['p99LatencyMs'],
    from: new Date(window.from),
    to: new Date(window.to),
  });

describeEachDatabase('fact history', ({ migrated }) => {
  const createStore = async () => new DatabaseFactStore(await migrated());

  it('keeps every observation, not only the latest, for the window asked for', async () => {
    const store = await createStore();
    await push(store, [
      latency(ref, 900, '2026-05-20T08:00:00.000Z'),
      latency(ref, 880, '2026-05-27T08:00:00.000Z'),
      latency(other, 300, '2026-05-27T08:00:00.000Z'),
    ]);
    // Pushed twice by a retried pipeline, and an older one arriving late.
    await push(store, [
      latency(ref, 880, '2026-05-27T08:00:00.000Z'),
      latency(ref, 500, '2026-06-17T08:00:00.000Z'),
      latency(ref, 910, '2026-05-13T08:00:00.000Z'),
    ]);

    const history = await latencyHistory(store, [ref, other], {
      from: '2026-05-15T00:00:00Z',
      to: '2026-07-01T00:00:00Z',
    });
    // One value per day, stamped with the day's start.
    expect(history.map(h => [h.entityRef, h.value, h.observedAt])).toEqual([
      [ref, 900, '2026-05-20T00:00:00.000Z'],
      [ref, 880, '2026-05-27T00:00:00.000Z'],
      [other, 300, '2026-05-27T00:00:00.000Z'],
      [ref, 500, '2026-06-17T00:00:00.000Z'],
    ]);
    // The latest value per source is still what evaluation reads.
    expect((await store.getFacts([ref])).get(ref)?.map(f => f.value)).toEqual([
      500,
    ]);
  });

  it("keeps one value per day: a later push replaces the day's value, a late older one does not", async () => {
    const store = await createStore();
    await push(store, [
      latency(ref, 900, '2026-05-20T08:00:00.000Z'),
      latency(ref, 950, '2026-05-20T09:00:00.000Z'),
      latency(ref, 700, '2026-05-21T08:00:00.000Z'),
    ]);
    // A rerun of the 20th's pipeline, then the 21st's slower run arriving after its faster one.
    await push(store, [latency(ref, 870, '2026-05-20T23:00:00.000Z')]);
    await push(store, [latency(ref, 999, '2026-05-21T07:00:00.000Z')]);
    const history = await latencyHistory(store, [ref], {
      from: '2026-05-01T00:00:00Z',
      to: '2026-06-01T00:00:00Z',
    });
    expect(history.map(h => [h.value, h.observedAt])).toEqual([
      [870, '2026-05-20T00:00:00.000Z'],
      [700, '2026-05-21T00:00:00.000Z'],
    ]);
    expect((await store.getFacts([ref])).get(ref)).toEqual([
      latency(ref, 700, '2026-05-21T08:00:00.000Z'),
    ]);
  });

  it('keeps both days when two backends push the first observations of a fact at once', async () => {
    const knex = await migrated();
    const replicaA = new DatabaseFactStore(knex);
    const replicaB = new DatabaseFactStore(knex);
    const refs = Array.from(
      { length: 40 },
      (_, i) => `component:default/c${i}`,
    );
    // Each fact is new: there is no stored row for a row lock to hold.
    await Promise.all(
      refs.flatMap(entityRef => [
        push(replicaA, [latency(entityRef, 1, '2026-05-20T08:00:00.000Z')]),
        push(replicaB, [latency(entityRef, 2, '2026-05-21T08:00:00.000Z')]),
      ]),
    );
    const history = await latencyHistory(replicaA, refs, {
      from: '2026-05-01T00:00:00Z',
      to: '2026-06-01T00:00:00Z',
    });
    const withALostDay = refs.filter(
      entityRef => history.filter(h => h.entityRef === entityRef).length !== 2,
    );
    expect(withALostDay).toEqual([]);
  });

  it('takes a batch of more facts than the database has locks for in one push', async () => {
    const store = await createStore();
    // PostgreSQL's lock table holds 64 locks per connection by default: one per fact would not fit
    // (the scorecard bench pushes 30,000 facts at once).
    const refs = Array.from(
      { length: 40_000 },
      (_, i) => `component:default/service-${i}`,
    );
    await store.addFacts(
      refs.map(entityRef => latency(entityRef, 5, '2026-05-20T08:00:00.000Z')),
      new Date(),
    );
    const stored = await store.getFacts(refs.slice(-3));
    expect([...stored.keys()]).toEqual(refs.slice(-3));
  });

  it('reads only the facts asked for', async () => {
    const store = await createStore();
    const at = '2026-05-20T08:00:00.000Z';
    await push(store, [
      latency(ref, 900, at),
      { ...latency(ref, 80, at), name: 'coverage' },
      { ...latency(other, 70, at), name: 'coverage' },
    ]);
    const facts = await store.getFacts([ref, other], { names: ['coverage'] });
    expect(
      [...facts.values()].flat().map(f => [f.entityRef, f.name, f.value]),
    ).toEqual(
      expect.arrayContaining([
        [ref, 'coverage', 80],
        [other, 'coverage', 70],
      ]),
    );
    expect([...facts.values()].flat()).toHaveLength(2);
  });

  it('prunes history with the same retention as the latest facts, and with entities that left', async () => {
    const store = await createStore();
    await push(store, [
      latency(ref, 900, '2025-01-01T08:00:00.000Z'),
      latency(ref, 500, '2026-06-17T08:00:00.000Z'),
      latency(other, 300, '2026-06-17T08:00:00.000Z'),
    ]);
    await store.pruneFacts(new Date('2026-01-01T00:00:00Z'));
    await store.removeFacts([other]);
    const all = await latencyHistory(store, [ref, other]);
    expect(all.map(h => h.value)).toEqual([500]);
  });

  it('starts the history from the stored facts and maps old retrospective outcomes', async () => {
    const knex = await migrated();
    await undoMigrations(knex, SERIES_MIGRATION, MIGRATION);
    expect(await knex.schema.hasTable('fact_history')).toBe(false);
    await knex('facts').insert({
      entity_ref: ref,
      name: 'p99LatencyMs',
      source: 'monitoring',
      value: '450',
      observed_at: new Date('2026-07-01T00:00:00Z'),
      received_at: new Date('2026-07-01T00:00:00Z'),
    });
    await knex('adr_retrospectives').insert(
      ['keep', 'revise', 'supersede'].map((outcome, i) => ({
        id: `r${i}`,
        adr_id: 'adr-1',
        entity_ref: ref,
        date: '2026-10-01',
        outcome,
        notes: 'held',
        recorded_by: 'user:default/li',
        recorded_at: new Date('2026-10-01T00:00:00Z'),
      })),
    );
    await migrateToLatest(knex);
    const store = new DatabaseFactStore(knex);
    const history = await latencyHistory(store, [ref]);
    expect(history.map(h => h.value)).toEqual([450]);
    expect(
      await knex('adr_retrospectives').orderBy('id').pluck('outcome'),
    ).toEqual(['validated', 'partly-validated', 'reversed']);

    await undoMigrations(knex, SERIES_MIGRATION, MIGRATION);
    expect(
      await knex('adr_retrospectives').orderBy('id').pluck('outcome'),
    ).toEqual(['keep', 'revise', 'supersede']);
  });

  it('packs the observations of the history table into daily series and back', async () => {
    const knex = await migrated();
    await undoMigrations(knex, SERIES_MIGRATION);
    const observation = (
      source: string,
      value: number,
      observedAt: string,
    ) => ({
      entity_ref: ref,
      name: 'p99LatencyMs',
      source,
      value: String(value),
      observed_at: new Date(observedAt),
      received_at: new Date(observedAt),
    });
    const latest = observation('apm', 500, '2026-06-17T08:00:00.000Z');
    await knex('facts').insert(latest);
    await knex('fact_history').insert([
      observation('apm', 900, '2026-05-20T08:00:00.000Z'),
      observation('apm', 880, '2026-05-20T09:00:00.000Z'),
      latest,
      // A source since dropped from the latest facts by the cap on sources.
      observation('nightly', 650, '2026-05-13T08:00:00.000Z'),
    ]);
    await migrateToLatest(knex);
    expect(await knex.schema.hasTable('fact_history')).toBe(false);

    const store = new DatabaseFactStore(knex);
    const history = await latencyHistory(store, [ref]);
    expect(history.map(h => [h.source, h.value, h.observedAt])).toEqual([
      ['nightly', 650, '2026-05-13T00:00:00.000Z'],
      ['apm', 880, '2026-05-20T00:00:00.000Z'],
      ['apm', 500, '2026-06-17T00:00:00.000Z'],
    ]);
    const facts = (await store.getFacts([ref])).get(ref)!;
    expect(facts.map(f => [f.source, f.value, f.observedAt]).sort()).toEqual([
      ['apm', 500, '2026-06-17T08:00:00.000Z'],
      ['nightly', 650, '2026-05-13T08:00:00.000Z'],
    ]);

    await undoMigrations(knex, SERIES_MIGRATION);
    const restored = await knex('fact_history')
      .orderBy(['source', 'observed_at'])
      .select('source', 'value', 'observed_at');
    expect(
      restored.map(r => [
        r.source,
        r.value,
        new Date(r.observed_at).toISOString(),
      ]),
    ).toEqual([
      ['apm', '880', '2026-05-20T00:00:00.000Z'],
      ['apm', '500', '2026-06-17T08:00:00.000Z'],
      ['nightly', '650', '2026-05-13T08:00:00.000Z'],
    ]);
    expect(await knex.schema.hasColumn('facts', 'history')).toBe(false);
  });
});
