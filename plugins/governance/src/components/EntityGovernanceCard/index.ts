export { EntityGovernanceCard } from './EntityGovernanceCard';
export type { EntityGovernanceCardProps } from './EntityGovernanceCard';
