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
 *
 * The settings are in realCatalogSettings.ts, the report it writes in realCatalogReport.ts and
 * the steps that talk to the backend (facts, load, Tech Insights) in realCatalogSteps.ts.
 */
import { ConfigReader } from '@backstage/config';
import { readTierPolicies } from '@catalog-governance/backstage-plugin-governance-common';
import {
  createScorecardEvaluation,
  measuredFacts,
} from '@catalog-governance/backstage-plugin-governance-backend/testUtils';
import fs from 'node:fs';
import v8 from 'node:v8';
import { writeCatalogFiles } from './catalogFiles';
import { measureCatalogFloor } from './catalogFloor';
import { KEEP, keptCatalog } from './keptCatalog';
import { saveProfile } from './cpuProfile';
import {
  collectGarbage,
  MemoryTimeline,
  sampleAllocations,
  saveHeapProfile,
  topAllocations,
} from './realCatalogMemory';
import { watchWaits } from './realCatalogWaits';
import { jsonRulesChecks } from '../src/jsonRulesChecks';
import {
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
import {
  ALLOCATIONS,
  BEFORE_FIRST_PASS,
  BEFORE_LATER_PASS,
  DATABASES,
  INGEST_MINUTES,
  INGEST_ONLY,
  LATER_THAT_DAY,
  LIVE_HEAP_MS,
  LOAD_REQUESTS,
  MiB,
  NOW,
  SIZES,
  SQLITE_MAX,
  TECH_INSIGHTS_SIZE,
  TEN_MINUTES_LATER,
  withHeapFlags,
} from './realCatalogSettings';
import { mib, ran, row, s, writeRealCatalogReport } from './realCatalogReport';
import {
  compareTechInsights,
  measure,
  measureLoad,
  pushChangesOfTheDay,
  pushFacts,
  receivedOnSimulatedClock,
  time,
} from './realCatalogSteps';

const cases: Array<[RealCatalogDatabase, number]> = SIZES.flatMap(n =>
  DATABASES.map(database => [database, n] as [RealCatalogDatabase, number]),
);

describe('governance on the real catalog', () => {
  afterAll(() => {
    if (INGEST_ONLY) return;
    writeRealCatalogReport();
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
        // The catalog's tables as its database would see them in production some minutes after
        // the ingestion, not with the statistics of their first rows.
        await backend.analyzeCatalog();
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
        const [first, firstMs, firstProfile, firstCpuMs] = await measure(() =>
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
          `${s(firstMs)} (process CPU ${s(firstCpuMs)}); ${firstWaits}`,
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
        const [, againMs, againProfile, againCpuMs] = await measure(() =>
          evaluation.evaluateAll(TEN_MINUTES_LATER),
        );
        const againWaits = waits.stop();
        memory.step('the re-evaluation');
        saveProfile(`${database}-${n}-re-evaluation`, againProfile);
        row(
          database,
          n,
          're-evaluation, nothing changed',
          `${s(againMs)} (process CPU ${s(againCpuMs)}); ${againWaits}`,
          n <= 10_000 ? '<= 0.50 s' : '',
          n <= 10_000 ? againMs <= 500 : undefined,
          againProfile,
        );

        const changed = await pushChangesOfTheDay(backend.url, n);
        await receivedOnSimulatedClock(backend.governanceDb, BEFORE_LATER_PASS);
        const [, dayMs] = await measure(() =>
          evaluation.evaluateAll(LATER_THAT_DAY),
        );
        row(
          database,
          n,
          `a day's evaluation, facts of 1% (${changed}) changed through the facts API`,
          s(dayMs),
        );

        const load = { url: backend.url, database, n };
        const summaryRef = (i: number) =>
          `component:default/service-${(i * 7919) % n}`;
        await measureLoad(
          load,
          'GET /summary (one entity, varying)',
          15,
          i => `/summary?entityRef=${summaryRef(i)}`,
        );
        await measureCatalogFloor({
          backend,
          database,
          n,
          entityRefs: Array.from({ length: LOAD_REQUESTS }, (_, i) =>
            summaryRef(i),
          ),
        });
        await measureLoad(
          load,
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
