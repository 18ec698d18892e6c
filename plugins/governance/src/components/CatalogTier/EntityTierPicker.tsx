import {
  DefaultEntityFilters,
  EntityAutocompletePicker,
} from '@backstage/plugin-catalog-react';
import { GOVERNANCE_ANNOTATIONS } from '@catalog-governance/backstage-plugin-governance-common';
import { EntityTierFilter } from './EntityTierFilter';

/**
 * The catalog's filters with the tier filter added.
 *
 * @public
 */
export type EntityTierFilters = DefaultEntityFilters & {
  tier?: EntityTierFilter;
};

/**
 * A catalog index filter over the `governance/tier` annotation: offers the tiers the catalog's
 * entities carry, with their counts, and keeps the choice in the URL (`?filters[tier]=critical`).
 *
 * @public
 */
export function EntityTierPicker() {
  return (
    <EntityAutocompletePicker<EntityTierFilters, 'tier'>
      label="Tier"
      name="tier"
      path={`metadata.annotations.${GOVERNANCE_ANNOTATIONS.tier}`}
      Filter={EntityTierFilter}
      showCounts
    />
  );
}
