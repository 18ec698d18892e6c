import {
  BackendFeature,
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';

/**
 * The databases the example data tests run on: SQLite and PostgreSQL 15, as the example backend
 * runs on either. Starting and migrating PostgreSQL takes seconds, so the calling test file's
 * tests get a minute each.
 */
export function exampleDataDatabases(): TestDatabases {
  jest.setTimeout(60_000);
  return TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
}

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

/**
 * Starts a backend with the governance tables and one example data module on the given
 * database; stop it and start another to see what a restart does.
 */
function startExampleBackend(knex: Knex, module: BackendFeature) {
  return startTestBackend({
    features: [
      governanceTables,
      module,
      mockServices.database.factory({ knex }),
    ],
  });
}

/**
 * Starts and stops a backend with the example data module twice on the given database, as a
 * restart does; `beforeRestart` changes the data in between, as a council would.
 */
export async function startAndRestart(
  knex: Knex,
  module: BackendFeature,
  beforeRestart?: () => Promise<unknown>,
) {
  await (await startExampleBackend(knex, module)).stop();
  await beforeRestart?.();
  await (await startExampleBackend(knex, module)).stop();
}
