import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migrateGovernanceDatabase } from '../database/migrateGovernanceDatabase';

/**
 * A fresh database of `databaseId` holding the governance tables, migrated as the plugin does
 * at init: what every store test starts from.
 */
export async function migratedDatabase(
  databases: TestDatabases,
  databaseId: Parameters<TestDatabases['init']>[0],
): Promise<Knex> {
  const knex = await databases.init(databaseId);
  await migrateGovernanceDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  return knex;
}
