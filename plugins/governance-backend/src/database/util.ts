import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/backstage-plugin-governance-backend',
  'migrations',
);

/** The plugin's database, migrated to the latest schema unless migrations are skipped. */
export async function migrate(database: DatabaseService): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

// Keeps every statement under SQLite's and PostgreSQL's bound-parameter limits.
const BATCH_SIZE = 500;

/** SQLite hands timestamps back as numbers or strings, PostgreSQL as Date. */
export function toIso(value: Date | string | number): string {
  return new Date(value).toISOString();
}

export function chunks<T>(items: T[], size = BATCH_SIZE): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/**
 * Rows per multi-row INSERT: as many as keep the statement under 10,000 bound values (both
 * databases allow 32,766 or more), since fewer, larger statements are what makes a first
 * evaluation of a big catalog fast.
 */
export function rowChunks<T extends object>(rows: T[]): T[][] {
  const columns = rows.length ? Object.keys(rows[0]).length + 1 : 1;
  return chunks(rows, Math.floor(10_000 / columns));
}
