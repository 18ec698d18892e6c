/*
 * The real-catalog bench's steps (realCatalog.bench.ts) that talk to the running backend: timing
 * and profiling a step, pushing facts as a pipeline does, the load on the routes and Tech
 * Insights' bulk check run on the same catalog.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { BulkCheckResponse } from '@backstage-community/plugin-tech-insights-common';
import {
  MeasuredFact,
  services,
} from '@catalog-governance/backstage-plugin-governance-backend/testUtils';
import { Knex } from 'knex';
import type { Profiler } from 'node:inspector';
import { LoadResult, percentile, runLoad } from './governanceLoad';
import { RETRIEVERS } from '../src/jsonRulesChecks';
import { profiled } from './cpuProfile';
import { RealCatalogBackend } from './realCatalogBackend';
import { row, s } from './realCatalogReport';
import {
  BATCH,
  FACTS_PER_PUSH,
  LATER_THAT_DAY,
  LOAD_CLIENTS,
  LOAD_REQUESTS,
  LOAD_SECONDS,
} from './realCatalogSettings';

/**
 * Moves the receipt of facts the API just took (stamped with the wall clock, in December) onto
 * the simulated clock the passes run by: a scheduled pass reads the facts received since the
 * last one, and a November pass would take December receipts for writes it has not seen.
 */
export async function receivedOnSimulatedClock(
  db: Knex,
  at: Date,
): Promise<void> {
  await db('facts').where('received_at', '>', at).update({ received_at: at });
}

export async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

/**
 * Times `fn` under the sampling profiler: its result, milliseconds, profile and the process's
 * CPU milliseconds meanwhile. The clocks run inside the profiler: starting and stopping it in a
 * process this size (the catalog, governance and Tech Insights loaded) took 0.8 s and more on a
 * shared machine, time no step spends. The CPU time counts every thread of the process (the
 * catalog answering, governance evaluating, the database drivers) and, unlike the wall clock,
 * hardly what other processes take of the machine's cores.
 */
export async function measure<T>(
  fn: () => Promise<T>,
): Promise<[T, number, Profiler.Profile, number]> {
  const [[result, ms, cpuMs], profile] = await profiled(async () => {
    const cpuBefore = process.cpuUsage();
    const [value, elapsed] = await time(fn);
    const { user, system } = process.cpuUsage(cpuBefore);
    return [value, elapsed, (user + system) / 1000] as const;
  });
  return [result, ms, profile, cpuMs];
}

/**
 * Pushes `facts` through `POST /api/governance/facts` with the bench's service token, as a
 * pipeline does: {@link FACTS_PER_PUSH} a request, each request after the previous answer.
 *
 * @returns How many requests it took
 */
export async function pushFacts(
  url: string,
  facts: MeasuredFact[],
): Promise<number> {
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
 * Puts {@link LOAD_CLIENTS} clients on one governance route for {@link LOAD_SECONDS} seconds,
 * under the profiler, and reports its latencies against the p95 target.
 */
export async function measureLoad(
  { url, database, n }: { url: string; database: string; n: number },
  name: string,
  targetMs: number,
  routePath: (i: number) => string,
): Promise<void> {
  const [result, , profile] = await measure(() =>
    runLoad({
      url,
      headers: { Authorization: mockCredentials.user.header() },
      requests: Array.from({ length: LOAD_REQUESTS }, (_, i) => ({
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
    loadFigures(result),
    `p95 <= ${targetMs} ms`,
    p95 <= targetMs,
    profile,
  );
}

/** A load's latencies and rate, as its row reports them. */
export function loadFigures(result: LoadResult): string {
  return `p50 ${percentile(result.latencies, 50).toFixed(
    1,
  )} ms, p95 ${percentile(result.latencies, 95).toFixed(1)} ms; ${(
    result.requests / result.seconds
  ).toFixed(0)} req/s`;
}

/**
 * Later that day 1% of the services report new coverage and p95 latency, through the facts API.
 *
 * @returns How many services changed
 */
export async function pushChangesOfTheDay(
  url: string,
  n: number,
): Promise<number> {
  const changed = services(n).filter((_, i) => i % 100 === 0);
  const observedAt = LATER_THAT_DAY.toISOString();
  await pushFacts(
    url,
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
  return changed.length;
}

/**
 * Tech Insights' bulk check run on the same catalog: its retrievers store the same facts, then
 * its checks run for every service, named in batches as its client sends them.
 */
export async function compareTechInsights(
  backend: RealCatalogBackend,
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
