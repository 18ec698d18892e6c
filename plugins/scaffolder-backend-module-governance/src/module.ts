import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createGovernanceAdrCreateAction } from './actions/createAdrAction';

/**
 * Adds the `governance:adr:create` action to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleGovernance = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'governance',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, catalog }) {
        scaffolder.addActions(createGovernanceAdrCreateAction({ catalog }));
      },
    });
  },
});
