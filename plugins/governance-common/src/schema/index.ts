export * from './createGovernanceApiClient';
export * from './types.generated';
