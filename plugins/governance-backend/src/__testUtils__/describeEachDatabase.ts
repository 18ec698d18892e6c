import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migratedDatabase } from './migratedDatabase';
import { governanceTestDatabases } from './testDatabases';

/** Fresh databases of the engine one run of a {@link describeEachDatabase} block is on. */
export interface EachDatabase {
  /** A new database holding the governance tables, migrated as plugin init does. */
  migrated(): Promise<Knex>;
  /** A new database with no tables, for tests that migrate or create tables themselves. */
  empty(): Promise<Knex>;
}

// Jest loads this module once per test file, so a file with several blocks shares one set of
// connection pools, as it did when it created its TestDatabases itself.
let fileDatabases: TestDatabases | undefined;

/**
 * Declares `tests` once per database governance supports (SQLite and PostgreSQL), in blocks
 * named `<subject> on <database id>`: the set-up every database test file would repeat.
 */
export function describeEachDatabase(
  subject: string,
  tests: (database: EachDatabase) => void,
): void {
  const databases = (fileDatabases ??= governanceTestDatabases());
  describe.each(databases.eachSupportedId())(`${subject} on %s`, databaseId => {
    tests({
      migrated: () => migratedDatabase(databases, databaseId),
      empty: () => databases.init(databaseId),
    });
  });
}
