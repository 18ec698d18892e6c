import { Config } from '@backstage/config';
import { TESTING_KINDS } from './annotations';
import { readConfigList } from './configLists';
import { DEPENDENCIES_CHECK_ID } from './dependencyTiers';
import { APPROVED_STACK_CHECK_ID } from './stackRadar';
import { CheckResult, CheckState } from './scorecard';
import { GovernanceApiSchemas } from './schema';
import { TierPolicies } from './tierPolicy';

/**
 * A maturity level as configured under `governance.levels`: a name, a title and the checks it
 * adds to the levels below it.
 *
 * @public
 */
export interface MaturityLevel {
  /** Lowercase letters, digits and dashes, e.g. `silver`. */
  name: string;
  title: string;
  /** Check ids this level adds; `testing-*` stands for every testing-kind check. */
  checks: string[];
}

/**
 * The configured levels, lowest first, and the level each tier requires.
 *
 * @public
 */
export interface LevelPolicy {
  levels: readonly MaturityLevel[];
  /** Tier name to the name of the level it requires; a tier absent here requires none. */
  requiredByTier: ReadonlyMap<string, string>;
}

/**
 * An entity's maturity level and its next step, as the summary route returns it.
 *
 * @public
 */
export type EntityLevel = GovernanceApiSchemas['EntityLevel'];

/**
 * The name and title of a level, as the API lists them.
 *
 * @public
 */
export type LevelDefinition = GovernanceApiSchemas['LevelDefinition'];

/**
 * The default levels over the built-in checks: bronze is "tested" (coverage and every testing
 * kind the tier asks for), silver adds "reviewed and available" (security review, availability)
 * and gold adds latency, so gold means every built-in check of the tier holds.
 *
 * @public
 */
export const DEFAULT_LEVELS: readonly MaturityLevel[] = [
  { name: 'bronze', title: 'Bronze', checks: ['coverage', 'testing-*'] },
  {
    name: 'silver',
    title: 'Silver',
    checks: ['security-review', 'availability'],
  },
  { name: 'gold', title: 'Gold', checks: ['p95-latency'] },
];

/**
 * The level each default tier requires unless `governance.tiers.<tier>.requiredLevel` says
 * otherwise.
 *
 * @public
 */
export const DEFAULT_REQUIRED_LEVELS: Readonly<Record<string, string>> = {
  critical: 'gold',
  core: 'silver',
  supporting: 'bronze',
};

/**
 * The ids of the built-in checks: the tier policy's (`testing-*` matches each testing kind) and
 * the dependency and approved-stack checks.
 */
const BUILT_IN_CHECK_IDS = [
  'availability',
  'p95-latency',
  'security-review',
  'coverage',
  'testing-*',
  ...TESTING_KINDS.map(kind => `testing-${kind}`),
  DEPENDENCIES_CHECK_ID,
  APPROVED_STACK_CHECK_ID,
];

const LEVEL_NAME_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
const MAX_LEVELS = 20;

/**
 * Raised when `governance.levels` or a tier's `requiredLevel` is invalid. The message names the
 * config key and what is allowed.
 *
 * @public
 */
export class LevelPolicyConfigError extends Error {
  readonly name = 'LevelPolicyConfigError';
}

function readLevels(config: Config, knownChecks: Set<string>): MaturityLevel[] {
  const key = 'governance.levels';
  const entries = readConfigList(config, key, message => {
    throw new LevelPolicyConfigError(
      `Invalid config at '${key}': expected a list of { name, title?, checks }, ${message}`,
    );
  });
  if (!entries) {
    return DEFAULT_LEVELS.map(level => ({ ...level }));
  }
  if (entries.length === 0 || entries.length > MAX_LEVELS) {
    throw new LevelPolicyConfigError(
      `Invalid config at '${key}': ${entries.length} levels, allowed are 1 to ${MAX_LEVELS}`,
    );
  }
  const names = new Set<string>();
  return entries.map((entry, i) => {
    const path = `${key}[${i}]`;
    const name = entry.getString('name');
    if (!LEVEL_NAME_PATTERN.test(name)) {
      throw new LevelPolicyConfigError(
        `Invalid config at '${path}.name': '${name}' is not allowed, a level name is lowercase letters, digits and dashes, starting with a letter, at most 63 characters`,
      );
    }
    if (names.has(name)) {
      throw new LevelPolicyConfigError(
        `Invalid config at '${path}.name': the level '${name}' is defined twice, each level needs a unique name`,
      );
    }
    names.add(name);
    const checks = entry.getStringArray('checks');
    for (const check of checks) {
      if (!knownChecks.has(check)) {
        throw new LevelPolicyConfigError(
          `Invalid config at '${path}.checks': '${check}' is not a check id, allowed are ${[
            ...knownChecks,
          ].join(', ')}`,
        );
      }
    }
    return {
      name,
      title: entry.getOptionalString('title') ?? name,
      checks,
    };
  });
}

/**
 * Reads `governance.levels` (default {@link DEFAULT_LEVELS}) and each tier's
 * `governance.tiers.<tier>.requiredLevel` (default {@link DEFAULT_REQUIRED_LEVELS} for the
 * default tiers, none for added ones). A check id must be a built-in one or one of
 * `customCheckIds`. Throws {@link LevelPolicyConfigError} naming the key, so a bad config fails
 * start-up: an unknown level, an unknown check id or a level defined twice.
 *
 * @public
 */
export function readLevelPolicy(
  config: Config,
  options: { tierPolicies: TierPolicies; customCheckIds?: Iterable<string> },
): LevelPolicy {
  const knownChecks = new Set([
    ...BUILT_IN_CHECK_IDS,
    ...(options.customCheckIds ?? []),
  ]);
  const levels = readLevels(config, knownChecks);
  const names = levels.map(level => level.name);
  const requiredByTier = new Map<string, string>();
  for (const tier of options.tierPolicies.keys()) {
    const key = `governance.tiers.${tier}.requiredLevel`;
    const configured = config.getOptional(key);
    // `false` says the tier requires no level, the way `false` removes a tier.
    if (configured === false) {
      continue;
    }
    if (configured !== undefined && typeof configured !== 'string') {
      throw new LevelPolicyConfigError(
        `Invalid config at '${key}': expected a level name or false, allowed are ${names.join(
          ', ',
        )}`,
      );
    }
    const level = configured ?? DEFAULT_REQUIRED_LEVELS[tier];
    if (level === undefined) {
      continue;
    }
    if (!names.includes(level)) {
      throw new LevelPolicyConfigError(
        `Invalid config at '${key}': '${level}' is not a level${
          configured === undefined ? ' (it is the default of this tier)' : ''
        }, allowed are ${names.join(', ')}, or false for none`,
      );
    }
    requiredByTier.set(tier, level);
  }
  return { levels, requiredByTier };
}

/**
 * A warning check passes its threshold within the warning margin, so it meets a level; a
 * waived check was accepted by the council. Failing and unknown checks do not.
 */
const MEETS_LEVEL: ReadonlySet<CheckState> = new Set<CheckState>([
  'pass',
  'warn',
  'waived',
]);

function levelCheckMatches(levelCheck: string, checkId: string): boolean {
  return levelCheck === 'testing-*'
    ? checkId.startsWith('testing-')
    : levelCheck === checkId;
}

/**
 * Whether one of the level's checks is `checkId`. A loop, not `some` with a closure: it runs
 * for every level and result of every evaluated entity, and each closure is an allocation.
 */
function levelHasCheck(level: MaturityLevel, checkId: string): boolean {
  for (const check of level.checks) {
    if (levelCheckMatches(check, checkId)) {
      return true;
    }
  }
  return false;
}

/**
 * Works out an entity's maturity level from its waiver-applied results: the highest level whose
 * checks, and those of every level below it, all pass, warn or are waived. A level check the
 * entity's tier does not run (it is not among the results, e.g. `testing-load` for a tier that
 * asks for integration tests only) does not count against the entity: the tier sets what is
 * demanded of it, a level only groups those demands. `next` names the next level up and the
 * checks still in the way of it, in scorecard order. Pure, so the CLI runs it offline.
 *
 * @public
 */
export function computeEntityLevel(options: {
  results: readonly CheckResult[];
  policy: LevelPolicy;
  tier: string;
}): EntityLevel {
  const { results, policy, tier } = options;
  if (results.length === 0) {
    // Never evaluated: nothing is known, so no level is claimed.
    return levelOf(policy, tier, null, null);
  }
  let current: MaturityLevel | undefined;
  let next: EntityLevel['next'] = null;
  const blocking: string[] = [];
  for (const level of policy.levels) {
    for (const result of results) {
      if (
        !MEETS_LEVEL.has(result.state) &&
        !blocking.includes(result.checkId) &&
        levelHasCheck(level, result.checkId)
      ) {
        blocking.push(result.checkId);
      }
    }
    if (blocking.length > 0) {
      // Collected walking the results, so already in scorecard order.
      next = { name: level.name, title: level.title, failingChecks: blocking };
      break;
    }
    current = level;
  }
  return levelOf(policy, tier, current?.name ?? null, next);
}

function levelOf(
  policy: LevelPolicy,
  tier: string,
  current: string | null,
  next: EntityLevel['next'],
): EntityLevel {
  const required = policy.requiredByTier.get(tier) ?? null;
  return {
    current,
    required,
    meetsRequired: meetsLevel(policy, current, required),
    next,
    levels: policy.levels.map(({ name, title }) => ({ name, title })),
  };
}

/**
 * Whether `level` is at or above `required` in the policy's order; any level meets no
 * requirement, and no level meets none but that.
 *
 * @public
 */
export function meetsLevel(
  policy: LevelPolicy,
  level: string | null,
  required: string | null,
): boolean {
  if (required === null) {
    return true;
  }
  if (level === null) {
    return false;
  }
  const rank = (name: string) => policy.levels.findIndex(l => l.name === name);
  return rank(level) >= rank(required);
}

/**
 * Adds to each day of a scorecard trend the level the entity ended that day at, from the stored
 * level changes (oldest first; `level` null for none). Days before the first recorded level
 * have none, as their history predates levels.
 *
 * @public
 */
export function withLevelTrend<T extends { date: string }>(
  points: T[],
  changes: ReadonlyArray<{ level: string | null; changedAt: string }>,
): Array<T & { level?: string | null }> {
  let next = 0;
  let level: string | null | undefined;
  return points.map(point => {
    while (
      next < changes.length &&
      changes[next].changedAt.slice(0, 10) <= point.date
    ) {
      level = changes[next++].level;
    }
    return level === undefined ? point : { ...point, level };
  });
}
