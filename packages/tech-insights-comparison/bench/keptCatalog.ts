/*
 * A catalog the real-catalog bench keeps between runs (`BENCH_REAL_KEEP=1`): the catalog's
 * ingestion of 100,000 entities takes most of an hour and is not part of governance's figures,
 * so a later run on a quiet machine reuses it and spends its minutes on the measurements.
 *
 * Per database and size, a folder under `BENCH_REAL_KEEP_DIR` (default <tmp>/gov-real-catalogs)
 * holds the YAML files the locations point at (their paths must not change, or the catalog would
 * orphan the entities), `ingestion.json` once an ingestion has completed and, on SQLite, the
 * catalog's database file. On PostgreSQL the catalog's database is `gov_real_catalog_<size>`.
 */
import knexFactory from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CATALOG_SETTINGS, RealCatalogDatabase } from './realCatalogBackend';

/** Whether the bench keeps the catalog it ingests and reuses a complete kept one. */
export const KEEP = process.env.BENCH_REAL_KEEP === '1';
const KEEP_DIR =
  process.env.BENCH_REAL_KEEP_DIR ??
  path.join(os.tmpdir(), 'gov-real-catalogs');
const POSTGRES = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/** What a completed ingestion left for later runs, in `ingestion.json`. */
export type IngestionRecord = {
  database: RealCatalogDatabase;
  /** Entities of the generated kinds the catalog served */
  count: number;
  /** Hash of the generated YAML: another generator means another catalog */
  generator: string;
  ingestionMs: number;
  /** ISO date the ingestion finished */
  finishedAt: string;
  /** The catalog settings it ran with, as the report states them */
  settings: string;
};

/** Where one database's catalog of one size is kept. */
export type KeptCatalog = {
  /** The folder of the YAML files */
  filesDir: string;
  /** The catalog's own database: a PostgreSQL database name, or an SQLite directory */
  catalogDatabase: string;
  /** The record of a complete ingestion of the same generated catalog, if there is one */
  complete(expected: {
    count: number;
    generator: string;
  }): Promise<IngestionRecord | undefined>;
  /** Drops what an earlier, incomplete or different, ingestion left */
  discard(): Promise<void>;
  /** Records a completed ingestion, with its date and the catalog settings it ran with */
  save(
    ingestion: Pick<IngestionRecord, 'count' | 'generator' | 'ingestionMs'>,
  ): void;
  /** Where the record is, for the report */
  describe(): string;
};

async function withAdmin<T>(
  fn: (admin: ReturnType<typeof knexFactory>) => Promise<T>,
): Promise<T> {
  const admin = knexFactory({
    client: 'pg',
    connection: `${process.env[POSTGRES]}/postgres`,
  });
  try {
    return await fn(admin);
  } finally {
    await admin.destroy();
  }
}

export function keptCatalog(
  database: RealCatalogDatabase,
  n: number,
): KeptCatalog {
  const postgres = database === 'PostgreSQL 15';
  const dir = path.join(KEEP_DIR, `${postgres ? 'postgres' : 'sqlite'}-${n}`);
  const recordFile = path.join(dir, 'ingestion.json');
  const sqliteDir = path.join(dir, 'database');
  const pgName = `gov_real_catalog_${n}`;
  const databaseExists = async () =>
    postgres
      ? withAdmin(async admin => {
          const { rows } = await admin.raw(
            'SELECT 1 FROM pg_database WHERE datname = ?',
            [pgName],
          );
          return rows.length > 0;
        })
      : fs.existsSync(path.join(sqliteDir, 'catalog.sqlite'));
  return {
    filesDir: path.join(dir, 'files'),
    catalogDatabase: postgres ? pgName : sqliteDir,
    async complete({ count, generator }) {
      if (!fs.existsSync(recordFile) || !(await databaseExists())) {
        return undefined;
      }
      const record: IngestionRecord = JSON.parse(
        fs.readFileSync(recordFile, 'utf8'),
      );
      return record.count === count && record.generator === generator
        ? record
        : undefined;
    },
    async discard() {
      fs.rmSync(recordFile, { force: true });
      if (postgres) {
        await withAdmin(admin =>
          admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [pgName]),
        );
      } else {
        fs.rmSync(sqliteDir, { recursive: true, force: true });
      }
    },
    save(ingestion) {
      const record: IngestionRecord = {
        database,
        ...ingestion,
        finishedAt: new Date().toISOString(),
        settings: CATALOG_SETTINGS,
      };
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
    },
    describe: () =>
      postgres
        ? `database ${pgName}, ${recordFile}`
        : `${sqliteDir}, ${recordFile}`,
  };
}
