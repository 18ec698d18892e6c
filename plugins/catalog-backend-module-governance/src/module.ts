import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { GovernanceAnnotationsProcessor } from './processor/GovernanceAnnotationsProcessor';

/**
 * Adds the governance annotation validation to the catalog.
 *
 * @public
 */
export const catalogModuleGovernance = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'governance',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ catalog, config, logger }) {
        catalog.addProcessor(
          GovernanceAnnotationsProcessor.fromConfig(config, { logger }),
        );
      },
    });
  },
});
