import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  readTierPolicies,
  readValidationMode,
} from '@internal/backstage-plugin-governance-common';
import { DatabaseGovernanceStore } from './database/DatabaseGovernanceStore';
import { EntitySummaryService } from './service/EntitySummaryService';
import { createRouter } from './service/router';
import { TierSync } from './tiers/TierSync';

/**
 * The governance backend plugin.
 *
 * @public
 */
export const governancePlugin = createBackendPlugin({
  pluginId: 'governance',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, database, scheduler, httpRouter, httpAuth } =
          deps;
        // Both throw with the offending key, so a bad config fails start-up.
        const tierPolicies = readTierPolicies(config);
        const validationMode = readValidationMode(config);
        const store = await DatabaseGovernanceStore.create({ database });

        const tierSync = new TierSync({ ...deps, store, tierPolicies });
        const syncFrequency = config.has('governance.tierSync.frequency')
          ? readDurationFromConfig(config, {
              key: 'governance.tierSync.frequency',
            })
          : { minutes: 5 };
        await scheduler.scheduleTask({
          id: 'governance-tier-sync',
          frequency: syncFrequency,
          timeout: { minutes: 5 },
          initialDelay: { seconds: 15 },
          fn: () => tierSync.run(),
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            summaries: new EntitySummaryService({
              catalog: deps.catalog,
              store,
              tierPolicies,
              validationMode,
            }),
          }),
        );
        logger.info(
          `Governance ready with tiers ${[...tierPolicies.keys()].join(', ')}`,
        );
      },
    });
  },
});
