import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';

/**
 * Stands in for the governance plugin in the example data tests: like it, it creates its
 * tables in its init, so a module's startup hook finds them.
 */
export const governanceTables = createBackendPlugin({
  pluginId: 'governance',
  register(env) {
    env.registerInit({
      deps: { database: coreServices.database },
      async init({ database }) {
        await (
          await database.getClient()
        ).migrate.latest({
          directory: resolvePackagePath(
            '@catalog-governance/backstage-plugin-governance-backend',
            'migrations',
          ),
        });
      },
    });
  },
});
