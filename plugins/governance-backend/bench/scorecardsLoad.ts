/*
 * The scorecard bench's HTTP rows: the real plugin in a test backend, configured as the bench's
 * engine is (benchGovernance.ts), serving the database the bench filled, under autocannon load.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { AddressInfo } from 'node:net';
import { governancePlugin } from '../src/plugin';
import { indexedCatalog, measuredFacts } from '../src/testUtils';
import { BENCH_GOVERNANCE_CONFIG } from './benchGovernance';
import { time } from './benchDatabases';
import { LoadResult, runLoad } from './loadRoutes';
import { p95, percentiles, targetCell } from './targets';

/** How many clients call each read route at once. */
const LOAD_CLIENTS = 8;

/** A read route under load: its row's name, its path for the i-th request, its p95 target. */
type ReadRoute = [string, (i: number) => string, number];

function loadFigures(result: LoadResult) {
  return `${percentiles(result.latencies)}; ${(
    result.requests / result.seconds
  ).toFixed(0)} req/s`;
}

/**
 * Serves `db` through the real plugin and routes, has {@link LOAD_CLIENTS} clients call each
 * read route back to back for `loadSeconds`, then times fact pushes. Each row goes to `report`
 * as soon as it is measured, so a later failure keeps the rows before it.
 */
export async function loadRows(options: {
  label: string;
  db: Knex;
  catalogEntities: Entity[];
  entities: number;
  loadSeconds: number;
  report: string[];
  /**
   * Whether the plugin is configured with the bench's radar and standards and their routes are
   * loaded too; the workload of the bench before them (BENCH_WORKLOAD=base) has neither.
   */
  standardsAndStack: boolean;
}): Promise<void> {
  const { label, db, catalogEntities, entities, loadSeconds, report } = options;
  const catalog = indexedCatalog(catalogEntities);
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      mockServices.rootConfig.factory({
        data: options.standardsAndStack ? BENCH_GOVERNANCE_CONFIG : {},
      }),
      mockServices.database.factory({ knex: db }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  const routes: ReadRoute[] = [
    [
      'GET /summary (one entity, varying)',
      i =>
        `/summary?entityRef=component:default/service-${(i * 7919) % entities}`,
      25,
    ],
    ['GET /compliance?groupBy=owner', () => '/compliance?groupBy=owner', 150],
    [
      'GET /compliance?groupBy=system&domain=...',
      i => `/compliance?groupBy=system&domain=domain:default/domain-${i % 10}`,
      150,
    ],
    [
      'GET /compliance/entities?owner=... (first page)',
      i => `/compliance/entities?owner=group:default/team-${i % 40}`,
      150,
    ],
  ];
  if (options.standardsAndStack) {
    routes.push(
      [
        'GET /standards (the four standards, 90-day or 365-day trend)',
        i => `/standards?days=${i % 2 ? 365 : 90}`,
        150,
      ],
      [
        'GET /stack/technologies (the radar and every technology in use)',
        () => '/stack/technologies',
        150,
      ],
    );
  }
  const url = `http://127.0.0.1:${port}`;
  for (const [name, routePath, targetMs] of routes) {
    const result = await runLoad({
      url,
      headers: { Authorization: mockCredentials.user.header() },
      // 200 different requests per route, taken in turn by each connection.
      requests: Array.from({ length: 200 }, (_, i) => ({
        path: `/api/governance${routePath(i)}`,
      })),
      connections: LOAD_CLIENTS,
      seconds: loadSeconds,
    });
    expect(result.non2xx + result.errors).toBe(0);
    report.push(
      `| ${label} | HTTP ${name}, autocannon, ${LOAD_CLIENTS} connections for ${loadSeconds} s | ${loadFigures(
        result,
      )} | ${targetCell(
        `p95 <= ${targetMs} ms`,
        p95(result.latencies) <= targetMs,
      )} |`,
    );
  }

  // One large push, as a pipeline reporting for a whole catalog would send it.
  const largeBatch = measuredFacts(entities, 30).slice(0, 10_000);
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
    } facts in one request | ${pushMs.toFixed(0)} ms | ${targetCell(
      '<= 2 s (10,000 facts)',
      largeBatch.length === 10_000 ? pushMs <= 2000 : undefined,
    )} |`,
  );

  // Fact ingestion under load: batches of 1,000 facts for different services, 4 pushes in flight.
  const batchSize = 1_000;
  const batches = Array.from({ length: 20 }, (_, b) => {
    const facts = measuredFacts(entities, 1 + b);
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
    seconds: loadSeconds,
  });
  expect(ingestion.non2xx + ingestion.errors).toBe(0);
  report.push(
    `| ${label} | HTTP POST /facts, batches of 1,000 facts, autocannon, 4 connections for ${loadSeconds} s | ${(
      (ingestion.requests * batchSize) /
      loadSeconds
    ).toFixed(0)} facts/s; ${loadFigures(ingestion)} | |`,
  );
}
