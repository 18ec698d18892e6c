/**
 * Search module that indexes the ADRs stored by the governance plugin.
 *
 * @packageDocumentation
 */

export { searchModuleGovernanceAdrs as default } from './module';
