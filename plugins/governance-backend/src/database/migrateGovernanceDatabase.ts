import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/**
 * The folder of the plugin's knex migrations. Tests that step the schema down and up again
 * to check a migration's data conversion read it from here.
 *
 * @internal
 */
export const migrationsDirectory = resolvePackagePath(
  '@catalog-governance/backstage-plugin-governance-backend',
  'migrations',
);

/**
 * The plugin's database, migrated to the latest schema unless `database.migrations.skip` is
 * set. Plugin init calls it once and hands the client to every store.
 *
 * @internal
 */
export async function migrateGovernanceDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDirectory });
  }
  return client;
}
