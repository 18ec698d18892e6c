import { ConfigReader } from '@backstage/config';
import {
  DEPENDENCIES_CHECK_ID,
  dependenciesNamedIn,
  evaluateDependencyTiers,
  readAllowedDependencyTiers,
} from './dependencyTiers';
import { applyWaivers } from './scorecard';
import { readTierPolicies } from './tierPolicy';

const tierPolicies = readTierPolicies(new ConfigReader({}));
const defaults = readAllowedDependencyTiers(new ConfigReader({}), tierPolicies);

describe('readAllowedDependencyTiers', () => {
  it('lets a tier depend on its own tier and the tiers above it by default', () => {
    expect(Object.fromEntries(defaults)).toEqual({
      critical: ['critical'],
      core: ['critical', 'core'],
      supporting: ['critical', 'core', 'supporting'],
    });
  });

  it('takes the pairs an organisation allows from config', () => {
    const allowed = readAllowedDependencyTiers(
      new ConfigReader({
        governance: {
          dependencies: { allowedTiers: { critical: ['critical', 'core'] } },
        },
      }),
      tierPolicies,
    );
    expect(allowed.get('critical')).toEqual(['critical', 'core']);
    expect(allowed.get('core')).toEqual(['critical', 'core']);
  });

  it('fails naming the key and the tiers allowed for an unknown tier', () => {
    const read = (allowedTiers: object) =>
      readAllowedDependencyTiers(
        new ConfigReader({ governance: { dependencies: { allowedTiers } } }),
        tierPolicies,
      );
    expect(() => read({ gold: ['critical'] })).toThrow(
      "Invalid config at 'governance.dependencies.allowedTiers.gold': 'gold' is not a tier, allowed are critical, core, supporting",
    );
    expect(() => read({ critical: ['critical', 'tier-9'] })).toThrow(
      "Invalid config at 'governance.dependencies.allowedTiers.critical': 'tier-9' is not a tier, allowed are critical, core, supporting",
    );
    expect(() => read({ critical: 'core' })).toThrow(
      "Invalid config at 'governance.dependencies.allowedTiers.critical': expected a list of tiers from critical, core, supporting",
    );
  });
});

describe('evaluateDependencyTiers', () => {
  const evaluate = (
    tier: string,
    dependencies: { entityRef: string; tier?: string }[],
    clearedByAdr: string[] = [],
  ) =>
    evaluateDependencyTiers({
      tier,
      dependencies,
      allowedTiers: defaults,
      clearedByAdr: new Set(clearedByAdr),
    });

  it('fails a critical service that depends on a supporting one, naming it and its tier', () => {
    const { result, mismatches } = evaluate('critical', [
      { entityRef: 'component:default/ledger', tier: 'critical' },
      { entityRef: 'component:default/feature-flags', tier: 'supporting' },
    ]);
    expect(result).toMatchObject({
      checkId: DEPENDENCIES_CHECK_ID,
      state: 'fail',
      target: 'depends only on critical',
      actual: 'component:default/feature-flags (supporting)',
    });
    expect(result.reason).toContain('1 dependency does not');
    expect(mismatches).toEqual([
      {
        entityRef: 'component:default/feature-flags',
        tier: 'supporting',
        clearedByAdr: false,
      },
    ]);
  });

  it('fails on a dependency with no tier', () => {
    const { result } = evaluate('core', [
      { entityRef: 'resource:default/orders-db' },
    ]);
    expect(result.state).toBe('fail');
    expect(result.actual).toBe('resource:default/orders-db (no tier)');
  });

  it('passes a dependency on the same or a higher tier', () => {
    const { result, mismatches } = evaluate('core', [
      { entityRef: 'component:default/auth', tier: 'critical' },
      { entityRef: 'component:default/search', tier: 'core' },
    ]);
    expect(result).toMatchObject({ state: 'pass', actual: '2 dependencies' });
    expect(mismatches).toEqual([]);
  });

  it('passes with no dependencies', () => {
    expect(evaluate('critical', []).result).toMatchObject({
      state: 'pass',
      actual: 'no dependencies',
    });
  });

  it('passes when an accepted ADR names the only offending dependency, and says so', () => {
    const { result, mismatches } = evaluate(
      'critical',
      [{ entityRef: 'component:default/feature-flags', tier: 'supporting' }],
      ['component:default/feature-flags'],
    );
    expect(result.state).toBe('pass');
    expect(result.actual).toBe(
      '1 dependency; accepted in an ADR: component:default/feature-flags (supporting)',
    );
    expect(mismatches).toEqual([
      expect.objectContaining({ clearedByAdr: true }),
    ]);
  });

  it('still fails on the dependencies no ADR names', () => {
    const { result } = evaluate(
      'critical',
      [
        { entityRef: 'component:default/feature-flags', tier: 'supporting' },
        { entityRef: 'resource:default/cache' },
      ],
      ['component:default/feature-flags'],
    );
    expect(result.state).toBe('fail');
    expect(result.actual).toBe('resource:default/cache (no tier)');
  });

  it('shows a waived failure as waived, never as passing', () => {
    const { result } = evaluate('critical', [
      { entityRef: 'component:default/feature-flags', tier: 'supporting' },
    ]);
    const [waived] = applyWaivers(
      [result],
      [
        {
          id: 'w1',
          entityRef: 'component:default/payments',
          checkId: DEPENDENCIES_CHECK_ID,
          reason: 'Flags move to core next quarter',
          expiresAt: '2027-03-01T00:00:00.000Z',
          createdBy: 'user:default/council',
          createdAt: '2026-12-01T00:00:00.000Z',
        },
      ],
      new Date('2026-12-06T00:00:00Z'),
    );
    expect(waived.state).toBe('waived');
    expect(waived.actual).toBe('component:default/feature-flags (supporting)');
  });
});

describe('dependenciesNamedIn', () => {
  const refs = ['component:default/feature-flags', 'resource:default/cache'];

  it('finds a dependency named by its ref or by its name, in any case', () => {
    expect(
      dependenciesNamedIn(
        ['We accept depending on Feature-Flags until it is core.'],
        refs,
      ),
    ).toEqual(new Set(['component:default/feature-flags']));
    expect(
      dependenciesNamedIn(['Uses resource:default/cache for sessions'], refs),
    ).toEqual(new Set(['resource:default/cache']));
  });

  it('does not take a longer name for the dependency', () => {
    expect(
      dependenciesNamedIn(['feature-flags-ui and cached-pages'], refs),
    ).toEqual(new Set());
  });
});
