import { parseEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { CheckResult } from './scorecard';
import { TierPolicies } from './tierPolicy';
import { namedAsWholeWord } from './wholeWords';

/**
 * The id of the built-in check that holds a tier's contract across the entity's `dependsOn`
 * relations.
 *
 * @public
 */
export const DEPENDENCIES_CHECK_ID = 'dependencies-meet-tier';

/**
 * For each tier, the tiers its entities may depend on.
 *
 * @public
 */
export type AllowedDependencyTiers = ReadonlyMap<string, readonly string[]>;

/**
 * One `dependsOn` target of an entity, with the tier it declares (absent when it has none).
 *
 * @public
 */
export interface EntityDependency {
  /** The full ref of the `dependsOn` target, e.g. `component:default/feature-flags`. */
  entityRef: string;
  /** Its `governance/tier` annotation as written; absent when it has none. */
  tier?: string;
}

/**
 * A dependency the entity's tier does not allow.
 *
 * @public
 */
export interface DependencyTierMismatch extends EntityDependency {
  /** Whether an accepted ADR of the entity names the dependency, which accepts it. */
  clearedByAdr: boolean;
}

const ALLOWED_TIERS_KEY = 'governance.dependencies.allowedTiers';

/**
 * Reads `governance.dependencies.allowedTiers`: per tier, the tiers it may depend on. A tier it
 * does not list may depend on its own tier and the tiers configured before it (the default
 * policies run from `critical` down to `supporting`). Throws naming the key on an unknown tier,
 * so a wrong config fails start-up.
 *
 * @public
 */
export function readAllowedDependencyTiers(
  config: Config,
  tierPolicies: TierPolicies,
): AllowedDependencyTiers {
  const tiers = [...tierPolicies.keys()];
  const allowed = new Map<string, readonly string[]>(
    tiers.map((tier, i) => [tier, tiers.slice(0, i + 1)]),
  );
  const section = config.getOptionalConfig(ALLOWED_TIERS_KEY);
  for (const tier of section?.keys() ?? []) {
    const key = `${ALLOWED_TIERS_KEY}.${tier}`;
    if (!allowed.has(tier)) {
      throw new Error(
        `Invalid config at '${key}': '${tier}' is not a tier, allowed are ${tiers.join(
          ', ',
        )}`,
      );
    }
    let values: string[];
    try {
      values = section!.getStringArray(tier);
    } catch {
      throw new Error(
        `Invalid config at '${key}': expected a list of tiers from ${tiers.join(
          ', ',
        )}`,
      );
    }
    const unknown = values.find(value => !allowed.has(value));
    if (unknown !== undefined) {
      throw new Error(
        `Invalid config at '${key}': '${unknown}' is not a tier, allowed are ${tiers.join(
          ', ',
        )}`,
      );
    }
    allowed.set(tier, values);
  }
  return allowed;
}

/**
 * The dependencies that one of the given ADR texts names, by full entity ref or by name, as a
 * whole word (`feature-flags` does not name `feature-flags-ui`). Case does not matter.
 *
 * @public
 */
export function dependenciesNamedIn(
  texts: readonly string[],
  dependencyRefs: readonly string[],
): Set<string> {
  return namedAsWholeWord(
    texts,
    dependencyRefs,
    ref => [ref, parseEntityRef(ref).name],
    { before: '-', after: '-' },
  );
}

const describe = (dependency: EntityDependency) =>
  `${dependency.entityRef} (${dependency.tier ?? 'no tier'})`;

/**
 * Evaluates the `dependencies-meet-tier` check of an entity in `tier`: it fails when a
 * dependency has a tier the entity's tier may not depend on, or no tier, unless an accepted ADR
 * of the entity names that dependency (`clearedByAdr`). The actual value names each offending
 * dependency and its tier. Waivers apply afterwards, as to any check.
 *
 * @public
 */
export function evaluateDependencyTiers(options: {
  tier: string;
  dependencies: readonly EntityDependency[];
  allowedTiers: AllowedDependencyTiers;
  /** Refs of the dependencies an accepted ADR of the entity names. */
  clearedByAdr: ReadonlySet<string>;
}): { result: CheckResult; mismatches: DependencyTierMismatch[] } {
  const { tier, dependencies, clearedByAdr } = options;
  const allowed = options.allowedTiers.get(tier) ?? [tier];
  const mismatches: DependencyTierMismatch[] = dependencies
    .filter(d => !d.tier || !allowed.includes(d.tier))
    .map(d => ({ ...d, clearedByAdr: clearedByAdr.has(d.entityRef) }));
  const open = mismatches.filter(m => !m.clearedByAdr);
  const cleared = mismatches.filter(m => m.clearedByAdr);
  const base = {
    checkId: DEPENDENCIES_CHECK_ID,
    title: 'Dependencies meet the tier',
    target: `depends only on ${allowed.join(', ') || 'nothing'}`,
    factName: 'dependencies',
    stale: false,
    // Read from the catalog's relations, not declared by anyone.
    evidence: 'automated' as const,
  };
  const clearedNote = cleared.length
    ? `; accepted in an ADR: ${cleared.map(describe).join(', ')}`
    : '';
  if (open.length) {
    return {
      mismatches,
      result: {
        ...base,
        state: 'fail',
        actual: open.map(describe).join(', '),
        reason: `A ${tier} entity may depend on ${
          allowed.join(', ') || 'no tier'
        }: ${open.length} ${
          open.length === 1 ? 'dependency does' : 'dependencies do'
        } not, and no accepted ADR names ${
          open.length === 1 ? 'it' : 'them'
        }${clearedNote}`,
      },
    };
  }
  return {
    mismatches,
    result: {
      ...base,
      state: 'pass',
      actual: dependencies.length
        ? `${dependencies.length} ${
            dependencies.length === 1 ? 'dependency' : 'dependencies'
          }${clearedNote}`
        : 'no dependencies',
    },
  };
}
