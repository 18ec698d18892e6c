import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readTierPolicies } from '@catalog-governance/backstage-plugin-governance-common';
import { component as catalogComponent } from '../__testUtils__/catalogEntities';
import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';
import { TierSync } from './TierSync';

const component = (name: string, tier?: string) =>
  catalogComponent(name, tier ? { 'governance/tier': tier } : {});

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('TierSync', () => {
  async function syncWith(entities: Entity[], store?: DatabaseGovernanceStore) {
    const target =
      store ??
      (await DatabaseGovernanceStore.create({
        database: mockServices.database({
          knex: await databases.init('SQLITE_3'),
          migrations: { skip: false },
        }),
      }));
    await new TierSync({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      store: target,
      tierPolicies: readTierPolicies(mockServices.rootConfig()),
      logger: mockServices.logger.mock(),
    }).run(new Date('2026-11-25T00:00:00Z'));
    return target;
  }

  it('records the tier of every entity that declares a valid one', async () => {
    const store = await syncWith([
      component('payments', 'critical'),
      component('search', 'core'),
      component('untiered'),
      component('typo', 'platinum'),
    ]);
    expect(
      (await store.getEntityTier('component:default/payments'))?.tier,
    ).toBe('critical');
    expect((await store.getEntityTier('component:default/search'))?.tier).toBe(
      'core',
    );
    expect(
      await store.getEntityTier('component:default/untiered'),
    ).toBeUndefined();
    expect(await store.getEntityTier('component:default/typo')).toBeUndefined();
  });

  it('records a tier change seen in the catalog on the next sync', async () => {
    const store = await syncWith([component('payments', 'core')]);
    await syncWith([component('payments', 'critical')], store);
    expect(await store.listTierChanges('component:default/payments')).toEqual([
      expect.objectContaining({ toTier: 'core' }),
      expect.objectContaining({ fromTier: 'core', toTier: 'critical' }),
    ]);
  });
});
