import { Entity } from '@backstage/catalog-model';
import {
  AllowedDependencyTiers,
  CheckResult,
  dependenciesNamedIn,
  DependencyTierMismatch,
  evaluateDependencyTiers,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DependencyTiers } from '../catalog/DependencyTiers';
import { AdrStore } from '../database/AdrStore';

/**
 * Fields a scorecard evaluation reads of an entity on top of what every governance task reads:
 * its relations, for the `dependsOn` targets.
 *
 * @internal
 */
export const SCORECARD_EXTRA_FIELDS = ['relations'];

/**
 * The outcome of the `dependencies-meet-tier` check of one entity, before waivers.
 *
 * @internal
 */
export interface DependencyCheck {
  result: CheckResult;
  mismatches: DependencyTierMismatch[];
}

/**
 * Runs the `dependencies-meet-tier` check for a page of tiered entities: their `dependsOn`
 * targets' tiers come from {@link DependencyTiers}, and the accepted ADRs of the entities with
 * a mismatch are read in one query, so a page costs one ADR read at most.
 *
 * @internal
 */
export class DependencyChecks {
  constructor(
    private readonly deps: {
      allowedTiers: AllowedDependencyTiers;
      adrs?: Pick<AdrStore, 'listAcceptedAdrTexts'>;
    },
  ) {}

  /**
   * The check of each entity that has dependencies, by entity ref; an entity without any has
   * no such check, so scorecards of entities with nothing to depend on do not change.
   */
  async evaluate(
    entities: Array<{ entityRef: string; entity: Entity; tier: string }>,
    dependencyTiers: DependencyTiers,
  ): Promise<Map<string, DependencyCheck>> {
    const { allowedTiers, adrs } = this.deps;
    const checks = new Map<string, DependencyCheck>();
    const withMismatches: string[] = [];
    const inputs = new Map<
      string,
      Omit<Parameters<typeof evaluateDependencyTiers>[0], 'clearedByAdr'>
    >();
    // Entities without dependencies get no check: they are left out before any lookup.
    const dependent = entities.filter(e =>
      DependencyTiers.dependsOnAnything(e.entity),
    );
    const pageTiers = await dependencyTiers.forEntities(
      dependent.map(e => e.entity),
    );
    for (const { entityRef, entity, tier } of dependent) {
      const dependencies = await pageTiers.dependenciesOf(entity);
      if (!dependencies.length) {
        continue;
      }
      const input = { tier, dependencies, allowedTiers };
      const check = evaluateDependencyTiers({
        ...input,
        clearedByAdr: new Set(),
      });
      checks.set(entityRef, check);
      if (check.mismatches.length) {
        withMismatches.push(entityRef);
        inputs.set(entityRef, input);
      }
    }
    if (!adrs || !withMismatches.length) {
      return checks;
    }
    const texts = await adrs.listAcceptedAdrTexts(withMismatches);
    for (const entityRef of withMismatches) {
      const adrTexts = texts.get(entityRef);
      if (!adrTexts?.length) {
        continue;
      }
      const check = checks.get(entityRef)!;
      checks.set(
        entityRef,
        evaluateDependencyTiers({
          ...inputs.get(entityRef)!,
          clearedByAdr: dependenciesNamedIn(
            adrTexts,
            check.mismatches.map(m => m.entityRef),
          ),
        }),
      );
    }
    return checks;
  }
}
