import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { DatabaseFactStore } from './DatabaseFactStore';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';
import { governanceTestDatabases } from '../__testUtils__/testDatabases';

const databases = governanceTestDatabases();
const directory = resolvePackagePath(
  '@catalog-governance/backstage-plugin-governance-backend',
  'migrations',
);

const MIGRATION = '20261208030000_decision_impact.js';
const ref = 'component:default/checkout-web';
const other = 'component:default/order-history';
const latency = (entityRef: string, value: number, observedAt: string) => ({
  entityRef,
  name: 'p99LatencyMs',
  value,
  source: 'monitoring/prometheus',
  observedAt,
});

describe.each(databases.eachSupportedId())('fact history on %s', databaseId => {
  it('keeps every observation, not only the latest, for the window asked for', async () => {
    const knex = await migratedDatabase(databases, databaseId);
    const store = new DatabaseFactStore(knex);
    await store.addFacts(
      [
        latency(ref, 900, '2026-05-20T08:00:00.000Z'),
        latency(ref, 880, '2026-05-27T08:00:00.000Z'),
        latency(other, 300, '2026-05-27T08:00:00.000Z'),
      ],
      new Date(),
    );
    // Pushed twice by a retried pipeline, and an older one arriving late.
    await store.addFacts(
      [
        latency(ref, 880, '2026-05-27T08:00:00.000Z'),
        latency(ref, 500, '2026-06-17T08:00:00.000Z'),
        latency(ref, 910, '2026-05-13T08:00:00.000Z'),
      ],
      new Date(),
    );

    const history = await store.getFactHistory({
      entityRefs: [ref, other],
      names: ['p99LatencyMs'],
      from: new Date('2026-05-15T00:00:00Z'),
      to: new Date('2026-07-01T00:00:00Z'),
    });
    expect(history.map(h => [h.entityRef, h.value, h.observedAt])).toEqual([
      [ref, 900, '2026-05-20T08:00:00.000Z'],
      [ref, 880, '2026-05-27T08:00:00.000Z'],
      [other, 300, '2026-05-27T08:00:00.000Z'],
      [ref, 500, '2026-06-17T08:00:00.000Z'],
    ]);
    // The latest value per source is still what evaluation reads.
    expect((await store.getFacts([ref])).get(ref)?.map(f => f.value)).toEqual([
      500,
    ]);
  });

  it('prunes history with the same retention as the latest facts, and with entities that left', async () => {
    const knex = await migratedDatabase(databases, databaseId);
    const store = new DatabaseFactStore(knex);
    await store.addFacts(
      [
        latency(ref, 900, '2025-01-01T08:00:00.000Z'),
        latency(ref, 500, '2026-06-17T08:00:00.000Z'),
        latency(other, 300, '2026-06-17T08:00:00.000Z'),
      ],
      new Date(),
    );
    await store.pruneFacts(new Date('2026-01-01T00:00:00Z'));
    await store.removeFacts([other]);
    const all = await store.getFactHistory({
      entityRefs: [ref, other],
      names: ['p99LatencyMs'],
      from: new Date(0),
      to: new Date('2027-01-01T00:00:00Z'),
    });
    expect(all.map(h => h.value)).toEqual([500]);
  });

  it('starts the history from the stored facts and maps old retrospective outcomes', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory });
    await knex.migrate.down({ directory, name: MIGRATION });
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
    await knex.migrate.latest({ directory });
    const store = new DatabaseFactStore(knex);
    const history = await store.getFactHistory({
      entityRefs: [ref],
      names: ['p99LatencyMs'],
      from: new Date(0),
      to: new Date('2027-01-01T00:00:00Z'),
    });
    expect(history.map(h => h.value)).toEqual([450]);
    expect(
      await knex('adr_retrospectives').orderBy('id').pluck('outcome'),
    ).toEqual(['validated', 'partly-validated', 'reversed']);

    await knex.migrate.down({ directory, name: MIGRATION });
    expect(
      await knex('adr_retrospectives').orderBy('id').pluck('outcome'),
    ).toEqual(['keep', 'revise', 'supersede']);
  });
});
