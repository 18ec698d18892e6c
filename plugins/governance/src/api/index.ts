export { governanceApiRef } from './GovernanceApi';
export type {
  CampaignEntityQuery,
  CampaignListState,
  ComplianceCsvRequest,
  EntityScorecardTrend,
  GovernanceApi,
} from './GovernanceApi';
export { GovernanceClient } from './GovernanceClient';
export { ReviewConflictError } from './ReviewConflictError';
