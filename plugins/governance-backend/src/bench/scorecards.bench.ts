/*
 * Scorecard benchmark: `yarn bench` from the repository root. Not part of the test suite: speed
 * targets live here, with their figures written to docs/benchmarks.md.
 */
// Run by jest like a test file, so it may use the test-only dependencies.
/* eslint-disable @backstage/no-undeclared-imports */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  COMPLIANCE_GROUP_BY,
  readFactDefinitions,
  readTierPolicies,
} from '@internal/backstage-plugin-governance-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';
import { MeasuredFact } from '../database/GovernanceStore';
import { ScorecardEngine } from '../scorecards/ScorecardEngine';
import { readGovernedEntities } from '../catalog/readGovernedEntities';
import { SystemDomains } from '../catalog/SystemDomains';
import { governancePlugin } from '../plugin';
import { writeReportSection } from './report';

jest.setTimeout(30 * 60_000);

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const SYSTEMS = 200;
const DOMAINS = 10;
/** How long each route is put under concurrent load, and by how many clients at once. */
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const LOAD_CLIENTS = 8;
const TIERS = ['critical', 'core', 'supporting'];
const report: string[] = [];

/** The services, each in one of 200 systems (a system belongs to one team and one domain). */
function entities(n: number): Entity[] {
  const systems: Entity[] = Array.from({ length: SYSTEMS }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: `system-${i}`, namespace: 'default' },
    spec: { owner: `team-${i % 40}`, domain: `domain-${i % DOMAINS}` },
  }));
  return [...systems, ...services(n)];
}

function services(n: number): Entity[] {
  return Array.from({ length: n }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${i}`,
      namespace: 'default',
      annotations: {
        'governance/tier': TIERS[i % 3],
        'governance/availability-slo': '99.95',
        'governance/last-security-review': '2026-09-01',
        'governance/testing': 'unit, integration',
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `team-${(i % SYSTEMS) % 40}`,
      system: `system-${i % SYSTEMS}`,
    },
  }));
}

function measuredFacts(n: number, day: number): MeasuredFact[] {
  const observedAt = new Date(Date.UTC(2026, 10, 24, 0, day)).toISOString();
  return Array.from({ length: n }, (_, i) => [
    {
      entityRef: `component:default/service-${i}`,
      name: 'coverage',
      value: 60 + ((i + day) % 40),
      source: 'ci',
      observedAt,
    },
    {
      entityRef: `component:default/service-${i}`,
      name: 'p95LatencyMs',
      value: 100 + ((i * 7 + day) % 400),
      source: 'apm',
      observedAt,
    },
    {
      entityRef: `component:default/service-${i}`,
      name: 'availability',
      value: 99.9 + (i % 10) / 100,
      source: 'slo',
      observedAt,
    },
  ]).flat();
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

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
 * Backstage's in-memory catalog mock filters and sorts the whole catalog again for every page and
 * rebuilds a map of every entity for each lookup by ref, which a real catalog answers from
 * indexed tables. This stand-in lets the mock filter once per query, then serves the pages and
 * lookups from memory, so the figures measure governance's own work. How long the mock itself
 * takes is reported on its own row.
 */
function indexedCatalog(catalogEntities: Entity[]) {
  const catalog = catalogServiceMock({ entities: catalogEntities });
  const byRef = new Map(catalogEntities.map(e => [stringifyEntityRef(e), e]));
  const queries = new Map<string, Entity[]>();
  const queryAll = catalog.queryEntities.bind(catalog);
  catalog.getEntityByRef = async ref =>
    byRef.get(typeof ref === 'string' ? ref : stringifyEntityRef(ref));
  catalog.queryEntities = async query => {
    const limit = query?.limit ?? 500;
    let id: string;
    let offset: number;
    if (query && 'cursor' in query && query.cursor) {
      [id, offset] = JSON.parse(query.cursor);
    } else {
      id = String(queries.size);
      offset = 0;
      queries.set(id, (await queryAll({ ...query, limit: 1_000_000 })).items);
    }
    const items = queries.get(id)!;
    const next = offset + limit;
    return {
      items: items.slice(offset, next),
      totalItems: items.length,
      pageInfo:
        next < items.length ? { nextCursor: JSON.stringify([id, next]) } : {},
    };
  };
  return catalog;
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
  // One route at a time: the clients share a counter to vary the entity they ask for.
  const callRoute = async (routePath: (i: number) => string) => {
    const latencies: number[] = [];
    const end = Date.now() + LOAD_SECONDS * 1000;
    let n = 0;
    const client = async () => {
      while (Date.now() < end) {
        const url = `http://127.0.0.1:${port}/api/governance${routePath(n++)}`;
        const [res, ms] = await time(async () => {
          const response = await fetch(url, {
            headers: { Authorization: mockCredentials.user.header() },
          });
          await response.arrayBuffer();
          return response;
        });
        expect(res.status).toBe(200);
        latencies.push(ms);
      }
    };
    await Promise.all(Array.from({ length: LOAD_CLIENTS }, client));
    return latencies;
  };
  for (const [name, routePath] of routes) {
    const latencies = await callRoute(routePath);
    report.push(
      `| ${label} | HTTP ${name}, ${LOAD_CLIENTS} concurrent clients for ${LOAD_SECONDS} s | ${percentiles(
        latencies,
      )}; ${(latencies.length / LOAD_SECONDS).toFixed(0)} req/s | ${
        name.includes('summary') ? 'p95 <= 25 ms' : 'p95 <= 150 ms'
      } |`,
    );
  }
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
        "- Catalog reads go through Backstage's in-memory `catalogServiceMock`, filtered once per query",
        '  and paged from memory (`indexedCatalog` in the bench), as a real catalog answers from its',
        "  own indexed tables; the mock's own paging time is reported on its row and is not in the",
        '  evaluation figures.',
        '- A full evaluation reads each page of entities, their measured facts, waivers and current',
        '  results, and writes only the results that changed, with one timestamp per entity.',
        '- The simulated year runs the day-to-day work of a year in a few seconds: each day 1% of the',
        '  checks change (coverage and p95 latency of a slice of services cross their thresholds),',
        "  those services are evaluated and the day's compliance changes are recorded. Scheduled",
        '  passes that change nothing write no rows, so they are not repeated. On PostgreSQL the',
        '  bench runs `VACUUM` once per simulated week, as autovacuum would over a real one; sizes',
        '  are of every table and index (PostgreSQL) or of the used pages (SQLite).',
        '- Load: the benchmark process is both server and clients (Node `fetch`, 8 at once, back to',
        '  back) on the 2 cores, so latencies under load include queueing behind the other clients;',
        '  the single-client reads above them are the latency of one request.',
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
      const engine = new ScorecardEngine({
        catalog,
        auth: mockServices.auth(),
        store,
        tierPolicies: readTierPolicies(new ConfigReader({})),
        factDefinitions: readFactDefinitions(new ConfigReader({})),
        warnMarginPercent: 5,
        logger: mockServices.logger.mock(),
      });

      // How much of an evaluation is reading the catalog (here the in-memory catalog mock).
      const [pages, catalogMs] = await time(async () => {
        let count = 0;
        for await (const page of readGovernedEntities({
          catalog: catalogServiceMock({ entities: catalogEntities }),
          credentials: mockCredentials.service(),
          tierPolicies: readTierPolicies(new ConfigReader({})),
        })) {
          count += page.length;
        }
        return count;
      });
      report.push(
        `| ${label} | not included below: paging through ${pages} entities of Backstage's catalog mock | ${(
          catalogMs / 1000
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

      const [firstRun, firstMs] = await time(() =>
        engine.evaluateAll(new Date('2026-11-25T00:00:00Z')),
      );
      const [{ count }] = await db('evaluated_entities').sum({
        count: 'total',
      });
      report.push(
        `| ${label} | first full evaluation: ${
          firstRun.entities
        } entities, ${count} check results stored | ${(firstMs / 1000).toFixed(
          2,
        )} s | <= 3 s (PostgreSQL) |`,
      );

      const [, unchangedMs] = await time(() =>
        engine.evaluateAll(new Date('2026-11-25T00:10:00Z')),
      );
      report.push(
        `| ${label} | full re-evaluation, nothing changed | ${(
          unchangedMs / 1000
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
      const domains = await SystemDomains.readAll(
        catalog,
        mockCredentials.service(),
      );
      const start = Date.parse('2026-11-25T00:00:00Z');
      const [, yearMs] = await time(async () => {
        for (let day = 1; day <= DAYS; day++) {
          const now = new Date(start + day * 86_400_000);
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
          await engine.evaluatePage(changed, now, domains);
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
        } of ${checks} checks, 1%) changing per day | ${(yearMs / 1000).toFixed(
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
      const lastDay = new Date(start + DAYS * 86_400_000)
        .toISOString()
        .slice(0, 10);
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

  it('ingests a batch of 10,000 facts in one HTTP request', async () => {
    const { server } = await startTestBackend({
      features: [
        governancePlugin,
        catalogServiceMock.factory({
          entities: entities(Math.max(ENTITIES, 3334)),
        }),
      ],
    });
    const facts = measuredFacts(Math.ceil(10_000 / 3), 0).slice(0, 10_000);
    const [res, ms] = await time(async () =>
      request(server)
        .post('/api/governance/facts')
        .set('Authorization', mockCredentials.service.header())
        .send({ facts }),
    );
    expect(res.status).toBe(201);
    report.push(
      `| SQLite (in-memory test backend) | POST /api/governance/facts with 10,000 facts | ${ms.toFixed(
        0,
      )} ms | <= 2 s |`,
    );
  });
});
