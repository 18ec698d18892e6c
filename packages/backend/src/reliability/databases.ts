import knexFactory, { Knex } from 'knex';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { ReplicaDatabase } from './ReplicaProcess';

const pgConnection =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

/**
 * The databases the reliability tests run on: SQLite files always, PostgreSQL when a server
 * is given (CI requires it: GOVERNANCE_REQUIRE_POSTGRES=1 makes its absence an error).
 */
export function reliabilityDatabases(): Array<'sqlite' | 'postgres'> {
  if (!pgConnection && process.env.GOVERNANCE_REQUIRE_POSTGRES === '1') {
    throw new Error(
      'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set, and GOVERNANCE_REQUIRE_POSTGRES=1',
    );
  }
  return pgConnection ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh database for replicas, and a knex client on the governance plugin's part of it. */
export function freshDatabase(kind: 'sqlite' | 'postgres'): {
  database: ReplicaDatabase;
  governanceDb: () => Knex;
} {
  if (kind === 'postgres') {
    // Backstage gives every plugin its own database named <prefix><pluginId>.
    const prefix = `reliability_${Date.now()}_${process.pid}_`;
    return {
      database: { client: 'pg', connection: pgConnection!, prefix },
      governanceDb: () =>
        knexFactory({
          client: 'pg',
          connection: `${pgConnection}/${prefix}governance`,
        }),
    };
  }
  const directory = fs.mkdtempSync(
    path.join(os.tmpdir(), 'governance-reliability-'),
  );
  return {
    database: { client: 'better-sqlite3', directory },
    governanceDb: () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(directory, 'governance.sqlite') },
        useNullAsDefault: true,
      }),
  };
}
