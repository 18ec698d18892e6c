import { DatabaseTierStore } from './DatabaseTierStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

describeEachDatabase('tier storage', ({ migrated }) => {
  async function createStore() {
    const knex = await migrated();
    const store = new DatabaseTierStore(knex);
    /** One entity seen with `tier` at `at`. */
    const sync = (entityRef: string, tier: string, at: Date) =>
      store.syncTiers([{ entityRef, tier }], at);
    return { knex, store, sync };
  }

  it('records when an entity entered its tier and keeps that date while the tier holds', async () => {
    const { store, sync } = await createStore();
    const first = new Date('2026-11-01T10:00:00Z');
    const later = new Date('2026-11-02T10:00:00Z');

    await sync('component:default/payments', 'critical', first);
    await sync('component:default/payments', 'critical', later);

    expect(await store.getEntityTier('component:default/payments')).toEqual({
      entityRef: 'component:default/payments',
      tier: 'critical',
      since: first.toISOString(),
      lastSeenAt: later.toISOString(),
    });
    expect(await store.listTierChanges('component:default/payments')).toEqual([
      {
        entityRef: 'component:default/payments',
        toTier: 'critical',
        observedAt: first.toISOString(),
      },
    ]);
  });

  it('records a tier change with both tiers and moves the since date', async () => {
    const { store, sync } = await createStore();
    const first = new Date('2026-11-01T10:00:00Z');
    const later = new Date('2026-11-03T10:00:00Z');
    await sync('component:default/search', 'core', first);

    const changes = await sync('component:default/search', 'critical', later);

    expect(changes).toEqual([
      {
        entityRef: 'component:default/search',
        fromTier: 'core',
        toTier: 'critical',
        observedAt: later.toISOString(),
      },
    ]);
    expect((await store.getEntityTier('component:default/search'))?.since).toBe(
      later.toISOString(),
    );
  });

  it('forgets the current tier of an entity that no longer declares one, keeping its history', async () => {
    const { store, sync } = await createStore();
    await store.syncTiers(
      [
        { entityRef: 'component:default/a', tier: 'core' },
        { entityRef: 'component:default/b', tier: 'supporting' },
      ],
      new Date('2026-11-01T00:00:00Z'),
    );

    const changes = await sync(
      'component:default/a',
      'core',
      new Date('2026-11-02T00:00:00Z'),
    );

    expect(changes).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/b',
        fromTier: 'supporting',
      }),
    ]);
    expect(changes[0].toTier).toBeUndefined();
    expect(await store.getEntityTier('component:default/b')).toBeUndefined();
    expect(await store.listTierChanges('component:default/b')).toHaveLength(2);
  });

  it('syncs thousands of entities in one run, past the bound-parameter limits', async () => {
    const { store, knex } = await createStore();
    const observations = Array.from({ length: 3000 }, (_, i) => ({
      entityRef: `component:default/service-${i}`,
      tier: i % 2 ? 'core' : 'supporting',
    }));
    const changes = await store.syncTiers(observations, new Date());
    expect(changes).toHaveLength(3000);
    const [{ count }] = await knex('entity_tiers').count({ count: '*' });
    expect(Number(count)).toBe(3000);
  });
});
