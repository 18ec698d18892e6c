import { ConfigReader } from '@backstage/config';
import { DEFAULT_TIER_POLICIES, readTierPolicies } from './tierPolicy';

const read = (governance: object) =>
  readTierPolicies(new ConfigReader({ governance }));

describe('readTierPolicies', () => {
  it('uses the tiers of the source article, in its order, when nothing is configured', () => {
    const policies = readTierPolicies(new ConfigReader({}));
    expect([...policies.keys()]).toEqual(['critical', 'core', 'supporting']);
  });

  // The table of the source article (docs and PRODUCT.md).
  it.each`
    name            | title                  | availability | p95     | months | review                | coverage | kind
    ${'critical'}   | ${'Critical path'}     | ${99.95}     | ${200}  | ${3}   | ${'penetration test'} | ${85}    | ${'load'}
    ${'core'}       | ${'Core service'}      | ${99.9}      | ${500}  | ${6}   | ${'security review'}  | ${75}    | ${'integration'}
    ${'supporting'} | ${'Supporting system'} | ${99.5}      | ${2000} | ${12}  | ${'security review'}  | ${60}    | ${'unit'}
  `(
    'defaults $name to the targets of the source article',
    ({ name, title, availability, p95, months, review, coverage, kind }) => {
      expect(readTierPolicies(new ConfigReader({})).get(name)).toEqual({
        name,
        title,
        minAvailabilityPercent: availability,
        maxP95LatencyMs: p95,
        securityReview: { everyMonths: months, kind: review },
        testing: { minCoveragePercent: coverage, requiredKinds: [kind] },
      });
    },
  );

  it('overrides a single target and keeps the rest of the default', () => {
    const policies = read({ tiers: { core: { maxP95LatencyMs: 300 } } });
    expect(policies.get('core')).toEqual({
      ...DEFAULT_TIER_POLICIES[1],
      maxP95LatencyMs: 300,
    });
  });

  it('adds a tier that sets every target, and removes one set to false', () => {
    const policies = read({
      tiers: {
        supporting: false,
        experimental: {
          title: 'Experiment',
          minAvailabilityPercent: 95,
          maxP95LatencyMs: 5000,
          securityReview: { everyMonths: 24 },
          testing: { minCoveragePercent: 0, requiredKinds: [] },
        },
      },
    });
    expect([...policies.keys()]).toEqual(['critical', 'core', 'experimental']);
    expect(policies.get('experimental')?.securityReview).toEqual({
      everyMonths: 24,
      kind: 'security review',
    });
  });

  it.each([
    [
      { tiers: { core: { minAvailabilityPercent: 120 } } },
      "'governance.tiers.core.minAvailabilityPercent'",
    ],
    [
      { tiers: { core: { maxP95LatencyMs: 'fast' } } },
      "'governance.tiers.core.maxP95LatencyMs'",
    ],
    [
      { tiers: { gold: { minAvailabilityPercent: 99 } } },
      "'governance.tiers.gold.testing.requiredKinds'",
    ],
    [
      { tiers: { core: { testing: { requiredKinds: ['smoke'] } } } },
      "'smoke' is not a testing kind",
    ],
    [{ tiers: { Gold_Tier: {} } }, "'governance.tiers.Gold_Tier'"],
    [{ tiers: { core: 'yes' } }, "'governance.tiers.core'"],
    [
      { tiers: { critical: false, core: false, supporting: false } },
      'at least one tier',
    ],
  ])(
    'fails start-up on invalid config %j, naming %s',
    (governance, expected) => {
      expect(() => read(governance)).toThrow(expected);
    },
  );
});
