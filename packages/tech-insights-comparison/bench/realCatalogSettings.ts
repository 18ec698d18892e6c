/*
 * The real-catalog bench's settings (realCatalog.bench.ts): the environment switches its header
 * describes, the simulated clock its passes run by and the fixed sizes of its steps.
 */
import { RealCatalogDatabase } from './realCatalogBackend';

/** Catalog sizes, comma-separated; both by default. */
export const SIZES = (process.env.BENCH_REAL_ENTITIES ?? '10000,100000')
  .split(',')
  .map(Number);
/** SQLite runs up to this size unless told more (it has to hold the whole catalog in one file). */
export const SQLITE_MAX = Number(process.env.BENCH_REAL_SQLITE_MAX ?? 10_000);
/** Ingestion taking longer is stopped and reported as a rate; nothing else runs for that size. */
export const INGEST_MINUTES = Number(
  process.env.BENCH_REAL_INGEST_MINUTES ?? 120,
);
/** Only ingest (and keep): the measurements are for a quiet machine, later. */
export const INGEST_ONLY = process.env.BENCH_REAL_INGEST_ONLY === '1';
export const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
export const LOAD_CLIENTS = 8;
/** Distinct requests a load cycles through: the summary's 200 entities, for one. */
export const LOAD_REQUESTS = 200;
export const TECH_INSIGHTS_SIZE = 10_000;
/** Entity refs per Tech Insights request: its route's express.json() takes at most 100 kB. */
export const BATCH = 1_000;
/**
 * Facts per `POST /facts` request, as a pipeline pushing every service's measurements sends
 * them: half the 20,000 the API takes, about 1.3 MB of JSON. More than 50 entities a request,
 * so no push re-evaluates its entities and the first full evaluation is a first one.
 */
export const FACTS_PER_PUSH = 10_000;
export const NOW = new Date('2026-11-25T00:00:00Z');
export const TEN_MINUTES_LATER = new Date('2026-11-25T00:10:00Z');
/**
 * The day's scheduled pass after 1% of the services changed: within a day of the first pass, so
 * it reads only what may have changed, as every pass but the daily full read does.
 */
export const LATER_THAT_DAY = new Date('2026-11-25T12:00:00Z');
/**
 * When the facts pushed before the first pass count as received on the simulated clock: an hour
 * before it, beyond the margin of writes a pass looks back over, so the next pass finds them read.
 */
export const BEFORE_FIRST_PASS = new Date('2026-11-24T23:00:00Z');
/** When the facts pushed for the day's pass count as received: a minute before it. */
export const BEFORE_LATER_PASS = new Date('2026-11-25T11:59:00Z');
export const MiB = 2 ** 20;
/** Milliseconds between logs of the live heap (after a forced collection); none when absent. */
export const LIVE_HEAP_MS = Number(process.env.BENCH_REAL_LIVE_HEAP_MS ?? 0);
/**
 * V8 heap flags the run was started with (`NODE_OPTIONS`): the first evaluation's rows name
 * them, and a run with other flags keeps this one's rows beside its own (docs/install.md,
 * "Memory").
 */
export const HEAP_FLAGS = [
  ...process.execArgv,
  ...(process.env.NODE_OPTIONS ?? '').split(/\s+/),
].filter(flag => /^--max-(old|semi)-space-size=/.test(flag));
export const withHeapFlags = HEAP_FLAGS.length
  ? `, with ${HEAP_FLAGS.join(' ')}`
  : '';
/** The first evaluation's rows, which runs with other heap flags keep side by side. */
export const HEAP_SENSITIVE = ['first full evaluation', 'backend peak RSS'];
/** Whether to sample where the first evaluation allocates, garbage included. */
export const ALLOCATIONS = process.env.BENCH_REAL_ALLOCATIONS === '1';

export const DATABASES: RealCatalogDatabase[] = [
  'PostgreSQL 15',
  'SQLite (file)',
];
