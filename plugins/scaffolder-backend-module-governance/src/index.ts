/**
 * Scaffolder module with the governance actions: `governance:adr:create` writes the next
 * numbered MADR file of an entity.
 *
 * @packageDocumentation
 */

export { scaffolderModuleGovernance as default } from './module';
export {
  createGovernanceAdrCreateAction,
  type GovernanceAdrCreateActionOptions,
} from './actions/createAdrAction';
