import { Entity } from '@backstage/catalog-model';
import {
  rollupOnceEvaluated,
  startGovernanceTestBackend,
} from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';

jest.setTimeout(60_000);

const component = (
  name: string,
  tier: string,
  dependsOn: string[] = [],
): Entity => ({
  ...tieredComponent(name, tier),
  relations: dependsOn.map(targetRef => ({ type: 'dependsOn', targetRef })),
});

const entities = [
  component('payments', 'critical', ['component:default/feature-flags']),
  component('checkout', 'core', ['component:default/payments']),
  component('feature-flags', 'supporting'),
];

const startBackend = (config?: object) =>
  startGovernanceTestBackend({ entities, config, scheduledAtStartUp: true });

const rollupByTier = (server: Awaited<ReturnType<typeof startBackend>>) =>
  rollupOnceEvaluated(server, entities.length);

describe('Compliance roll-up of dependency mismatches', () => {
  it('counts a critical service depending on a supporting one in its tier and in the totals', async () => {
    const rollup = await rollupByTier(await startBackend());
    expect(
      rollup.groups.map(g => [g.key, g.dependencyMismatches]).sort(),
    ).toEqual([
      ['core', 0],
      ['critical', 1],
      ['supporting', 0],
    ]);
    expect(rollup.totals.dependencyMismatches).toBe(1);
  });

  it('counts nothing once config allows critical services to depend on supporting ones', async () => {
    const rollup = await rollupByTier(
      await startBackend({
        governance: {
          dependencies: {
            allowedTiers: { critical: ['critical', 'supporting'] },
          },
        },
      }),
    );
    expect(rollup.totals.dependencyMismatches).toBe(0);
  });

  it('fails start-up naming the key and the tiers allowed when config names an unknown tier', async () => {
    await expect(
      startBackend({
        governance: {
          dependencies: { allowedTiers: { critical: ['platinum'] } },
        },
      }),
    ).rejects.toThrow(
      "Invalid config at 'governance.dependencies.allowedTiers.critical': 'platinum' is not a tier, allowed are critical, core, supporting",
    );
  });
});
