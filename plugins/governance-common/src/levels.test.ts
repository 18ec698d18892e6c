import { ConfigReader } from '@backstage/config';
import {
  computeEntityLevel,
  meetsLevel,
  readLevelPolicy,
  withLevelTrend,
} from './levels';
import { applyWaivers, CheckState } from './scorecard';
import { readTierPolicies } from './tierPolicy';
import { checkResult } from './testUtils';

const read = (governance: object, customCheckIds?: string[]) => {
  const config = new ConfigReader({ governance });
  return readLevelPolicy(config, {
    tierPolicies: readTierPolicies(config),
    customCheckIds,
  });
};

const defaults = read({});

/** A critical entity's scorecard: every built-in check of the tier, in scorecard order. */
const critical = (states: Partial<Record<string, CheckState>>) =>
  [
    'availability',
    'p95-latency',
    'security-review',
    'coverage',
    'testing-load',
  ].map(id => checkResult(id, states[id] ?? 'pass'));

describe('readLevelPolicy', () => {
  it('defaults to bronze, silver and gold, with critical needing gold, core silver and supporting bronze', () => {
    expect(defaults.levels.map(l => l.name)).toEqual([
      'bronze',
      'silver',
      'gold',
    ]);
    expect(Object.fromEntries(defaults.requiredByTier)).toEqual({
      critical: 'gold',
      core: 'silver',
      supporting: 'bronze',
    });
  });

  it('reads configured levels and a tier that requires none', () => {
    const policy = read(
      {
        levels: [
          { name: 'basic', checks: ['coverage'] },
          { name: 'solid', title: 'Solid', checks: ['availability', 'owned'] },
        ],
        tiers: {
          critical: { requiredLevel: 'solid' },
          core: { requiredLevel: 'basic' },
          supporting: { requiredLevel: false },
        },
      },
      ['owned'],
    );
    expect(policy.levels).toEqual([
      { name: 'basic', title: 'basic', checks: ['coverage'] },
      { name: 'solid', title: 'Solid', checks: ['availability', 'owned'] },
    ]);
    expect(Object.fromEntries(policy.requiredByTier)).toEqual({
      critical: 'solid',
      core: 'basic',
    });
  });

  it('fails on an unknown check id, naming the key and the allowed ids', () => {
    expect(() =>
      read({ levels: [{ name: 'basic', checks: ['coverag'] }] }),
    ).toThrow(
      /Invalid config at 'governance\.levels\[0\]\.checks': 'coverag' is not a check id, allowed are availability, p95-latency, .*testing-\*/,
    );
  });

  it('accepts the dependency check in a level', () => {
    expect(
      read({
        levels: [{ name: 'bronze', checks: ['dependencies-meet-tier'] }],
        tiers: {
          critical: { requiredLevel: 'bronze' },
          core: { requiredLevel: 'bronze' },
        },
      }).levels[0].checks,
    ).toEqual(['dependencies-meet-tier']);
  });

  it('fails on a level defined twice', () => {
    expect(() =>
      read({
        levels: [
          { name: 'basic', checks: ['coverage'] },
          { name: 'basic', checks: ['availability'] },
        ],
      }),
    ).toThrow(
      "Invalid config at 'governance.levels[1].name': the level 'basic' is defined twice",
    );
  });

  it('fails on a tier requiring an unknown level, listing the levels', () => {
    expect(() =>
      read({ tiers: { core: { requiredLevel: 'platinum' } } }),
    ).toThrow(
      "Invalid config at 'governance.tiers.core.requiredLevel': 'platinum' is not a level, allowed are bronze, silver, gold, or false for none",
    );
  });

  it('fails when renamed levels leave a default tier requirement dangling', () => {
    expect(() =>
      read({ levels: [{ name: 'basic', checks: ['coverage'] }] }),
    ).toThrow(
      "Invalid config at 'governance.tiers.critical.requiredLevel': 'gold' is not a level (it is the default of this tier), allowed are basic, or false for none",
    );
  });

  it('fails on levels that are not a list, naming the key and what a level holds', () => {
    expect(() => read({ levels: 'gold' })).toThrow(
      /^Invalid config at 'governance\.levels': expected a list of \{ name, title\?, checks \}, /,
    );
  });

  it('fails on a badly named level and on no levels at all', () => {
    expect(() => read({ levels: [{ name: 'Gold', checks: [] }] })).toThrow(
      "Invalid config at 'governance.levels[0].name': 'Gold' is not allowed",
    );
    expect(() => read({ levels: [] })).toThrow(
      "Invalid config at 'governance.levels': 0 levels, allowed are 1 to 20",
    );
  });
});

describe('computeEntityLevel', () => {
  it('gives gold to a critical entity whose checks all pass or warn', () => {
    const level = computeEntityLevel({
      results: critical({ coverage: 'warn' }),
      policy: defaults,
      tier: 'critical',
    });
    expect(level).toEqual({
      current: 'gold',
      required: 'gold',
      meetsRequired: true,
      next: null,
      levels: [
        { name: 'bronze', title: 'Bronze' },
        { name: 'silver', title: 'Silver' },
        { name: 'gold', title: 'Gold' },
      ],
    });
  });

  it('stops at the highest level whose checks all hold, naming what blocks the next one', () => {
    const level = computeEntityLevel({
      results: critical({ 'security-review': 'fail', availability: 'unknown' }),
      policy: defaults,
      tier: 'critical',
    });
    expect(level).toMatchObject({
      current: 'bronze',
      required: 'gold',
      meetsRequired: false,
      next: {
        name: 'silver',
        title: 'Silver',
        failingChecks: ['availability', 'security-review'],
      },
    });
  });

  it('counts a check of a lower level against every level above it', () => {
    // Gold's own check passes, but bronze's coverage fails: the entity reaches no level.
    const level = computeEntityLevel({
      results: critical({ coverage: 'fail' }),
      policy: defaults,
      tier: 'critical',
    });
    expect(level.current).toBeNull();
    expect(level.next).toEqual({
      name: 'bronze',
      title: 'Bronze',
      failingChecks: ['coverage'],
    });
  });

  it('lets a waived check count towards the level', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const results = applyWaivers(
      critical({ 'p95-latency': 'fail' }),
      [
        {
          id: 'w1',
          entityRef: 'component:default/payments',
          checkId: 'p95-latency',
          reason: 'Migrating the cache',
          expiresAt: '2027-01-01T00:00:00.000Z',
          createdBy: 'user:default/council',
          createdAt: '2026-11-01T00:00:00.000Z',
        },
      ],
      now,
    );
    expect(
      computeEntityLevel({ results, policy: defaults, tier: 'critical' })
        .current,
    ).toBe('gold');
  });

  it("ignores level checks the entity's tier does not run", () => {
    // A core tier asks for integration tests, not load tests: testing-* means its own kinds.
    const results = [
      'availability',
      'p95-latency',
      'security-review',
      'coverage',
      'testing-integration',
    ].map(id => checkResult(id, 'pass'));
    const level = computeEntityLevel({
      results,
      policy: read({
        levels: [{ name: 'basic', checks: ['testing-load', 'coverage'] }],
        tiers: {
          critical: { requiredLevel: 'basic' },
          core: { requiredLevel: false },
          supporting: { requiredLevel: false },
        },
      }),
      tier: 'core',
    });
    expect(level).toMatchObject({
      current: 'basic',
      required: null,
      meetsRequired: true,
    });
  });

  it('claims no level for an entity that was never evaluated', () => {
    const level = computeEntityLevel({
      results: [],
      policy: defaults,
      tier: 'supporting',
    });
    expect(level).toMatchObject({
      current: null,
      required: 'bronze',
      meetsRequired: false,
    });
  });
});

describe('meetsLevel', () => {
  it('orders levels as configured', () => {
    expect(meetsLevel(defaults, 'gold', 'silver')).toBe(true);
    expect(meetsLevel(defaults, 'bronze', 'silver')).toBe(false);
    expect(meetsLevel(defaults, null, 'bronze')).toBe(false);
    expect(meetsLevel(defaults, null, null)).toBe(true);
  });
});

describe('withLevelTrend', () => {
  it('gives each day the level it ended at, and none before levels were recorded', () => {
    const points = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'].map(
      date => ({ date, passing: 1, total: 2 }),
    );
    expect(
      withLevelTrend(points, [
        { level: 'bronze', changedAt: '2026-11-02T08:00:00.000Z' },
        { level: 'silver', changedAt: '2026-11-02T18:00:00.000Z' },
        { level: null, changedAt: '2026-11-04T09:00:00.000Z' },
      ]).map(p => [p.date, p.level]),
    ).toEqual([
      ['2026-11-01', undefined],
      ['2026-11-02', 'silver'],
      ['2026-11-03', 'silver'],
      ['2026-11-04', null],
    ]);
  });
});
