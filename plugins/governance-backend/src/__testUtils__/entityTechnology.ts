import { EntityTechnology } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * A technology an entity declares in `governance/stack`: a datastore off the radar and not
 * cleared by an ADR unless `over` says otherwise.
 */
export const entityTechnology = (
  technology: string,
  over: Partial<EntityTechnology> = {},
): EntityTechnology => ({
  category: 'datastores',
  technology,
  clearedByAdr: false,
  ...over,
});
