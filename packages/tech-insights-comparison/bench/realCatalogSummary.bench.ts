/*
 * GET /summary against the catalog alone answering the request each summary makes (issue 20),
 * on a kept PostgreSQL catalog, without the real-catalog bench's other steps: a quick, profiled
 * comparison for work on the summary's own share (about a minute at 10,000 entities instead of
 * the whole bench's several). `BENCH_REAL_KEEP=1 BENCH_REAL_ENTITIES=10000 yarn bench
 * realCatalogSummary`; it never ingests, and without a complete kept catalog of that size it
 * says so and measures nothing. `BENCH_SUMMARY_ROUNDS` (default 2) rounds of both loads, one
 * after the other; `BENCH_PROFILE_DIR` receives their profiles. It writes no report section: its
 * figures go to stderr, with the process's CPU per request, which varies less than the
 * latencies on a shared machine.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { createScorecardEvaluation } from '@catalog-governance/backstage-plugin-governance-backend/testUtils';
import { runLoad } from './governanceLoad';
import { writeCatalogFiles } from './catalogFiles';
import { loadSummaryCatalogReads } from './catalogFloor';
import { profiled, saveProfile, topFrames } from './cpuProfile';
import { KEEP, keptCatalog } from './keptCatalog';
import { startRealCatalogBackend } from './realCatalogBackend';
import {
  LOAD_CLIENTS,
  LOAD_REQUESTS,
  LOAD_SECONDS,
} from './realCatalogSettings';
import { loadFigures } from './realCatalogSteps';

const N = Number(process.env.BENCH_REAL_ENTITIES?.split(',')[0] ?? 10_000);
const ROUNDS = Number(process.env.BENCH_SUMMARY_ROUNDS ?? 2);
/** A request takes a few milliseconds: 1 ms samples say more of it than the steps' 10 ms. */
const PROFILE_INTERVAL_MICROSECONDS = 1_000;

it(
  `GET /summary against the catalog alone, ${N} entities`,
  async () => {
    const kept = keptCatalog('PostgreSQL 15', N);
    const { files, count, generator } = writeCatalogFiles(N, kept.filesDir);
    if (
      !KEEP ||
      !process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ||
      !(await kept.complete({ count, generator }))
    ) {
      process.stderr.write(
        `Not run: needs BENCH_REAL_KEEP=1, PostgreSQL and a complete kept catalog of ${N} entities (${kept.describe()})\n`,
      );
      return;
    }
    const backend = await startRealCatalogBackend({
      database: 'PostgreSQL 15',
      files,
      catalogDatabase: kept.catalogDatabase,
      ingested: true,
    });
    try {
      const evaluation = await createScorecardEvaluation({
        knex: backend.governanceDb,
        catalog: backend.catalog,
        auth: backend.auth,
        logger: backend.logger,
      });
      // Stored results name each entity's owner, as after any scheduled pass.
      await evaluation.evaluateAll(new Date());
      const entityRefs = Array.from(
        { length: LOAD_REQUESTS },
        (_, i) => `component:default/service-${(i * 7919) % N}`,
      );
      const loads = {
        summary: () =>
          runLoad({
            url: backend.url,
            headers: { Authorization: mockCredentials.user.header() },
            requests: entityRefs.map(ref => ({
              path: `/api/governance/summary?entityRef=${ref}`,
            })),
            connections: LOAD_CLIENTS,
            seconds: LOAD_SECONDS,
          }),
        'catalog-alone': () =>
          loadSummaryCatalogReads({
            backend,
            entityRefs,
            connections: LOAD_CLIENTS,
            seconds: LOAD_SECONDS,
          }),
      };
      // Both routes warm (validators, connection pools, compiled code) before measuring.
      for (const load of Object.values(loads)) await load();
      for (let round = 1; round <= ROUNDS; round++) {
        for (const [name, load] of Object.entries(loads)) {
          const cpuBefore = process.cpuUsage();
          const [result, profile] = await profiled(
            load,
            PROFILE_INTERVAL_MICROSECONDS,
          );
          const { user, system } = process.cpuUsage(cpuBefore);
          expect(result.non2xx + result.errors).toBe(0);
          const file = saveProfile(`${name}-${N}-round-${round}`, profile);
          process.stderr.write(
            `${name}, round ${round}: ${loadFigures(result)}; ${(
              (user + system) /
              1000 /
              result.requests
            ).toFixed(
              2,
            )} ms of CPU a request (the process, load clients included)${
              file ? `; ${file}` : ''
            }\n  most self time: ${topFrames(profile, 8)}\n`,
          );
        }
      }
    } finally {
      await backend.stop();
    }
  },
  30 * 60_000,
);
