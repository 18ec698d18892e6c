/*
 * Scorecard benchmark: `yarn bench` from the repository root. Not part of the test suite: speed
 * targets live here, with their figures written to docs/benchmarks.md.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readTierPolicies } from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { createHash } from 'node:crypto';
import { DateTime, Duration } from 'luxon';
import { DatabaseGovernanceStore } from '../src/database/DatabaseGovernanceStore';
import { defaultScorecardEngine } from '../src/__testUtils__/defaultEngines';
import {
  governedFilter,
  readCatalogRefMap,
  readGovernedEntities,
} from '../src/catalog/readGovernedEntities';
import { SystemDomains } from '../src/catalog/SystemDomains';
import {
  ETAG_FIELDS,
  EVALUATED_EXTRA_FIELDS,
} from '../src/scorecards/EvaluationChanges';
import {
  deliveryFacts,
  entities,
  indexedCatalog,
  measuredFacts,
  services,
  writeReportSection,
} from '../src/testUtils';
import { benchStackChecks, benchStandards } from './benchGovernance';
import { BENCH_DATABASES, time, withBenchDatabase } from './benchDatabases';
import { BENCH_DAYS, BENCH_ENTITIES } from './benchSettings';
import { seconds } from './durations';
import { loadRows } from './scorecardsLoad';
import { storeReadRows } from './scorecardsReads';
import {
  databaseBytes,
  factHistorySize,
  mb,
  postgresTableSizes,
} from './scorecardsStorage';
import { percentiles, targetCell } from './targets';

/** How long each route is put under concurrent load. */
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
/**
 * BENCH_WORKLOAD=base does the work of the bench before the restructuring (commit 7463bfe,
 * issue 15): the tier checks on the three measured facts, without approved-stack, the delivery
 * facts, the 1% pass and the standards (config, snapshots, routes). scripts/bench-compare.sh
 * runs it so both trees' figures measure the same work.
 */
const WORKLOAD = process.env.BENCH_WORKLOAD ?? 'full';
if (!['full', 'base'].includes(WORKLOAD)) {
  throw new Error(
    `BENCH_WORKLOAD must be full or base, not ${JSON.stringify(WORKLOAD)}`,
  );
}
const BASE_WORKLOAD = WORKLOAD === 'base';
/**
 * When the first facts arrive on the simulated clock the passes run by: before the first pass,
 * so a later pass does not take them for writes it has not seen.
 */
const FACTS_RECEIVED = new Date('2026-11-24T12:00:00Z');
const report: string[] = [];

describe('scorecard benchmark', () => {
  afterAll(() => {
    writeReportSection(
      'scorecards',
      [
        '## Scorecards and compliance',
        '',
        `Settings: BENCH_ENTITIES=${BENCH_ENTITIES}, BENCH_DAYS=${BENCH_DAYS}, BENCH_LOAD_SECONDS=${LOAD_SECONDS}, BENCH_WORKLOAD=${WORKLOAD}.`,
        '',
        '| database | measurement | result | target |',
        '|---|---|---|---|',
        ...report,
        '',
        '- The catalog: 200 systems and the services, tiers critical, core and supporting in turn.',
        '  Every service declares its stack (`governance/stack`) against a radar of 50 technologies',
        '  held in config (`governance.stack.radar.entries`, src/testUtils/syntheticStack.ts): most',
        '  on adopt or trial, one service in ten with a technology on assess (the check warns), one',
        '  in fifty on hold and one in fifty off the radar with no ADR (it fails). So every',
        "  scorecard holds its tier's five checks and `approved-stack`, and every evaluation records",
        "  the services' technologies for the council's technologies view. The article's four",
        '  standards are configured (`governance.standards`, bench/benchGovernance.ts), as the',
        '  example app does; the plugin under load reads the same config.',
        '- Facts: coverage, p95 latency and availability per service, then the seven delivery',
        '  metrics per service (deployment frequency, lead time, change failure rate, error rate, p50',
        '  and p99 latency, cost per thousand requests). Every observation also sets its day in the',
        "  fact's history (for the ADR impact view): one value per day, packed as [day, value] pairs",
        "  (each day counted from the one before) on the fact's own row (`facts.history`), within",
        '  the fact retention.',
        "- Catalog reads go through Backstage's in-memory `catalogServiceMock`: each distinct query is",
        '  filtered by the mock once and then paged from memory (`indexedCatalog`, src/testUtils/syntheticCatalog.ts), as a',
        "  real catalog answers from its own indexed tables; the mock's filtering time is reported on",
        '  its row and is not in the evaluation figures.',
        '- A full evaluation reads each page of entities, their measured facts, waivers and stored',
        '  input hashes and the stored radar; entities whose inputs (their stack and the radar among',
        '  them) hash as at their last evaluation (and none of whose verdicts expired with time) are',
        '  skipped with one timestamp update per pass, the others are evaluated, approved-stack',
        '  included, and only the results and technologies that changed are written',
        '  (docs/evaluation.md, "Skipping unchanged entities"). The 1% row pushes new coverage for',
        '  1% of the services, then runs a scheduled pass over the whole catalog.',
        "- A scheduled pass first reads only the governed entities' catalog etags (the entities carry",
        "  one, as the real catalog's do) and what was written since the last pass, and reads in full",
        '  only the entities that may have changed; the daily-pass row reads every entity in full, as',
        '  each pass did before and as one pass a day still does.',
        '- The simulated year runs the day-to-day work of a year in a few seconds: each day 1% of the',
        '  checks change (coverage and p95 latency of a slice of services cross their thresholds;',
        '  the same services push their seven delivery metrics), those services are evaluated, the',
        "  day's compliance changes are recorded and the standards snapshot job runs once (it runs",
        "  hourly in the plugin and keeps the day's last; its time is reported on its own row and",
        "  not in the year's). Snapshots are dated so the year ends yesterday, as GET /standards",
        '  reads its trend back from today. Scheduled passes that change nothing write no rows, so',
        '  they are not repeated. On PostgreSQL the',
        '  bench runs `VACUUM` once per simulated week, as autovacuum would over a real one; sizes',
        '  are of every table and index (PostgreSQL) or of the used pages (SQLite).',
        '- Load: [autocannon](https://github.com/mcollina/autocannon) on loopback against the real',
        '  plugin in a test backend, from a worker thread (its own event loop, so the clients do not',
        "  queue behind the server's JavaScript; they share the 2 cores with the server and the",
        '  database). Each connection sends its next request as soon as the previous one is answered;',
        '  every response time is recorded for the percentiles. Any non-2xx response fails the run.',
        '- A target stated for another catalog size or database shows no verdict; a missed one shows',
        '  **MISSED**.',
      ].join('\n'),
    );
  });

  it.each(BENCH_DATABASES)('evaluates %s at catalog scale', async label => {
    let evaluated = 0;
    const ran = await withBenchDatabase(label, async db => {
      evaluated = await benchmark(label, db);
    });
    if (!ran) {
      report.push(
        `| ${label} | not run | no connection string in BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING | |`,
      );
      return;
    }
    expect(evaluated).toBe(BENCH_ENTITIES);
  });
});

const row = (
  label: string,
  measurement: string,
  result: string,
  target = '',
  met?: boolean,
) =>
  report.push(
    `| ${label} | ${measurement} | ${result} | ${targetCell(target, met)} |`,
  );

/** Whether a target stated for one catalog size applies to this run. */
const atSize = (size: number, met: boolean) =>
  BENCH_ENTITIES === size ? met : undefined;

/** Runs the bench on `db` and reports its rows; returns how many entities the first pass evaluated. */
async function benchmark(label: string, db: Knex): Promise<number> {
  const isPostgres = label.startsWith('PostgreSQL');
  const store = await DatabaseGovernanceStore.create({
    database: mockServices.database({ knex: db, migrations: { skip: false } }),
  });
  // With the etag Backstage's catalog stitches into every entity: a hash of the entity.
  const catalogEntities = entities(BENCH_ENTITIES).map(entity => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      etag: createHash('sha256').update(JSON.stringify(entity)).digest('hex'),
    },
  }));
  const catalog = indexedCatalog(catalogEntities);
  // The tier checks plus approved-stack, over the radar the plugin under load reads too.
  const stackChecks = BASE_WORKLOAD ? undefined : await benchStackChecks(db);
  const engine = defaultScorecardEngine({ catalog, store, stackChecks });
  const standards = BASE_WORKLOAD ? undefined : benchStandards(db);

  // How long the in-memory catalog mock takes to answer the evaluation's catalog queries
  // (the governed entities, the systems); the evaluations below are served its answers. The
  // mock filters each distinct query once, so this must ask what the full pass asks, fields
  // included: asked for other fields, the first full evaluation would be charged the filtering.
  const [pages, catalogMs] = await time(async () => {
    let count = 0;
    const tierPolicies = readTierPolicies(new ConfigReader({}));
    for await (const page of readGovernedEntities({
      catalog,
      credentials: mockCredentials.service(),
      tierPolicies,
      extraFields: EVALUATED_EXTRA_FIELDS,
    })) {
      count += page.length;
    }
    // The etags a scheduled pass compares first.
    await readCatalogRefMap(
      {
        catalog,
        credentials: mockCredentials.service(),
        filter: governedFilter(tierPolicies),
        fields: ETAG_FIELDS,
      },
      entity => entity.metadata.etag,
    );
    await SystemDomains.readAll(catalog, mockCredentials.service());
    return count;
  });
  row(
    label,
    `not included below: Backstage's catalog mock filtering ${pages} governed entities and the systems`,
    `${seconds(catalogMs).toFixed(2)} s`,
  );

  const [, addMs] = await time(() =>
    store.addFacts(measuredFacts(BENCH_ENTITIES, 0), FACTS_RECEIVED),
  );
  row(
    label,
    `store ${BENCH_ENTITIES * 3} measured facts (one transaction)`,
    `${addMs.toFixed(0)} ms`,
  );
  if (!BASE_WORKLOAD) {
    const allIndexes = Array.from({ length: BENCH_ENTITIES }, (_, i) => i);
    const [, deliveryMs] = await time(() =>
      store.addFacts(
        deliveryFacts(allIndexes, new Date('2026-11-24T00:00:00Z')),
        FACTS_RECEIVED,
      ),
    );
    row(
      label,
      `store ${
        BENCH_ENTITIES * 7
      } delivery facts, seven per service (one transaction)`,
      `${deliveryMs.toFixed(0)} ms`,
    );
  }

  // Peak RSS during the first pass, sampled: memory must follow the page, not the catalog.
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 20);
  const [firstRun, firstMs] = await time(() =>
    engine.evaluateAll(new Date('2026-11-25T00:00:00Z')),
  ).finally(() => clearInterval(sampler));
  const [{ count }] = await db('evaluated_entities').sum({ count: 'total' });
  const [{ stackChecked }] = await db('entity_technologies').countDistinct({
    stackChecked: 'entity_ref',
  });
  const firstTargetMs = BENCH_ENTITIES === 100_000 ? 20_000 : 2_000;
  row(
    label,
    BASE_WORKLOAD
      ? `first full evaluation (tier checks; measured facts): ${firstRun.entities} entities, ${count} check results stored`
      : `first full evaluation (tier checks and approved-stack; measured and delivery facts): ${firstRun.entities} entities, ${count} check results stored, the technologies of ${stackChecked} recorded`,
    `${seconds(firstMs).toFixed(2)} s`,
    '<= 2 s (PostgreSQL, 10,000); <= 20 s (100,000)',
    isPostgres && [10_000, 100_000].includes(BENCH_ENTITIES)
      ? firstMs <= firstTargetMs
      : undefined,
  );
  row(
    label,
    'process RSS during the first full evaluation (bench process: catalog mock and data included)',
    `${mb(rssPeak - rssBefore)} above the ${mb(rssBefore)} before it`,
    '<= +300 MB (100,000)',
    atSize(100_000, rssPeak - rssBefore <= 300 * 2 ** 20),
  );

  const [unchangedRun, unchangedMs] = await time(() =>
    engine.evaluateAll(new Date('2026-11-25T00:10:00Z')),
  );
  row(
    label,
    `full re-evaluation${
      BASE_WORKLOAD ? '' : ' with approved-stack'
    }, nothing changed (${unchangedRun.skipped} of ${
      unchangedRun.entities
    } skipped as unchanged)`,
    `${seconds(unchangedMs).toFixed(2)} s`,
    '<= 0.5 s (PostgreSQL, 10,000)',
    isPostgres ? atSize(10_000, unchangedMs <= 500) : undefined,
  );

  // The safety net a scheduled pass takes daily: every entity read in full, as before etags.
  const [fullReadRun, fullReadMs] = await time(() =>
    defaultScorecardEngine({
      catalog,
      store,
      stackChecks,
      fullReadInterval: Duration.fromMillis(0),
    }).evaluateAll(new Date('2026-11-25T00:12:00Z')),
  );
  row(
    label,
    `re-evaluation reading every entity in full (the daily pass), nothing changed (${fullReadRun.skipped} of ${fullReadRun.entities} skipped as unchanged)`,
    `${seconds(fullReadMs).toFixed(2)} s`,
  );

  // A scheduled pass after 1% of the services got new measurements: only they are evaluated.
  if (!BASE_WORKLOAD) {
    const changedAt = new Date('2026-11-25T00:15:00Z');
    await store.addFacts(
      services(Math.max(1, Math.round(BENCH_ENTITIES / 100))).map(e => ({
        entityRef: `component:default/${e.metadata.name}`,
        name: 'coverage',
        value: 42,
        source: 'ci',
        observedAt: changedAt.toISOString(),
      })),
      changedAt,
    );
    const [onePercentRun, onePercentMs] = await time(() =>
      engine.evaluateAll(new Date('2026-11-25T00:20:00Z')),
    );
    row(
      label,
      `full re-evaluation with approved-stack, 1% changed (${
        onePercentRun.entities - onePercentRun.skipped
      } of ${onePercentRun.entities} evaluated)`,
      `${seconds(onePercentMs).toFixed(2)} s`,
    );
  }

  // A simulated year: each day about 1% of all checks change (coverage and p95 latency of a
  // slice of services cross their thresholds; the same services push their delivery metrics),
  // those services are re-evaluated, the day's compliance changes are recorded and the
  // standards snapshot is taken. Full passes that change nothing write no rows, so growth
  // comes from changes alone.
  const sizeBefore = await databaseBytes(db);
  const [{ checks }] = await db('evaluated_entities').sum({ checks: 'total' });
  const [{ historyBefore }] = await db('scorecard_history').count({
    historyBefore: '*',
  });
  const perDay = Math.max(1, Math.round((Number(checks) * 0.01) / 2));
  const allServices = services(BENCH_ENTITIES);
  const context = await engine.readCatalogContext(mockCredentials.service());
  const start = DateTime.fromISO('2026-11-25T00:00:00Z', { zone: 'utc' });
  // GET /standards reads its trend back from today: the snapshots are dated so that the
  // simulated year ends yesterday.
  const snapshotDay = (day: number) =>
    DateTime.utc()
      .startOf('day')
      .minus({ days: BENCH_DAYS + 1 - day })
      .toJSDate();
  const snapshots: number[] = [];
  const [, yearMs] = await time(async () => {
    for (let day = 1; day <= BENCH_DAYS; day++) {
      const now = start.plus({ days: day }).toJSDate();
      const first = (day * perDay) % BENCH_ENTITIES;
      const indexes = Array.from(
        { length: perDay },
        (_, k) => (first + k) % BENCH_ENTITIES,
      );
      const changed = indexes.map(i => allServices[i]);
      const flip = Math.floor((day * perDay) / BENCH_ENTITIES) % 2 === 0;
      await store.addFacts(
        [
          ...changed.flatMap(e => [
            {
              entityRef: `component:default/${e.metadata.name}`,
              name: 'coverage',
              value: flip ? 50 : 95,
              source: 'ci',
              observedAt: now.toISOString(),
            },
            {
              entityRef: `component:default/${e.metadata.name}`,
              name: 'p95LatencyMs',
              value: flip ? 2000 : 100,
              source: 'apm',
              observedAt: now.toISOString(),
            },
          ]),
          ...(BASE_WORKLOAD ? [] : deliveryFacts(indexes, now)),
        ],
        now,
      );
      await engine.evaluatePage(changed, now, context);
      await store.recordComplianceDay(now.toISOString().slice(0, 10));
      if (standards) {
        const [, snapshotMs] = await time(() =>
          standards.recordDay(snapshotDay(day)),
        );
        snapshots.push(snapshotMs);
      }
      // A simulated week passes in a fraction of a second, too fast for autovacuum, which
      // over a real week would have made the space of replaced rows reusable.
      if (day % 7 === 0 && isPostgres) {
        await db.raw('VACUUM');
      }
    }
  });
  const snapshotTotalMs = snapshots.reduce((a, b) => a + b, 0);
  const sizeAfter = await databaseBytes(db);
  const [{ historyAfter }] = await db('scorecard_history').count({
    historyAfter: '*',
  });
  const [{ complianceRows }] = await db('compliance_changes').count({
    complianceRows: '*',
  });
  row(
    label,
    `simulated year: ${BENCH_DAYS} days, ${perDay} services (${
      perDay * 2
    } of ${checks} checks, 1%) changing per day${
      BASE_WORKLOAD ? '' : ', each also pushing its seven delivery facts'
    }`,
    `${seconds(yearMs - snapshotTotalMs).toFixed(
      1,
    )} s to run (the standards snapshots not counted); ${
      Number(historyAfter) - Number(historyBefore)
    } history rows (one per entity and evaluation that changed something), ${complianceRows} compliance rows`,
  );
  if (standards) {
    row(
      label,
      `standards snapshot job over the whole catalog (the four standards), once per simulated day (${BENCH_DAYS} runs)`,
      `${percentiles(snapshots)}`,
    );
  }
  const history = await factHistorySize(db);
  const historyRow = `fact history after the year: one value per entity, fact, source and day pushed (${perDay} services x 9 facts a day, and the first pushes), packed on the facts rows, within retention`;
  const historyText = `${history.points} daily values, ${mb(
    history.bytes,
  )} of packed [day, value] text (${(
    history.bytes / Math.max(1, history.points)
  ).toFixed(1)} bytes a value)`;
  if (isPostgres) {
    const tables = await postgresTableSizes(db);
    const facts = tables.find(t => t.name === 'facts');
    row(
      label,
      'largest tables after the year, with indexes',
      tables
        .slice(0, 4)
        .map(r => `${r.name} ${mb(r.bytes)}`)
        .join(', '),
    );
    row(
      label,
      historyRow,
      `${historyText}; the facts table with it ${mb(
        facts?.bytes ?? 0,
      )} with indexes`,
    );
  } else {
    row(label, historyRow, historyText);
  }
  row(
    label,
    'database growth over the simulated year',
    `${mb(sizeAfter - sizeBefore)} (${mb(
      sizeBefore,
    )} after the first evaluation, ${mb(sizeAfter)} after the year)`,
    '<= 50 MB (10,000, 365 days)',
    BENCH_ENTITIES === 10_000 && BENCH_DAYS === 365
      ? sizeAfter - sizeBefore <= 50 * 2 ** 20
      : undefined,
  );

  await storeReadRows({
    label,
    store,
    entities: BENCH_ENTITIES,
    days: BENCH_DAYS,
    lastDay: start.plus({ days: BENCH_DAYS }).toISODate()!,
    row,
  });

  await loadRows({
    label,
    db,
    catalogEntities,
    entities: BENCH_ENTITIES,
    loadSeconds: LOAD_SECONDS,
    report,
    standardsAndStack: !BASE_WORKLOAD,
  });
  return firstRun.entities;
}
