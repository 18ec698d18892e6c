/**
 * The governance frontend plugin: the Governance tab and card on catalog entity pages, and the
 * Architecture Council page.
 *
 * @packageDocumentation
 */

export {
  governancePlugin,
  EntityGovernanceContent,
  EntityGovernanceCard,
  ArchitectureCouncilPage,
} from './plugin';
export { isGovernanceAvailable } from './conditions';
export {
  createTierColumn,
  EntityTierFilter,
  EntityTierPicker,
} from './components/CatalogTier';
export type { EntityTierFilters } from './components/CatalogTier';
export { createLevelColumn } from './components/CatalogLevel';
export * from './api';
export type { EntityGovernanceCardProps } from './components/EntityGovernanceCard';
