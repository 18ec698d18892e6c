export { governanceApiRef } from './GovernanceApi';
export type { EntityScorecardTrend, GovernanceApi } from './GovernanceApi';
export { GovernanceClient } from './GovernanceClient';
