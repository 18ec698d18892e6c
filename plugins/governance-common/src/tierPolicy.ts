import { Config } from '@backstage/config';
import { TESTING_KINDS, TestingKind } from './annotations';
import { TierPolicy } from './schema';

/**
 * The tier policies keyed by tier name, in the order they were configured.
 *
 * @public
 */
export type TierPolicies = ReadonlyMap<string, TierPolicy>;

/**
 * The defaults from the source article. Every number can be overridden in `app-config.yaml`
 * under `governance.tiers`, and tiers can be added there.
 *
 * @public
 */
export const DEFAULT_TIER_POLICIES: readonly TierPolicy[] = [
  {
    name: 'critical',
    title: 'Critical path',
    minAvailabilityPercent: 99.95,
    maxP95LatencyMs: 200,
    securityReview: { everyMonths: 3, kind: 'penetration test' },
    testing: { minCoveragePercent: 85, requiredKinds: ['load'] },
  },
  {
    name: 'core',
    title: 'Core service',
    minAvailabilityPercent: 99.9,
    maxP95LatencyMs: 500,
    securityReview: { everyMonths: 6, kind: 'security review' },
    testing: { minCoveragePercent: 75, requiredKinds: ['integration'] },
  },
  {
    name: 'supporting',
    title: 'Supporting system',
    minAvailabilityPercent: 99.5,
    maxP95LatencyMs: 2000,
    securityReview: { everyMonths: 12, kind: 'security review' },
    testing: { minCoveragePercent: 60, requiredKinds: ['unit'] },
  },
];

const TIER_NAME_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Raised when `governance.tiers` in config is invalid. The message names the config key.
 *
 * @public
 */
export class TierPolicyConfigError extends Error {
  readonly name = 'TierPolicyConfigError';
}

function readNumber(
  config: Config,
  key: string,
  path: string,
  fallback: number | undefined,
  range: { min: number; max: number; exclusiveMin?: boolean },
): number {
  let value: number | undefined;
  try {
    value = config.getOptionalNumber(key);
  } catch (e) {
    throw new TierPolicyConfigError(
      `Invalid config at '${path}.${key}': expected a number, ${
        (e as Error).message
      }`,
    );
  }
  const result = value ?? fallback;
  if (result === undefined) {
    throw new TierPolicyConfigError(
      `Missing config '${path}.${key}': a new tier must set every target`,
    );
  }
  const tooLow = range.exclusiveMin ? result <= range.min : result < range.min;
  if (!Number.isFinite(result) || tooLow || result > range.max) {
    throw new TierPolicyConfigError(
      `Invalid config at '${path}.${key}': ${result} is out of range, allowed is ${
        range.exclusiveMin ? 'above' : 'from'
      } ${range.min} to ${range.max}`,
    );
  }
  return result;
}

function readTier(
  tierConfig: Config,
  name: string,
  base: TierPolicy | undefined,
): TierPolicy {
  const path = `governance.tiers.${name}`;
  const requiredKinds =
    tierConfig.getOptionalStringArray('testing.requiredKinds') ??
    base?.testing.requiredKinds;
  if (requiredKinds === undefined) {
    throw new TierPolicyConfigError(
      `Missing config '${path}.testing.requiredKinds': a new tier must set every target`,
    );
  }
  for (const kind of requiredKinds) {
    if (!(TESTING_KINDS as readonly string[]).includes(kind)) {
      throw new TierPolicyConfigError(
        `Invalid config at '${path}.testing.requiredKinds': '${kind}' is not a testing kind, allowed are ${TESTING_KINDS.join(
          ', ',
        )}`,
      );
    }
  }
  return {
    name,
    title: tierConfig.getOptionalString('title') ?? base?.title ?? name,
    minAvailabilityPercent: readNumber(
      tierConfig,
      'minAvailabilityPercent',
      path,
      base?.minAvailabilityPercent,
      { min: 0, max: 100 },
    ),
    maxP95LatencyMs: readNumber(
      tierConfig,
      'maxP95LatencyMs',
      path,
      base?.maxP95LatencyMs,
      { min: 0, max: 3_600_000, exclusiveMin: true },
    ),
    securityReview: {
      everyMonths: readNumber(
        tierConfig,
        'securityReview.everyMonths',
        path,
        base?.securityReview.everyMonths,
        { min: 0, max: 120, exclusiveMin: true },
      ),
      kind:
        tierConfig.getOptionalString('securityReview.kind') ??
        base?.securityReview.kind ??
        'security review',
    },
    testing: {
      minCoveragePercent: readNumber(
        tierConfig,
        'testing.minCoveragePercent',
        path,
        base?.testing.minCoveragePercent,
        { min: 0, max: 100 },
      ),
      requiredKinds: requiredKinds as TestingKind[],
    },
  };
}

/**
 * Resolves the tier policies from config: the defaults, overridden key by key by
 * `governance.tiers.<name>`, plus any new tiers configured there. A tier set to `false` is
 * removed. Throws {@link TierPolicyConfigError} naming the offending key when config is invalid,
 * so a bad config fails start-up instead of silently falling back to defaults.
 *
 * @public
 */
export function readTierPolicies(config: Config): TierPolicies {
  const policies = new Map<string, TierPolicy>(
    DEFAULT_TIER_POLICIES.map(p => [p.name, p]),
  );
  const tiersConfig = config.getOptionalConfig('governance.tiers');
  if (!tiersConfig) {
    return policies;
  }
  for (const name of tiersConfig.keys()) {
    if (!TIER_NAME_PATTERN.test(name)) {
      throw new TierPolicyConfigError(
        `Invalid config key 'governance.tiers.${name}': a tier name must be lowercase letters, digits and dashes, starting with a letter`,
      );
    }
    const raw = tiersConfig.getOptional(name);
    if (raw === false) {
      policies.delete(name);
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new TierPolicyConfigError(
        `Invalid config at 'governance.tiers.${name}': expected an object of targets, or false to remove the tier`,
      );
    }
    policies.set(
      name,
      readTier(tiersConfig.getConfig(name), name, policies.get(name)),
    );
  }
  if (policies.size === 0) {
    throw new TierPolicyConfigError(
      `Invalid config at 'governance.tiers': at least one tier must remain`,
    );
  }
  return policies;
}
