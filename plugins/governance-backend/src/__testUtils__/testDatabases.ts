import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases a governance test that stores anything runs on: SQLite and PostgreSQL 15, as
 * production runs on either. Starting and migrating PostgreSQL takes seconds, so the calling
 * test file's tests get a minute each.
 */
export function governanceTestDatabases(): TestDatabases {
  jest.setTimeout(60_000);
  return TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
}
