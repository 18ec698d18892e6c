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
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  readFactDefinitions,
  readTierPolicies,
} from '@internal/backstage-plugin-governance-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';
import { MeasuredFact } from '../database/GovernanceStore';
import { ScorecardEngine } from '../scorecards/ScorecardEngine';
import { readGovernedEntities } from '../catalog/readGovernedEntities';
import { governancePlugin } from '../plugin';

jest.setTimeout(30 * 60_000);

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const TIERS = ['critical', 'core', 'supporting'];
const report: string[] = [];

function entities(n: number): Entity[] {
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
    spec: { type: 'service', lifecycle: 'production', owner: `team-${i % 40}` },
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
    const cpus = os.cpus();
    const doc = [
      '# Benchmarks',
      '',
      'Written by `yarn bench` (plugins/governance-backend/src/bench). Every figure below was measured by',
      'the run it reports; re-run the command to refresh it.',
      '',
      `- Command: \`yarn bench\` (BENCH_ENTITIES=${ENTITIES}, BENCH_DAYS=${DAYS})`,
      `- Machine: ${cpus.length} x ${
        cpus[0]?.model ?? 'unknown CPU'
      }, ${Math.round(
        os.totalmem() / 2 ** 30,
      )} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
      `- Date: ${new Date().toISOString()}`,
      '',
      '| database | measurement | result | target |',
      '|---|---|---|---|',
      ...report,
      '',
      '## Notes',
      '',
      "- The catalog is Backstage's in-memory `catalogServiceMock`; the row 'page through ... of the",
      "  (mock) catalog' is its share of every full evaluation, which a real catalog answers from",
      '  its own database instead.',
      '- A full evaluation reads each page of entities, their measured facts and current results,',
      '  and writes only the results that changed (plus one timestamp update per page).',
      '- The history grows by one row per change of a check result; simulated days move the clock',
      '  a day each, so time-based checks (security review cadence) also change state.',
      '',
    ].join('\n');
    // scripts/bench.sh names the output, as this file runs from the package folder.
    const file = path.resolve(
      process.env.GOVERNANCE_BENCH_OUTPUT ?? 'benchmarks.md',
    );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, doc);
    // eslint-disable-next-line no-console
    console.log(doc);
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
      const engine = new ScorecardEngine({
        catalog: catalogServiceMock({ entities: catalogEntities }),
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
        `| ${label} | of which: page through ${pages} entities of the (mock) catalog | ${(
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
      const [{ count }] = await db('check_results').count({ count: '*' });
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

      // A simulated month of daily evaluations where about 1% of entities' facts change per day.
      const days = DAYS;
      for (let day = 1; day <= days; day++) {
        const changed = measuredFacts(ENTITIES, day).filter(
          (_, i) => Math.floor(i / 3) % 100 === day % 100,
        );
        await store.addFacts(changed, new Date());
        await engine.evaluateAll(new Date(Date.UTC(2026, 10, 25 + day)));
      }
      const [{ history }] = await db('check_history').count({ history: '*' });
      report.push(
        `| ${label} | check history rows after ${days} simulated days (1% changing per day) | ${history} | |`,
      );

      const latencies: number[] = [];
      for (let i = 0; i < 500; i++) {
        const ref = `component:default/service-${(i * 7919) % ENTITIES}`;
        const [, ms] = await time(() => store.getResults(ref));
        latencies.push(ms);
      }
      latencies.sort((a, b) => a - b);
      report.push(
        `| ${label} | one entity's stored scorecard read (500 reads) | p50 ${percentile(
          latencies,
          50,
        ).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(
          2,
        )} ms | p95 <= 25 ms (API) |`,
      );
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
