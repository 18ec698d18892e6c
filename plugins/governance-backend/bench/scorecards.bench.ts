/*
 * Scorecard benchmark: `yarn bench` from the repository root. Not part of the test suite: speed
 * targets live here, with their figures written to docs/benchmarks.md.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  COMPLIANCE_GROUP_BY,
  readTierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { DateTime, Duration } from 'luxon';
import { AddressInfo } from 'node:net';
import { DatabaseGovernanceStore } from '../src/database/DatabaseGovernanceStore';
import { defaultScorecardEngine } from '../src/__testUtils__/defaultEngines';
import { readGovernedEntities } from '../src/catalog/readGovernedEntities';
import { SystemDomains } from '../src/catalog/SystemDomains';
import { governancePlugin } from '../src/plugin';
import {
  entities,
  indexedCatalog,
  measuredFacts,
  services,
  writeReportSection,
} from '../src/testUtils';
import { LoadResult, percentile, runLoad } from './loadRoutes';
import { seconds } from './durations';

jest.setTimeout(Duration.fromObject({ minutes: 30 }).toMillis());

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
/** How long each route is put under concurrent load, and by how many clients at once. */
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const LOAD_CLIENTS = 8;
const report: string[] = [];

function percentiles(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return [50, 95, 99]
    .map(p => `p${p} ${percentile(sorted, p).toFixed(2)} ms`)
    .join(', ');
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Bytes on disk of every table and index, after the clean-up autovacuum would do. */
async function databaseBytes(db: Knex): Promise<number> {
  if (db.client.config.client === 'pg') {
    await db.raw('VACUUM ANALYZE');
    const { rows } = await db.raw(
      `SELECT sum(pg_total_relation_size(quote_ident(tablename)))::bigint AS bytes
       FROM pg_tables WHERE schemaname = 'public'`,
    );
    return Number(rows[0].bytes);
  }
  const [{ page_count: pages }] = await db.raw('PRAGMA page_count');
  const [{ freelist_count: free }] = await db.raw('PRAGMA freelist_count');
  const [{ page_size: size }] = await db.raw('PRAGMA page_size');
  return (pages - free) * size;
}

/**
 * Serves the benchmark's database through the real plugin and routes, and has
 * {@link LOAD_CLIENTS} clients call each read route back to back for {@link LOAD_SECONDS}.
 */
async function loadTest(label: string, db: Knex, catalogEntities: Entity[]) {
  const catalog = indexedCatalog(catalogEntities);
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      mockServices.database.factory({ knex: db }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  const routes: Array<[string, (i: number) => string]> = [
    [
      'GET /summary (one entity, varying)',
      i =>
        `/summary?entityRef=component:default/service-${(i * 7919) % ENTITIES}`,
    ],
    ['GET /compliance?groupBy=owner', () => '/compliance?groupBy=owner'],
    [
      'GET /compliance?groupBy=system&domain=...',
      i => `/compliance?groupBy=system&domain=domain:default/domain-${i % 10}`,
    ],
    [
      'GET /compliance/entities?owner=... (first page)',
      i => `/compliance/entities?owner=group:default/team-${i % 40}`,
    ],
  ];
  const url = `http://127.0.0.1:${port}`;
  for (const [name, routePath] of routes) {
    const result = await runLoad({
      url,
      headers: { Authorization: mockCredentials.user.header() },
      // 200 different requests per route, taken in turn by each connection.
      requests: Array.from({ length: 200 }, (_, i) => ({
        path: `/api/governance${routePath(i)}`,
      })),
      connections: LOAD_CLIENTS,
      seconds: LOAD_SECONDS,
    });
    expect(result.non2xx + result.errors).toBe(0);
    report.push(
      `| ${label} | HTTP ${name}, autocannon, ${LOAD_CLIENTS} connections for ${LOAD_SECONDS} s | ${loadFigures(
        result,
      )} | ${name.includes('summary') ? 'p95 <= 25 ms' : 'p95 <= 150 ms'} |`,
    );
  }

  // One large push, as a pipeline reporting for a whole catalog would send it.
  const largeBatch = measuredFacts(ENTITIES, 30).slice(0, 10_000);
  const [pushed, pushMs] = await time(async () => {
    const response = await fetch(`${url}/api/governance/facts`, {
      method: 'POST',
      headers: {
        Authorization: mockCredentials.service.header(),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ facts: largeBatch }),
    });
    await response.arrayBuffer();
    return response;
  });
  expect(pushed.status).toBe(201);
  report.push(
    `| ${label} | HTTP POST /facts with ${
      largeBatch.length
    } facts in one request | ${pushMs.toFixed(0)} ms | <= 2 s (10,000 facts) |`,
  );

  // Fact ingestion under load: batches of 1,000 facts for different services, 4 pushes in flight.
  const batchSize = 1_000;
  const batches = Array.from({ length: 20 }, (_, b) => {
    const facts = measuredFacts(ENTITIES, 1 + b);
    const first = (b * batchSize) % facts.length;
    return {
      method: 'POST' as const,
      path: '/api/governance/facts',
      body: JSON.stringify({ facts: facts.slice(first, first + batchSize) }),
    };
  });
  const ingestion = await runLoad({
    url,
    headers: { Authorization: mockCredentials.service.header() },
    requests: batches,
    connections: 4,
    seconds: LOAD_SECONDS,
  });
  expect(ingestion.non2xx + ingestion.errors).toBe(0);
  report.push(
    `| ${label} | HTTP POST /facts, batches of 1,000 facts, autocannon, 4 connections for ${LOAD_SECONDS} s | ${(
      (ingestion.requests * batchSize) /
      LOAD_SECONDS
    ).toFixed(0)} facts/s; ${loadFigures(ingestion)} | |`,
  );
}

function loadFigures(result: LoadResult) {
  return `${percentiles(result.latencies)}; ${(
    result.requests / result.seconds
  ).toFixed(0)} req/s`;
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

const targets: Array<[string, () => Knex | undefined]> = [
  [
    'PostgreSQL 15',
    () => {
      const connection =
        process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
      return connection
        ? knexFactory({
            client: 'pg',
            connection: `${connection}/postgres`,
            pool: { min: 1, max: 5 },
          })
        : undefined;
    },
  ],
  [
    'SQLite (file)',
    () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: {
          filename: path.join(
            fs.mkdtempSync(path.join(os.tmpdir(), 'gov-bench-')),
            'bench.sqlite',
          ),
        },
        useNullAsDefault: true,
      }),
  ],
];

describe('scorecard benchmark', () => {
  afterAll(() => {
    writeReportSection(
      'scorecards',
      [
        '## Scorecards and compliance',
        '',
        `Settings: BENCH_ENTITIES=${ENTITIES}, BENCH_DAYS=${DAYS}, BENCH_LOAD_SECONDS=${LOAD_SECONDS}.`,
        '',
        '| database | measurement | result | target |',
        '|---|---|---|---|',
        ...report,
        '',
        "- Catalog reads go through Backstage's in-memory `catalogServiceMock`: each distinct query is",
        '  filtered by the mock once and then paged from memory (`indexedCatalog`, src/testUtils/syntheticCatalog.ts), as a',
        "  real catalog answers from its own indexed tables; the mock's filtering time is reported on",
        '  its row and is not in the evaluation figures.',
        '- A full evaluation reads each page of entities, their measured facts, waivers and stored',
        '  input hashes; entities whose inputs hash as at their last evaluation (and none of whose',
        '  verdicts expired with time) are skipped with one timestamp update per pass, the others are',
        '  evaluated and only the results that changed are written (docs/evaluation.md, "Skipping',
        '  unchanged entities"). The 1% row pushes new coverage for 1% of the services, then runs a',
        '  scheduled pass over the whole catalog.',
        '- The simulated year runs the day-to-day work of a year in a few seconds: each day 1% of the',
        '  checks change (coverage and p95 latency of a slice of services cross their thresholds),',
        "  those services are evaluated and the day's compliance changes are recorded. Scheduled",
        '  passes that change nothing write no rows, so they are not repeated. On PostgreSQL the',
        '  bench runs `VACUUM` once per simulated week, as autovacuum would over a real one; sizes',
        '  are of every table and index (PostgreSQL) or of the used pages (SQLite).',
        '- Load: [autocannon](https://github.com/mcollina/autocannon) on loopback against the real',
        '  plugin in a test backend, from a worker thread (its own event loop, so the clients do not',
        "  queue behind the server's JavaScript; they share the 2 cores with the server and the",
        '  database). Each connection sends its next request as soon as the previous one is answered;',
        '  every response time is recorded for the percentiles. Any non-2xx response fails the run.',
      ].join('\n'),
    );
  });

  it.each(targets)('evaluates %s at catalog scale', async (label, makeKnex) => {
    const knex = makeKnex();
    if (!knex) {
      report.push(
        `| ${label} | not run | no connection string in BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING | |`,
      );
      return;
    }
    const dbName = `gov_bench_${Date.now()}`;
    let db = knex;
    if (label.startsWith('PostgreSQL')) {
      await knex.raw(`CREATE DATABASE ${dbName}`);
      const base =
        process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING!;
      db = knexFactory({
        client: 'pg',
        connection: `${base}/${dbName}`,
        pool: { min: 1, max: 5 },
      });
    }
    try {
      const store = await DatabaseGovernanceStore.create({
        database: mockServices.database({
          knex: db,
          migrations: { skip: false },
        }),
      });
      const catalogEntities = entities(ENTITIES);
      const catalog = indexedCatalog(catalogEntities);
      const engine = defaultScorecardEngine({ catalog, store });

      // How long the in-memory catalog mock takes to answer the evaluation's catalog queries
      // (the governed entities, the systems); the evaluations below are served its answers.
      const [pages, catalogMs] = await time(async () => {
        let count = 0;
        for await (const page of readGovernedEntities({
          catalog,
          credentials: mockCredentials.service(),
          tierPolicies: readTierPolicies(new ConfigReader({})),
        })) {
          count += page.length;
        }
        await SystemDomains.readAll(catalog, mockCredentials.service());
        return count;
      });
      report.push(
        `| ${label} | not included below: Backstage's catalog mock filtering ${pages} governed entities and the systems | ${seconds(
          catalogMs,
        ).toFixed(2)} s | |`,
      );

      const [, addMs] = await time(() =>
        store.addFacts(measuredFacts(ENTITIES, 0), new Date()),
      );
      report.push(
        `| ${label} | store ${
          ENTITIES * 3
        } measured facts (one transaction) | ${addMs.toFixed(0)} ms | |`,
      );

      // Peak RSS during the first pass, sampled: memory must follow the page, not the catalog.
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }, 20);
      const [firstRun, firstMs] = await time(() =>
        engine.evaluateAll(new Date('2026-11-25T00:00:00Z')),
      ).finally(() => clearInterval(sampler));
      const [{ count }] = await db('evaluated_entities').sum({
        count: 'total',
      });
      report.push(
        `| ${label} | first full evaluation: ${
          firstRun.entities
        } entities, ${count} check results stored | ${seconds(firstMs).toFixed(
          2,
        )} s | <= 2 s (PostgreSQL, 10,000); <= 20 s (100,000) |`,
      );
      report.push(
        `| ${label} | process RSS during the first full evaluation (bench process: catalog mock and data included) | ${mb(
          rssPeak - rssBefore,
        )} above the ${mb(rssBefore)} before it | <= +300 MB (100,000) |`,
      );

      const [unchangedRun, unchangedMs] = await time(() =>
        engine.evaluateAll(new Date('2026-11-25T00:10:00Z')),
      );
      report.push(
        `| ${label} | full re-evaluation, nothing changed (${
          unchangedRun.skipped
        } of ${unchangedRun.entities} skipped as unchanged) | ${seconds(
          unchangedMs,
        ).toFixed(2)} s | <= 0.5 s (PostgreSQL, 10,000) |`,
      );

      // A scheduled pass after 1% of the services got new measurements: only they are evaluated.
      const changedAt = new Date('2026-11-25T00:15:00Z');
      await store.addFacts(
        services(Math.max(1, Math.round(ENTITIES / 100))).map(e => ({
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
      report.push(
        `| ${label} | full re-evaluation, 1% changed (${
          onePercentRun.entities - onePercentRun.skipped
        } of ${onePercentRun.entities} evaluated) | ${seconds(
          onePercentMs,
        ).toFixed(2)} s | |`,
      );

      // A simulated year: each day about 1% of all checks change (coverage and p95 latency of
      // a slice of services cross their thresholds), those services are re-evaluated and the
      // day's compliance changes are recorded. Full passes that change nothing write no rows,
      // so growth comes from changes alone.
      const sizeBefore = await databaseBytes(db);
      const [{ checks }] = await db('evaluated_entities').sum({
        checks: 'total',
      });
      const [{ historyBefore }] = await db('scorecard_history').count({
        historyBefore: '*',
      });
      const perDay = Math.max(1, Math.round((Number(checks) * 0.01) / 2));
      const allServices = services(ENTITIES);
      const context = await engine.readCatalogContext(
        mockCredentials.service(),
      );
      const start = DateTime.fromISO('2026-11-25T00:00:00Z', { zone: 'utc' });
      const [, yearMs] = await time(async () => {
        for (let day = 1; day <= DAYS; day++) {
          const now = start.plus({ days: day }).toJSDate();
          const first = (day * perDay) % ENTITIES;
          const changed = Array.from(
            { length: perDay },
            (_, k) => allServices[(first + k) % ENTITIES],
          );
          const flip = Math.floor((day * perDay) / ENTITIES) % 2 === 0;
          await store.addFacts(
            changed.flatMap(e => [
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
            now,
          );
          await engine.evaluatePage(changed, now, context);
          await store.recordComplianceDay(now.toISOString().slice(0, 10));
          // A simulated week passes in a fraction of a second, too fast for autovacuum, which
          // over a real week would have made the space of replaced rows reusable.
          if (day % 7 === 0 && db.client.config.client === 'pg') {
            await db.raw('VACUUM');
          }
        }
      });
      const sizeAfter = await databaseBytes(db);
      const [{ historyAfter }] = await db('scorecard_history').count({
        historyAfter: '*',
      });
      const [{ complianceRows }] = await db('compliance_changes').count({
        complianceRows: '*',
      });
      report.push(
        `| ${label} | simulated year: ${DAYS} days, ${perDay} services (${
          perDay * 2
        } of ${checks} checks, 1%) changing per day | ${seconds(yearMs).toFixed(
          1,
        )} s to run; ${
          Number(historyAfter) - Number(historyBefore)
        } history rows (one per entity and evaluation that changed something), ${complianceRows} compliance rows | |`,
      );
      if (db.client.config.client === 'pg') {
        const { rows } = await db.raw(
          `SELECT tablename AS name, pg_total_relation_size(quote_ident(tablename))::bigint AS bytes
           FROM pg_tables WHERE schemaname = 'public' ORDER BY 2 DESC LIMIT 4`,
        );
        report.push(
          `| ${label} | largest tables after the year, with indexes | ${rows
            .map(
              (r: { name: string; bytes: string }) =>
                `${r.name} ${mb(Number(r.bytes))}`,
            )
            .join(', ')} | |`,
        );
      }
      report.push(
        `| ${label} | database growth over the simulated year | ${mb(
          sizeAfter - sizeBefore,
        )} (${mb(sizeBefore)} after the first evaluation, ${mb(
          sizeAfter,
        )} after the year) | <= 50 MB |`,
      );

      const latencies: number[] = [];
      for (let i = 0; i < 500; i++) {
        const ref = `component:default/service-${(i * 7919) % ENTITIES}`;
        const [, ms] = await time(() => store.getResults(ref));
        latencies.push(ms);
      }
      report.push(
        `| ${label} | one entity's stored scorecard read (500 reads) | ${percentiles(
          latencies,
        )} | |`,
      );

      const rollups: number[] = [];
      for (let i = 0; i < 200; i++) {
        const groupBy = COMPLIANCE_GROUP_BY[i % 4];
        const filter = i % 2 ? {} : { owner: `group:default/team-${i % 40}` };
        const [, ms] = await time(() =>
          store.getComplianceRollup(groupBy, filter),
        );
        rollups.push(ms);
      }
      report.push(
        `| ${label} | council roll-up by owner/system/domain/tier, whole catalog or one team (200 reads) | ${percentiles(
          rollups,
        )} | p95 <= 150 ms |`,
      );
      const trends: number[] = [];
      const lastDay = start.plus({ days: DAYS }).toISODate()!;
      for (let i = 0; i < 50; i++) {
        const filter =
          i % 2 ? {} : { domain: `domain:default/domain-${i % 10}` };
        const [, ms] = await time(() =>
          store.getComplianceTrend(filter, '2026-11-26', lastDay),
        );
        trends.push(ms);
      }
      report.push(
        `| ${label} | council trend over the ${DAYS} days, whole catalog or one domain (50 reads) | ${percentiles(
          trends,
        )} | |`,
      );

      await loadTest(label, db, catalogEntities);
      expect(firstRun.entities).toBe(ENTITIES);
    } finally {
      if (db !== knex) {
        await db.destroy();
        await knex.raw(`DROP DATABASE ${dbName}`);
      }
      await knex.destroy();
    }
  });
});
