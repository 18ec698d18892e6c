/*
 * The backend of the real-catalog bench: Backstage's catalog backend and the governance backend
 * (and, when asked, Tech Insights) in one test backend on a real database, each plugin with a
 * database of its own as in production, the catalog ingesting generated YAML files through `file`
 * locations.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  AuthService,
  BackendFeature,
  coreServices,
  createBackendModule,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleGovernance from '@catalog-governance/backstage-plugin-catalog-backend-module-governance';
import governancePlugin from '@catalog-governance/backstage-plugin-governance-backend';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CATALOG_KINDS } from './catalogFiles';

export type RealCatalogDatabase = 'PostgreSQL 15' | 'SQLite (file)';

/** What the bench reaches into the running backend for. */
export type RealCatalogBackend = {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The governance plugin's own database */
  governanceDb: Knex;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Runs a scheduled task now, e.g. a Tech Insights fact retriever */
  triggerTask(id: string): Promise<void>;
  /**
   * Refreshes the planner statistics of the catalog's PostgreSQL database (`ANALYZE`), as
   * autovacuum does some time after a mass ingestion: measured before it runs, the catalog's
   * page reads at 100,000 entities took 77 s instead of 16 s of a first evaluation. No-op on
   * SQLite.
   */
  analyzeCatalog(): Promise<void>;
  stop(): Promise<void>;
};

const POSTGRES = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * The catalog's own settings for a big ingestion, as a production install with a big catalog
 * would set them (`BENCH_REAL_CATALOG_DEFAULTS=1` leaves Backstage's defaults, to compare):
 * - `catalog.stitchingStrategy.pollingInterval` 100 ms instead of 1 s: the stitcher, which makes
 *   processed entities visible, looks for new work sooner whenever it has caught up;
 * - on PostgreSQL, the catalog's connection pool at 20 instead of knex's 10: its engine keeps 10
 *   entities in flight and its stitcher 5, each holding a connection for its transactions (SQLite
 *   keeps its single connection).
 * They only remove waits: on the shared 2-core machine (2,000 entities, both runs side by side)
 * they changed nothing, 216 s and 16.0 ms of catalog CPU per entity with the defaults against
 * 220 s and 16.3 ms. The catalog's concurrency (10 entities, 5 stitches) is fixed in its code,
 * and a CPU profile puts 37% of its time in the pg driver's socket writes: it makes many small
 * queries per entity, so its rate is the CPU share it gets divided by that cost.
 */
export const CATALOG_TUNED = process.env.BENCH_REAL_CATALOG_DEFAULTS !== '1';
export const CATALOG_SETTINGS = CATALOG_TUNED
  ? '`catalog.stitchingStrategy.pollingInterval` 100 ms, on PostgreSQL `backend.database.plugin.catalog.knexConfig.pool.max` 20, `catalog.processingInterval` 24 h'
  : "Backstage's defaults but `catalog.processingInterval` 24 h";

/**
 * `backend.database` for each plugin's database on the bench's server, and how to drop them: all
 * but a kept catalog's (`catalogDatabase`: a PostgreSQL database name or an SQLite directory).
 */
function databaseConfig(label: RealCatalogDatabase, catalogDatabase?: string) {
  if (label === 'SQLite (file)') {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-real-db-'));
    return {
      config: {
        client: 'better-sqlite3',
        connection: { directory },
        ...(catalogDatabase
          ? {
              plugin: {
                catalog: { connection: { directory: catalogDatabase } },
              },
            }
          : {}),
      },
      drop: async () => fs.rmSync(directory, { recursive: true, force: true }),
      analyzeCatalog: async () => {},
    };
  }
  const connection = process.env[POSTGRES]!;
  const prefix = `gov_real_${Date.now()}_`;
  return {
    config: {
      client: 'pg',
      connection,
      prefix,
      plugin: {
        catalog: {
          ...(catalogDatabase
            ? { connection: { database: catalogDatabase } }
            : {}),
          ...(CATALOG_TUNED
            ? { knexConfig: { pool: { min: 0, max: 20 } } }
            : {}),
        },
      },
    },
    analyzeCatalog: async () => {
      // Backstage names a plugin's database after the prefix and the plugin's id.
      const catalog = knexFactory({
        client: 'pg',
        connection: `${connection}/${catalogDatabase ?? `${prefix}catalog`}`,
      });
      try {
        await catalog.raw('ANALYZE');
      } finally {
        await catalog.destroy();
      }
    },
    drop: async () => {
      const admin = knexFactory({
        client: 'pg',
        connection: `${connection}/postgres`,
      });
      try {
        const { rows } = await admin.raw(
          'SELECT datname FROM pg_database WHERE datname LIKE ?',
          [`${prefix}%`],
        );
        for (const { datname } of rows as Array<{ datname: string }>) {
          await admin.raw('DROP DATABASE ?? WITH (FORCE)', [datname]);
        }
      } finally {
        await admin.destroy();
      }
    },
  };
}

/**
 * Starts the backend with the catalog reading `files`, and our catalog module validating every
 * entity's governance annotations, as in a real install. The catalog processes each entity once:
 * its re-processing interval is a day, so the background refresh a production catalog runs every
 * few minutes does not compete with the measured steps. A kept catalog that is already ingested
 * does not process at all: it serves what its database holds.
 */
export async function startRealCatalogBackend(options: {
  database: RealCatalogDatabase;
  files: string[];
  /** A kept catalog's database (PostgreSQL name or SQLite directory), left in place at stop */
  catalogDatabase?: string;
  /** Whether that kept catalog has been ingested completely */
  ingested?: boolean;
  /** More plugins and modules, e.g. Tech Insights */
  features?: BackendFeature[];
  /** More root config, e.g. `techInsights` */
  config?: Record<string, unknown>;
}): Promise<RealCatalogBackend> {
  const {
    config: database,
    drop,
    analyzeCatalog,
  } = databaseConfig(options.database, options.catalogDatabase);
  // Tasks run when the bench triggers them: no evaluation or retriever starts on its own.
  const scheduler = mockServices.scheduler() as ReturnType<
    typeof mockServices.scheduler
  > & {
    factory(o: { skipTaskRunOnStartup: boolean }): BackendFeature;
    triggerTask(id: string): Promise<void>;
  };
  let reached:
    | Omit<
        RealCatalogBackend,
        'url' | 'stop' | 'triggerTask' | 'analyzeCatalog'
      >
    | undefined;
  const started = startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleGovernance,
      governancePlugin,
      createBackendModule({
        pluginId: 'governance',
        moduleId: 'real-catalog-bench',
        register(reg) {
          reg.registerInit({
            deps: {
              database: coreServices.database,
              catalog: catalogServiceRef,
              auth: coreServices.auth,
              logger: coreServices.logger,
            },
            async init({ database: db, catalog, auth, logger }) {
              reached = {
                governanceDb: await db.getClient(),
                catalog,
                auth,
                logger,
              };
            },
          });
        },
      }),
      ...(options.features ?? []),
      databaseServiceFactory,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          backend: { database },
          catalog: {
            rules: [{ allow: [...CATALOG_KINDS, 'Location'] }],
            locations: options.files.map(target => ({ type: 'file', target })),
            processingInterval: options.ingested ? false : { hours: 24 },
            ...(CATALOG_TUNED
              ? {
                  stitchingStrategy: { pollingInterval: { milliseconds: 100 } },
                }
              : {}),
          },
          ...options.config,
        },
      }),
    ],
  });
  // A backend that fails to start (e.g. a failing migration) leaves no databases behind.
  const backend = await started.catch(async error => {
    await drop();
    throw error;
  });
  const { port } = backend.server.address() as { port: number };
  return {
    ...reached!,
    url: `http://127.0.0.1:${port}`,
    triggerTask: id => scheduler.triggerTask(id),
    analyzeCatalog,
    stop: async () => {
      try {
        await backend.stop();
      } finally {
        await drop();
      }
    },
  };
}

/**
 * Waits until the catalog serves `count` entities of the generated kinds (processed and
 * stitched), checking every two seconds (every ten from 20,000 entities, where counting them
 * costs the catalog's database more), and telling stderr how far it is every minute, for the
 * log of a long ingestion.
 *
 * @returns The milliseconds it took, the count reached (less than `count` when `timeoutMs`
 *   passed first), and the CPU milliseconds this process (the catalog) spent: unlike the
 *   duration, that hardly depends on what else the machine runs
 */
export async function waitForIngestion(
  backend: RealCatalogBackend,
  count: number,
  timeoutMs: number,
): Promise<{ ms: number; ingested: number; cpuMs: number }> {
  const start = Date.now();
  const cpuStart = process.cpuUsage();
  const pollMs = count < 20_000 ? 2_000 : 10_000;
  let ingested = 0;
  let toldAt = start;
  for (;;) {
    // The catalog answers while it processes; a dropped connection is retried at the next poll.
    try {
      const { totalItems } = await backend.catalog.queryEntities(
        { filter: { kind: CATALOG_KINDS }, limit: 1 },
        { credentials: await backend.auth.getOwnServiceCredentials() },
      );
      ingested = totalItems;
    } catch (error) {
      backend.logger.warn(`Catalog poll failed, retrying: ${error}`);
    }
    const ms = Date.now() - start;
    if (ingested >= count || ms > timeoutMs) {
      const { user, system } = process.cpuUsage(cpuStart);
      return { ms, ingested, cpuMs: (user + system) / 1000 };
    }
    if (Date.now() - toldAt >= 60_000) {
      toldAt = Date.now();
      process.stderr.write(
        `${new Date().toISOString()} catalog ingestion: ${ingested} of ${count} entities after ${Math.round(
          ms / 1000,
        )} s (${((ingested * 1000) / ms).toFixed(1)} entities/s)\n`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, pollMs));
  }
}

/**
 * Resets the kernel's peak resident set of this process (VmHWM), so {@link peakRss} covers only
 * what follows. False where /proc/self/clear_refs cannot be written.
 */
export function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The peak resident set since the last {@link resetPeakRss}, in bytes, from /proc. */
export function peakRss(): number | undefined {
  const match = /VmHWM:\s+(\d+) kB/.exec(
    fs.readFileSync('/proc/self/status', 'utf8'),
  );
  return match ? Number(match[1]) * 1024 : undefined;
}
