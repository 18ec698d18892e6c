import { Entity } from '@backstage/catalog-model';
import { EntityFilter } from '@backstage/plugin-catalog-react';
import { GOVERNANCE_ANNOTATIONS } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * Keeps the catalog entities whose `governance/tier` annotation is one of the chosen tiers.
 * The catalog backend does the filtering, so paging and counts stay exact.
 *
 * @public
 */
export class EntityTierFilter implements EntityFilter {
  /** @param values - the tier names to keep, as written in the annotation */
  constructor(readonly values: string[]) {}

  /** Whether the entity's tier is one of the chosen ones. */
  filterEntity(entity: Entity): boolean {
    const tier = entity.metadata.annotations?.[GOVERNANCE_ANNOTATIONS.tier];
    return tier !== undefined && this.values.includes(tier);
  }

  /** The catalog query for the chosen tiers; none when no tier is chosen. */
  getCatalogQuery() {
    // Written out rather than built from GOVERNANCE_ANNOTATIONS.tier: a computed key would not
    // type as a catalog filter predicate.
    return this.values.length
      ? { 'metadata.annotations.governance/tier': { $in: this.values } }
      : undefined;
  }

  /** The chosen tiers, for the page's URL. */
  toQueryValue(): string[] {
    return this.values;
  }
}
