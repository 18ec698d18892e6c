/*
 * Governance on Backstage's real catalog (issue 20): `yarn bench realCatalog` from the repository
 * root. The catalog backend ingests generated YAML files through `file` locations on PostgreSQL
 * (and an SQLite file), and governance evaluates what the catalog serves, through the catalog's
 * HTTP API as in production. Tech Insights runs on the same catalog at 10,000 entities.
 *
 * Environment:
 * - BENCH_REAL_ENTITIES: sizes, comma-separated (default 10000,100000);
 * - BENCH_REAL_SQLITE_MAX: the largest size SQLite runs (default 10000);
 * - BENCH_REAL_INGEST_MINUTES: a longer ingestion is stopped and reported as a rate (default 120);
 * - BENCH_REAL_KEEP=1: keep the ingested catalog (PostgreSQL database gov_real_catalog_<size>,
 *   SQLite and the YAML files under BENCH_REAL_KEEP_DIR, default <tmp>/gov-real-catalogs), and
 *   reuse a complete kept one of the same size and generator instead of ingesting: its ingestion
 *   row is the kept run's. Governance's and Tech Insights' databases are new on every run;
 * - BENCH_REAL_INGEST_ONLY=1: stop after the ingestion (with BENCH_REAL_KEEP=1, to ingest on a
 *   busy machine and measure later on a quiet one); writes no report section;
 * - BENCH_REAL_CATALOG_DEFAULTS=1: the catalog with Backstage's defaults instead of the settings
 *   in realCatalogBackend.ts (CATALOG_SETTINGS), to compare ingestion rates;
 * - BENCH_LOAD_SECONDS, BENCH_REAL_MACHINE_NOTE: the load's length and the report's machine note;
 * - BENCH_PROFILE_DIR: a folder for the evaluations' CPU profiles (`.cpuprofile` files);
 * - BENCH_REAL_LIVE_HEAP_MS: logs the live heap (used heap after a forced full collection) every
 *   so many milliseconds, to tell retained objects from garbage; the collections slow the steps;
 * - BENCH_REAL_ALLOCATIONS=1: samples where the first evaluation allocates, garbage included,
 *   logs the top functions and writes a `.heapprofile` into BENCH_PROFILE_DIR;
 * - NODE_OPTIONS=--max-old-space-size=<MiB> (or --max-semi-space-size): the first evaluation's
 *   rows name the flags, and keep the rows of an earlier run with other flags beside them.
 *
 * The log (stderr) has the process's memory after each step: RSS, V8's heap and the Buffers
 * outside it, at the step's end and at their highest during it.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { BulkCheckResponse } from '@backstage-community/plugin-tech-insights-common';
import { readTierPolicies } from '@catalog-governance/backstage-plugin-governance-common';
import {
  createScorecardEvaluation,
  machine,
  MeasuredFact,
  readReportSection,
  measuredFacts,
  services,
  writeReportSection,
} from '@catalog-governance/backstage-plugin-governance-backend/testUtils';
import { Knex } from 'knex';
import type { Profiler } from 'node:inspector';
import fs from 'node:fs';
import v8 from 'node:v8';
// The governance backend's load helper (autocannon in a worker thread), shared with its benches:
// bench files are not in its package exports.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  percentile,
  runLoad,
} from '../../../plugins/governance-backend/bench/loadRoutes';
import { writeCatalogFiles } from './catalogFiles';
import { KEEP, keptCatalog } from './keptCatalog';
import { profiled, saveProfile, topFrames } from './cpuProfile';
import {
  collectGarbage,
  MemoryTimeline,
  sampleAllocations,
  saveHeapProfile,
  topAllocations,
} from './realCatalogMemory';
import { watchWaits } from './realCatalogWaits';
import { jsonRulesChecks, RETRIEVERS } from '../src/jsonRulesChecks';
import {
  CATALOG_SETTINGS,
  peakRss,
  RealCatalogDatabase,
  resetPeakRss,
  startRealCatalogBackend,
  waitForIngestion,
} from './realCatalogBackend';
import {
  techInsightsConfig,
  techInsightsFeatures,
} from './techInsightsBackend';

/** Catalog sizes, comma-separated; both by default. */
const SIZES = (process.env.BENCH_REAL_ENTITIES ?? '10000,100000')
  .split(',')
  .map(Number);
/** SQLite runs up to this size unless told more (it has to hold the whole catalog in one file). */
const SQLITE_MAX = Number(process.env.BENCH_REAL_SQLITE_MAX ?? 10_000);
/** Ingestion taking longer is stopped and reported as a rate; nothing else runs for that size. */
const INGEST_MINUTES = Number(process.env.BENCH_REAL_INGEST_MINUTES ?? 120);
/** Only ingest (and keep): the measurements are for a quiet machine, later. */
const INGEST_ONLY = process.env.BENCH_REAL_INGEST_ONLY === '1';
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const LOAD_CLIENTS = 8;
const TECH_INSIGHTS_SIZE = 10_000;
/** Entity refs per Tech Insights request: its route's express.json() takes at most 100 kB. */
const BATCH = 1_000;
/**
 * Facts per `POST /facts` request, as a pipeline pushing every service's measurements sends
 * them: half the 20,000 the API takes, about 1.3 MB of JSON. More than 50 entities a request,
 * so no push re-evaluates its entities and the first full evaluation is a first one.
 */
const FACTS_PER_PUSH = 10_000;
const NOW = new Date('2026-11-25T00:00:00Z');
const TEN_MINUTES_LATER = new Date('2026-11-25T00:10:00Z');
/**
 * The day's scheduled pass after 1% of the services changed: within a day of the first pass, so
 * it reads only what may have changed, as every pass but the daily full read does.
 */
const LATER_THAT_DAY = new Date('2026-11-25T12:00:00Z');
/**
 * When the facts pushed before the first pass count as received on the simulated clock: an hour
 * before it, beyond the margin of writes a pass looks back over, so the next pass finds them read.
 */
const BEFORE_FIRST_PASS = new Date('2026-11-24T23:00:00Z');
/** When the facts pushed for the day's pass count as received: a minute before it. */
const BEFORE_LATER_PASS = new Date('2026-11-25T11:59:00Z');
const MiB = 2 ** 20;
/** Milliseconds between logs of the live heap (after a forced collection); none when absent. */
const LIVE_HEAP_MS = Number(process.env.BENCH_REAL_LIVE_HEAP_MS ?? 0);
/**
 * V8 heap flags the run was started with (`NODE_OPTIONS`): the first evaluation's rows name
 * them, and a run with other flags keeps this one's rows beside its own (docs/install.md,
 * "Memory").
 */
const HEAP_FLAGS = [
  ...process.execArgv,
  ...(process.env.NODE_OPTIONS ?? '').split(/\s+/),
].filter(flag => /^--max-(old|semi)-space-size=/.test(flag));
const withHeapFlags = HEAP_FLAGS.length ? `, with ${HEAP_FLAGS.join(' ')}` : '';
/** The first evaluation's rows, which runs with other heap flags keep side by side. */
const HEAP_SENSITIVE = ['first full evaluation', 'backend peak RSS'];
/** Whether to sample where the first evaluation allocates, garbage included. */
const ALLOCATIONS = process.env.BENCH_REAL_ALLOCATIONS === '1';

/**
 * Moves the receipt of facts the API just took (stamped with the wall clock, in December) onto
 * the simulated clock the passes run by: a scheduled pass reads the facts received since the
 * last one, and a November pass would take December receipts for writes it has not seen.
 */
async function receivedOnSimulatedClock(db: Knex, at: Date): Promise<void> {
  await db('facts').where('received_at', '>', at).update({ received_at: at });
}

/** The report's rows by catalog size: each size has a section of its own, as each may run alone. */
const rows = new Map<number, string[]>();
/** Whether a target was met; a missed one says where the time went, when it was profiled. */
function verdict(met?: boolean, profile?: Profiler.Profile): string {
  if (met === undefined) return '';
  if (met) return 'met';
  return `**MISSED**${profile ? `; profile: ${topFrames(profile)}` : ''}`;
}

const row = (
  db: string,
  n: number,
  measurement: string,
  result: string,
  target = '',
  met?: boolean,
  profile?: Profiler.Profile,
) =>
  rows.set(n, [
    ...(rows.get(n) ?? []),
    `| ${db} | ${n.toLocaleString('en')} | ${measurement} | ${result} | ${
      target || 'none'
    } | ${verdict(met, profile)} |`,
  ]);

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

/**
 * Times `fn` under the sampling profiler: its result, milliseconds and profile. The clock runs
 * inside the profiler: starting and stopping it in a process this size (the catalog, governance
 * and Tech Insights loaded) took 0.8 s and more on a shared machine, time no step spends.
 */
async function measure<T>(
  fn: () => Promise<T>,
): Promise<[T, number, Profiler.Profile]> {
  const [[result, ms], profile] = await profiled(() => time(fn));
  return [result, ms, profile];
}

const DATABASES: RealCatalogDatabase[] = ['PostgreSQL 15', 'SQLite (file)'];
const cases: Array<[RealCatalogDatabase, number]> = SIZES.flatMap(n =>
  DATABASES.map(database => [database, n] as [RealCatalogDatabase, number]),
);
/** The databases each size ran with; `-t PostgreSQL` leaves SQLite out. */
const ran = new Map<number, Set<RealCatalogDatabase>>();

/**
 * A size's table rows, database by database: this run's, and for a database this run left out
 * (`-t PostgreSQL`) the rows the report already has, so a run of one database keeps the other's
 * figures; a note names the run they are from.
 */
function sectionRows(n: number): { rows: string[]; notes: string[] } {
  const earlier = readReportSection(`real-catalog-${n}`)?.split('\n') ?? [];
  const earlierDate = earlier
    .find(line => line.startsWith('- Date: '))
    ?.slice('- Date: '.length);
  const ofDatabase = (lines: string[], database: string) =>
    lines.filter(line => line.startsWith(`| ${database} |`));
  const notes: string[] = [];
  const sizeRows = DATABASES.flatMap(database => {
    if (ran.get(n)?.has(database)) {
      const current = ofDatabase(rows.get(n) ?? [], database);
      const measurement = (line: string) => line.split(' | ')[2];
      const measured = new Set(current.map(measurement));
      // The first evaluation's rows of an earlier run with other heap flags, for comparison.
      const otherHeap = ofDatabase(earlier, database).filter(
        line =>
          HEAP_SENSITIVE.some(kind => measurement(line).startsWith(kind)) &&
          !measured.has(measurement(line)),
      );
      return [...current, ...otherHeap];
    }
    const kept = ofDatabase(earlier, database);
    if (kept.length) {
      // Kept twice, the rows keep the date of the run that measured them.
      const notRun = `- ${database}: not run this time;`;
      notes.push(
        earlier.find(line => line.startsWith(notRun)) ??
          `${notRun} its rows are from the run of ${
            earlierDate ?? 'an unknown date'
          }.`,
      );
    }
    return kept;
  });
  return { rows: sizeRows, notes };
}

/** How the real-catalog figures are measured: its own section, above one section per size. */
const NOTES = [
  "## Real catalog (Backstage's catalog backend)",
  '',
  '`yarn bench realCatalog` (packages/tech-insights-comparison/bench/realCatalog.bench.ts): issue 20.',
  '`BENCH_REAL_ENTITIES` picks the sizes (default `10000,100000`); each size writes its own section',
  'below, with its command, machine and date.',
  '',
  '- One test backend runs `@backstage/plugin-catalog-backend` and the governance backend, each',
  '  plugin with a database of its own on the server (`backend.database`, as in production).',
  '  The catalog ingests the services, their systems, teams (Group) and domains from generated',
  '  YAML files through `catalog.locations` of type `file` (1,000 entities a file); the bench',
  "  polls the catalog's API until it serves them all. Its re-processing interval is set to a",
  '  day, so its background refresh does not compete with the measured steps. Ingestion longer',
  '  than `BENCH_REAL_INGEST_MINUTES` is stopped and reported as a rate. Our catalog module',
  '  (`catalog-backend-module-governance`) validates every entity, as in a real install.',
  `  Catalog settings: ${CATALOG_SETTINGS}.`,
  '- `BENCH_REAL_KEEP=1` keeps the ingested catalog (PostgreSQL database',
  '  `gov_real_catalog_<size>`; the YAML files and SQLite under `BENCH_REAL_KEEP_DIR`, default',
  '  `<tmp>/gov-real-catalogs`) and a later run reuses a complete kept catalog of the same size',
  '  and generator instead of ingesting: its ingestion row is the kept run\'s, marked "from the',
  '  kept catalog of <date>", and its catalog does no processing while governance is measured.',
  "  Governance's and Tech Insights' databases are new on every run, so the first evaluation is",
  '  a first one. `BENCH_REAL_INGEST_ONLY=1` stops after the ingestion and writes no section:',
  '  ingest on a busy machine, measure on a quiet one.',
  "- Governance's evaluation reads the governed entities and the systems through the catalog",
  "  service (the catalog's HTTP API on loopback), as its scheduled task does, and stores its",
  '  results in its own database. Facts: the three measured facts of every service are pushed',
  `  before the first evaluation through \`POST /api/governance/facts\` with a service token, as a`,
  `  pipeline sends them, ${FACTS_PER_PUSH.toLocaleString(
    'en',
  )} facts a request, one request after the other; for the day with 1% changed, new`,
  '  coverage and p95 latency of 1% of the services are pushed the same way, then all are',
  '  evaluated.',
  "- Peak RSS: the kernel's high-water mark of the process (VmHWM, reset through",
  '  /proc/self/clear_refs before the evaluation); the process is the backend (catalog,',
  '  governance and, at 10,000, Tech Insights) plus the jest runner. Start-up RSS is taken',
  '  once the backend has started, before ingestion, after one forced garbage collection: the',
  '  generated entities the bench built before are garbage by then, and whether V8 had happened',
  '  to collect them moved the figure by 150 MiB at 100,000 (at 10,000 it holds the facts Tech',
  '  Insights retrieves). "Before the evaluation"',
  "  follows the ingestion and the push of the facts. V8's used heap (live objects and garbage",
  '  not yet collected) is sampled every 100 ms: its highest value during the evaluation against',
  "  its value before. No other garbage collection is forced. The log has the process's",
  '  memory (RSS, V8 heap, Buffers outside it) at the end of each step and at its highest.',
  "  V8 sizes its heap from the machine's memory (its limit is in the row): on a large machine",
  '  it lets garbage grow to several times the live heap before collecting it. A run with',
  '  `NODE_OPTIONS=--max-old-space-size=<MiB>` names the flag in its first-evaluation rows and',
  '  keeps the rows of the run without it, so both are reported (docs/install.md, "Memory").',
  "- Waits: each catalog request and each query of governance's database is timed during the",
  '  evaluations; "open" is the time any request of the kind was open (they overlap with each',
  "  other and with governance's own work, as pages are read ahead and written behind).",
  '  `BENCH_PROFILE_DIR` writes the profiles as `.cpuprofile` files.',
  `- Load: autocannon from a worker thread, ${LOAD_CLIENTS} connections for ${LOAD_SECONDS} s, sharing the cores`,
  '  with the backend and the database; any non-2xx response fails the run.',
  "- Every step with a target runs under V8's sampling profiler (10 ms interval, as",
  '  `node --cpu-prof`); a missed target lists the five functions with the most self time.',
  '  `(idle)` is time spent waiting for the database or the catalog.',
  `- Tech Insights (${TECH_INSIGHTS_SIZE.toLocaleString(
    'en',
  )} entities, PostgreSQL): the same plugin, JSON rules checks and fact retrievers`,
  '  as the "Tech Insights side by side" section, in the same backend, reading entities from the',
  "  real catalog; its ratio is against governance's first full evaluation of the same run.",
].join('\n');

describe('governance on the real catalog', () => {
  afterAll(() => {
    if (INGEST_ONLY) return;
    writeReportSection('real-catalog', NOTES);
    for (const n of ran.keys()) {
      const { rows: sizeRows, notes } = sectionRows(n);
      writeReportSection(
        `real-catalog-${n}`,
        [
          `### Real catalog, ${n.toLocaleString('en')} entities`,
          '',
          `- Command: \`${
            KEEP ? 'BENCH_REAL_KEEP=1 ' : ''
          }BENCH_REAL_ENTITIES=${n} yarn bench realCatalog\`;`,
          `  BENCH_REAL_INGEST_MINUTES=${INGEST_MINUTES}, BENCH_REAL_SQLITE_MAX=${SQLITE_MAX}, BENCH_LOAD_SECONDS=${LOAD_SECONDS}.`,
          `- Machine: ${machine()}. ${
            process.env.BENCH_REAL_MACHINE_NOTE ??
            'The machine was shared with other work while this ran: figures are indicative.'
          }`,
          ...notes,
          '',
          '| database | entities | measurement | result | target | |',
          '|---|---|---|---|---|---|',
          ...sizeRows,
        ].join('\n'),
      );
    }
  });

  it.each(cases)(
    '%s, %d entities',
    async (database, n) => {
      ran.set(n, new Set([...(ran.get(n) ?? []), database]));
      if (
        database === 'PostgreSQL 15' &&
        !process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
      ) {
        row(database, n, 'not run', 'no PostgreSQL connection string');
        return;
      }
      if (database === 'SQLite (file)' && n > SQLITE_MAX) {
        row(
          database,
          n,
          'not run',
          `above BENCH_REAL_SQLITE_MAX=${SQLITE_MAX}: the catalog's own ingestion on SQLite takes hours at this size (README, "realCatalog")`,
        );
        return;
      }
      const withTechInsights =
        database === 'PostgreSQL 15' && n === TECH_INSIGHTS_SIZE;
      // Tech Insights' retrievers hold the facts from start-up; governance receives them later,
      // through its API, so they are not part of its start-up figure.
      const techInsightsFacts = withTechInsights
        ? measuredFacts(n, 0)
        : undefined;
      const tierPolicies = readTierPolicies(new ConfigReader({}));
      const kept = KEEP ? keptCatalog(database, n) : undefined;
      const { dir, files, count, generator } = writeCatalogFiles(
        n,
        kept?.filesDir,
      );
      const reused = await kept?.complete({ count, generator });
      if (kept && !reused) await kept.discard();
      const backend = await startRealCatalogBackend({
        database,
        files,
        catalogDatabase: kept?.catalogDatabase,
        ingested: reused !== undefined,
        ...(withTechInsights
          ? {
              features: techInsightsFeatures(techInsightsFacts!),
              config: {
                techInsights: techInsightsConfig(
                  jsonRulesChecks([...tierPolicies.values()]),
                ),
              },
            }
          : {}),
      });
      const memory = new MemoryTimeline(`${database}, ${n}:`);
      const stopLiveHeap = LIVE_HEAP_MS
        ? MemoryTimeline.logLiveHeap(`${database}, ${n}:`, LIVE_HEAP_MS)
        : undefined;
      try {
        // The bench's own garbage (the generated catalog and its YAML) is collected first, so
        // the figure is the backend's, whether or not V8 happened to collect it already.
        collectGarbage();
        const startupRss = memory.step('start-up').end.rss;
        const ingestion = await waitForIngestion(
          backend,
          count,
          reused ? 60_000 : INGEST_MINUTES * 60_000,
        );
        if (reused && ingestion.ingested < count) {
          throw new Error(
            `The kept catalog (${kept!.describe()}) serves ${
              ingestion.ingested
            } of ${count} entities: delete it, or run without BENCH_REAL_KEEP`,
          );
        }
        memory.step('waiting for the catalog');
        const ingestionMs = reused?.ingestionMs ?? ingestion.ms;
        const rate = `${((ingestion.ingested * 1000) / ingestionMs).toFixed(
          0,
        )} entities/s`;
        if (ingestion.ingested < count) {
          row(
            database,
            n,
            `catalog ingestion stopped after ${INGEST_MINUTES} min`,
            `${ingestion.ingested} of ${count} entities in ${s(
              ingestion.ms,
            )} (${rate}); nothing else measured`,
          );
          return;
        }
        if (kept && !reused) kept.save({ count, generator, ingestionMs });
        const ingested = `${s(ingestionMs)} (${rate})`;
        const keptOf = reused
          ? `, from the kept catalog of ${reused.finishedAt}`
          : '';
        row(
          database,
          n,
          `catalog ingestion of ${count} entities from ${files.length} file locations (not in governance's figures)`,
          `${ingested}${keptOf}`,
        );
        if (INGEST_ONLY) {
          process.stderr.write(
            `${database}, ${n}: ingested ${count} entities in ${ingested}, ${(
              ingestion.cpuMs / count
            ).toFixed(1)} ms of CPU per entity${
              kept ? `; kept: ${kept.describe()}` : ''
            }\n`,
          );
          return;
        }

        const waits = watchWaits(backend.catalog, backend.governanceDb);
        const evaluation = await createScorecardEvaluation({
          knex: backend.governanceDb,
          catalog: waits.catalog,
          auth: backend.auth,
          logger: backend.logger,
        });
        memory.step('migrating governance');
        const [requests, pushMs] = await time(() =>
          pushFacts(backend.url, techInsightsFacts ?? measuredFacts(n, 0)),
        );
        row(
          database,
          n,
          `facts of every service pushed through the facts API before the first evaluation`,
          `${(3 * n).toLocaleString('en')} facts in ${requests} requests: ${s(
            pushMs,
          )}`,
        );
        await receivedOnSimulatedClock(backend.governanceDb, BEFORE_FIRST_PASS);
        const beforeRss = memory.step('pushing the facts').end.rss;
        const heapBefore = process.memoryUsage().heapUsed;
        const peakReset = resetPeakRss();
        waits.start();
        const allocations = ALLOCATIONS ? await sampleAllocations() : undefined;
        const [first, firstMs, firstProfile] = await measure(() =>
          evaluation.evaluateAll(NOW),
        );
        if (allocations) {
          const profile = await allocations.stop();
          saveHeapProfile(`${database}-${n}-first-evaluation`, profile);
          process.stderr.write(
            `${database}, ${n}: allocated during the first evaluation: ${topAllocations(
              profile,
            )}\n`,
          );
        }
        const firstWaits = waits.stop();
        const peak = peakRss();
        const { peak: evaluationPeak } = memory.step('the first evaluation');
        saveProfile(`${database}-${n}-first-evaluation`, firstProfile);
        expect(first.entities).toBe(n);
        const firstTarget = n <= 10_000 ? 2_000 : 20_000;
        row(
          database,
          n,
          `first full evaluation (${first.entities} entities)${withHeapFlags}`,
          `${s(firstMs)}; ${firstWaits}`,
          `<= ${s(firstTarget)}`,
          firstMs <= firstTarget,
          firstProfile,
        );
        if (peak !== undefined && peakReset) {
          row(
            database,
            n,
            `backend peak RSS during the first full evaluation${withHeapFlags}`,
            `${mib(peak)}: start-up ${mib(startupRss)} + ${mib(
              peak - startupRss,
            )} (${mib(beforeRss)} before the evaluation; V8 used heap ${mib(
              heapBefore,
            )} before, at most ${mib(
              evaluationPeak.heapUsed,
            )}; heap limit ${mib(v8.getHeapStatistics().heap_size_limit)})`,
            '<= start-up + 300 MiB',
            peak - startupRss <= 300 * MiB,
            firstProfile,
          );
        }

        waits.start();
        const [, againMs, againProfile] = await measure(() =>
          evaluation.evaluateAll(TEN_MINUTES_LATER),
        );
        const againWaits = waits.stop();
        memory.step('the re-evaluation');
        saveProfile(`${database}-${n}-re-evaluation`, againProfile);
        row(
          database,
          n,
          're-evaluation, nothing changed',
          `${s(againMs)}; ${againWaits}`,
          n <= 10_000 ? '<= 0.50 s' : '',
          n <= 10_000 ? againMs <= 500 : undefined,
          againProfile,
        );

        // Later that day 1% of the services report new coverage and p95 latency.
        const changed = services(n).filter((_, i) => i % 100 === 0);
        const observedAt = LATER_THAT_DAY.toISOString();
        await pushFacts(
          backend.url,
          changed.flatMap(e => [
            {
              entityRef: stringifyEntityRef(e),
              name: 'coverage',
              value: 50,
              source: 'ci',
              observedAt,
            },
            {
              entityRef: stringifyEntityRef(e),
              name: 'p95LatencyMs',
              value: 2000,
              source: 'apm',
              observedAt,
            },
          ]),
        );
        await receivedOnSimulatedClock(backend.governanceDb, BEFORE_LATER_PASS);
        const [, dayMs] = await measure(() =>
          evaluation.evaluateAll(LATER_THAT_DAY),
        );
        row(
          database,
          n,
          `a day's evaluation, facts of 1% (${changed.length}) changed through the facts API`,
          s(dayMs),
        );

        const load = async (
          name: string,
          targetMs: number,
          routePath: (i: number) => string,
        ) => {
          const [result, , profile] = await measure(() =>
            runLoad({
              url: backend.url,
              headers: { Authorization: mockCredentials.user.header() },
              requests: Array.from({ length: 200 }, (_, i) => ({
                path: `/api/governance${routePath(i)}`,
              })),
              connections: LOAD_CLIENTS,
              seconds: LOAD_SECONDS,
            }),
          );
          expect(result.non2xx + result.errors).toBe(0);
          const p95 = percentile(result.latencies, 95);
          row(
            database,
            n,
            `${name}, ${LOAD_CLIENTS} clients`,
            `p50 ${percentile(result.latencies, 50).toFixed(
              1,
            )} ms, p95 ${p95.toFixed(1)} ms; ${(
              result.requests / result.seconds
            ).toFixed(0)} req/s`,
            `p95 <= ${targetMs} ms`,
            p95 <= targetMs,
            profile,
          );
        };
        await load(
          'GET /summary (one entity, varying)',
          15,
          i => `/summary?entityRef=component:default/service-${(i * 7919) % n}`,
        );
        await load(
          'council roll-up GET /compliance?groupBy=owner',
          100,
          () => '/compliance?groupBy=owner',
        );

        if (withTechInsights) {
          await compareTechInsights(backend, database, n, firstMs);
        }
      } finally {
        memory.stop();
        stopLiveHeap?.();
        await backend.stop();
        if (!kept) fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    // Ingesting 100,000 entities can take an hour on a small machine.
    4 * 60 * 60_000,
  );
});

/**
 * Pushes `facts` through `POST /api/governance/facts` with the bench's service token, as a
 * pipeline does: {@link FACTS_PER_PUSH} a request, each request after the previous answer.
 *
 * @returns How many requests it took
 */
async function pushFacts(url: string, facts: MeasuredFact[]): Promise<number> {
  let requests = 0;
  for (let i = 0; i < facts.length; i += FACTS_PER_PUSH) {
    const response = await fetch(`${url}/api/governance/facts`, {
      method: 'POST',
      headers: {
        Authorization: mockCredentials.service.header(),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ facts: facts.slice(i, i + FACTS_PER_PUSH) }),
    });
    if (response.status !== 201) {
      throw new Error(
        `POST /facts answered ${response.status}: ${await response.text()}`,
      );
    }
    requests += 1;
  }
  return requests;
}

/**
 * Tech Insights' bulk check run on the same catalog: its retrievers store the same facts, then
 * its checks run for every service, named in batches as its client sends them.
 */
async function compareTechInsights(
  backend: Awaited<ReturnType<typeof startRealCatalogBackend>>,
  database: string,
  n: number,
  ourFirstMs: number,
) {
  for (const id of Object.keys(RETRIEVERS)) {
    await backend.triggerTask(id);
  }
  const refs = services(n).map(e => stringifyEntityRef(e));
  const runChecks = async (entities: string[]) => {
    const response = await fetch(
      `${backend.url}/api/tech-insights/checks/run`,
      {
        method: 'POST',
        headers: {
          Authorization: mockCredentials.service.header(),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ entities }),
      },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as BulkCheckResponse;
  };
  // Not timed: its cold start.
  await runChecks(refs.slice(0, 100));
  const [batched, batchedMs] = await time(async () => {
    const responses: BulkCheckResponse = [];
    for (let i = 0; i < refs.length; i += BATCH) {
      responses.push(...(await runChecks(refs.slice(i, i + BATCH))));
    }
    return responses;
  });
  expect(batched).toHaveLength(n);
  expect(batched.filter(r => 'error' in r)).toEqual([]);
  expect(batched.every(r => r.results.length === 3)).toBe(true);
  const ratio = batchedMs / ourFirstMs;
  row(
    database,
    n,
    `Tech Insights \`POST /checks/run\` for the ${n} services, ${Math.ceil(
      n / BATCH,
    )} requests of ${BATCH}, against governance's first full evaluation`,
    `${s(batchedMs)} (${(batchedMs / n).toFixed(2)} ms/entity): ${ratio.toFixed(
      1,
    )} x governance's ${s(ourFirstMs)}`,
    '>= 15 x faster',
    ratio >= 15,
  );
}
