/**
 * Catalog module validating governance annotations.
 *
 * @packageDocumentation
 */

export { catalogModuleGovernance as default } from './module';
export { GovernanceAnnotationsProcessor } from './processor/GovernanceAnnotationsProcessor';
