import { Knex } from 'knex';
import { migrationsDirectory } from '../database/migrateGovernanceDatabase';

/**
 * Undoes the governance migrations newest first until none from `version` on is applied: the
 * schema a release before `version` had, reached as a rollback would reach it.
 */
export async function migrateDownBelow(
  knex: Knex,
  version: string,
): Promise<void> {
  while (
    (await knex.migrate.currentVersion({ directory: migrationsDirectory })) >=
    version
  ) {
    await knex.migrate.down({ directory: migrationsDirectory });
  }
}
