/*
 * What the benches share: the databases they run on (PostgreSQL 15 when scripts/bench.sh names
 * it, and an SQLite file), each bench on a database of its own, and a timer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

const POSTGRES = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

const postgres = (database: string) =>
  knexFactory({
    client: 'pg',
    connection: `${process.env[POSTGRES]}/${database}`,
    pool: { min: 1, max: 5 },
  });

/** The databases a bench runs on, by the label its report rows carry. */
export const BENCH_DATABASES = ['PostgreSQL 15', 'SQLite (file)'] as const;

/**
 * Runs `fn` on a fresh database: a new PostgreSQL database, dropped afterwards, or a new SQLite
 * file. Returns false, without running it, when no PostgreSQL connection string is set.
 */
export async function withBenchDatabase(
  label: (typeof BENCH_DATABASES)[number],
  fn: (db: Knex) => Promise<void>,
): Promise<boolean> {
  if (label === 'SQLite (file)') {
    const db = knexFactory({
      client: 'better-sqlite3',
      connection: {
        filename: path.join(
          fs.mkdtempSync(path.join(os.tmpdir(), 'gov-bench-')),
          'bench.sqlite',
        ),
      },
      useNullAsDefault: true,
    });
    try {
      await fn(db);
    } finally {
      await db.destroy();
    }
    return true;
  }
  if (!process.env[POSTGRES]) {
    return false;
  }
  const admin = postgres('postgres');
  const name = `gov_bench_${Date.now()}`;
  await admin.raw(`CREATE DATABASE ${name}`);
  const db = postgres(name);
  try {
    await fn(db);
  } finally {
    await db.destroy();
    await admin.raw(`DROP DATABASE ${name}`);
    await admin.destroy();
  }
  return true;
}

/** The result of `fn` and how long it took, in milliseconds. */
export async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}
