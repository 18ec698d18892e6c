export * from './GovernanceApi';
export { GovernanceClient } from './GovernanceClient';
export { ReviewConflictError } from './ReviewConflictError';
