export { EntityGovernanceContent } from './EntityGovernanceContent';
