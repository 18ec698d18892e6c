/**
 * The governance frontend plugin: the Governance tab and card on catalog entity pages.
 *
 * @packageDocumentation
 */

export {
  governancePlugin,
  EntityGovernanceContent,
  EntityGovernanceCard,
} from './plugin';
export { isGovernanceAvailable } from './conditions';
export { governanceApiRef, GovernanceClient } from './api';
export type { EntityScorecardTrend, GovernanceApi } from './api';
export type { EntityGovernanceCardProps } from './components/EntityGovernanceCard';
