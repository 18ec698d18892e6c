import { Entity } from '@backstage/catalog-model';
import { isGovernanceAnnotation } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * True when the entity carries at least one governance annotation, valid or not. Apps that
 * would rather hide the Governance tab than show its empty state use this as the route's `if`.
 *
 * @public
 */
export function isGovernanceAvailable(entity: Entity): boolean {
  return Object.keys(entity.metadata.annotations ?? {}).some(
    isGovernanceAnnotation,
  );
}
