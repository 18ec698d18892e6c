import {
  coreServices,
  createBackendModule,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/**
 * A governance module that writes example data for a fresh install into the plugin's own tables.
 * It writes in a startup hook: those run once every plugin is initialised, so the governance
 * plugin has run its migrations by then. `seed` returns what it wrote, for the log, or
 * undefined when it wrote nothing (a restart). Leave such modules out of a real backend.
 */
export function createExampleDataModule(options: {
  moduleId: string;
  seed(db: Knex, config: RootConfigService): Promise<string | undefined>;
}) {
  return createBackendModule({
    pluginId: 'governance',
    moduleId: options.moduleId,
    register(env) {
      env.registerInit({
        deps: {
          config: coreServices.rootConfig,
          database: coreServices.database,
          lifecycle: coreServices.lifecycle,
          logger: coreServices.logger,
        },
        async init({ config, database, lifecycle, logger }) {
          lifecycle.addStartupHook(async () => {
            const written = await options.seed(
              await database.getClient(),
              config,
            );
            if (written) {
              logger.info(`Example data: ${written}`);
            }
          });
        },
      });
    },
  });
}
