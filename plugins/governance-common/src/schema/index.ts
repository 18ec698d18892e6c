export * from './createGovernanceApiClient';
