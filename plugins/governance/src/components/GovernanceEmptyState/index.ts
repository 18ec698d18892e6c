export { GovernanceEmptyState } from './GovernanceEmptyState';
export type { GovernanceEmptyStateProps } from './GovernanceEmptyState';
