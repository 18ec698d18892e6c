import { Knex } from 'knex';
import { migrationsDirectory } from '../database/migrateGovernanceDatabase';

// Steps through the governance schema's history, for tests of what a migration does to stored
// data on the way up and back down.

/** Applies every governance migration not applied yet, as an upgrade does. */
export async function migrateToLatest(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDirectory });
}

/** Undoes the named migrations (file names), one after the other in the order given. */
export async function undoMigrations(
  knex: Knex,
  ...names: string[]
): Promise<void> {
  for (const name of names) {
    await knex.migrate.down({ directory: migrationsDirectory, name });
  }
}

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
