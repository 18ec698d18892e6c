/*
 * Tech Insights beside governance: `yarn bench techInsights` from the repository root. The
 * community Tech Insights backend with its JSON rules fact checker runs in a real test backend on
 * PostgreSQL, with the same synthetic catalog and facts as the scorecard bench, and its bulk
 * check run is timed against governance's full evaluation of the same entities.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { BulkCheckResponse } from '@backstage-community/plugin-tech-insights-common';
import { CheckState } from '@catalog-governance/backstage-plugin-governance-common';
import {
  createScorecardEvaluation,
  entities,
  indexedCatalog,
  measuredFacts,
  services,
  TIERS,
  writeReportSection,
} from '@catalog-governance/backstage-plugin-governance-backend/testUtils';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import { jsonRulesChecks } from '../src/jsonRulesChecks';
import {
  techInsightsConfig,
  techInsightsFeatures,
} from './techInsightsBackend';

// No jest.setTimeout here: scripts/bench.sh gives every bench 30 minutes (--testTimeout).

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
/** Entity refs per request in the batched run: about 33 kB of JSON, under express.json()'s 100 kB. */
const BATCH = 1_000;
/** The same pool for both sides; Backstage's own default for PostgreSQL (knex's) is max 10. */
const POOL = { min: 1, max: 10 };
/** Tech Insights' published figure for its bulk check run, per entity. */
const PUBLISHED_MS_PER_ENTITY = 25;
const NOW = new Date('2026-11-25T00:00:00Z');
const TEN_MINUTES_LATER = new Date('2026-11-25T00:10:00Z');
/** The checks both sides run from the same measured facts; governance's ids. */
const COMPARED_CHECKS = ['availability', 'p95-latency', 'coverage'] as const;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

/** A database of its own on the benchmark's PostgreSQL server, dropped afterwards. */
async function createDatabase(admin: Knex, name: string) {
  await admin.raw(`CREATE DATABASE ${name}`);
  return knexFactory({
    client: 'pg',
    connection: `${process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING}/${name}`,
    pool: POOL,
  });
}

/** The Backstage release of the repository, from the file `backstage-cli versions:bump` keeps. */
const BACKSTAGE_RELEASE: string = JSON.parse(
  fs.readFileSync(
    resolvePackagePath('tech-insights-comparison', '../../backstage.json'),
    'utf8',
  ),
).version;
/** The installed version of a package, as the report states what was measured. */
const versionOf = (name: string): string =>
  require(`${name}/package.json`).version;

const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perEntity = (ms: number) => `${(ms / ENTITIES).toFixed(2)} ms/entity`;

describe('Tech Insights comparison', () => {
  const connection =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;

  it('times Tech Insights bulk check run against the governance full evaluation', async () => {
    if (!connection) {
      writeReportSection(
        'tech-insights',
        [
          '## Tech Insights side by side',
          '',
          'Not run: no PostgreSQL connection string in BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING.',
        ].join('\n'),
      );
      return;
    }
    const admin = knexFactory({
      client: 'pg',
      connection: `${connection}/postgres`,
      pool: { min: 1, max: 1 },
    });
    const suffix = Date.now();
    const govDb = await createDatabase(admin, `gov_ti_bench_${suffix}`);
    const tiDb = await createDatabase(admin, `ti_bench_${suffix}`);
    const catalogEntities = entities(ENTITIES);
    const facts = measuredFacts(ENTITIES, 0);
    const refs = services(ENTITIES).map(e => stringifyEntityRef(e));
    const rows: string[] = [];
    let stopBackend = async () => {};
    try {
      // Governance: facts pushed to its store, then a full evaluation that stores every result.
      const governance = await createScorecardEvaluation({
        knex: govDb,
        catalog: indexedCatalog(catalogEntities),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
      });
      await governance.addFacts(facts, NOW);
      const [firstRun, ourFirstMs] = await time(() =>
        governance.evaluateAll(NOW),
      );
      const [, ourAgainMs] = await time(() =>
        governance.evaluateAll(TEN_MINUTES_LATER),
      );
      const [{ stored }] = await govDb('evaluated_entities').sum({
        stored: 'total',
      });
      expect(firstRun.entities).toBe(ENTITIES);

      // Tech Insights: its plugin and JSON rules module in a test backend, its facts loaded by
      // its own fact retriever engine through the scheduler (at start-up, as the mock scheduler
      // runs tasks with an initial delay then), its checks from config as its README shows.
      const checks = jsonRulesChecks([...governance.tierPolicies.values()]);
      const [backend, startMs] = await time(() =>
        startTestBackend({
          features: [
            ...techInsightsFeatures(facts),
            mockServices.rootConfig.factory({
              data: {
                techInsights: techInsightsConfig(checks),
              },
            }),
            mockServices.database.factory({ knex: tiDb }),
            mockServices.scheduler.factory({
              includeInitialDelayedTasksOnStartup: true,
            }),
            createServiceFactory({
              service: catalogServiceRef,
              deps: {},
              factory: () => indexedCatalog(catalogEntities),
            }),
          ],
        }),
      );
      stopBackend = () => backend.stop();
      const [{ factRows }] = await tiDb('facts').count({ factRows: '*' });
      expect(Number(factRows)).toBe(ENTITIES * 3);

      const { port } = backend.server.address() as AddressInfo;
      const post = (body: string) =>
        fetch(`http://127.0.0.1:${port}/api/tech-insights/checks/run`, {
          method: 'POST',
          headers: {
            Authorization: mockCredentials.service.header(),
            'Content-Type': 'application/json',
          },
          body,
        });
      const runChecks = async (body: object): Promise<BulkCheckResponse> => {
        const response = await post(JSON.stringify(body));
        expect(response.status).toBe(200);
        return (await response.json()) as BulkCheckResponse;
      };
      // Not timed: a first request, so neither timed run pays for Tech Insights' cold start.
      await runChecks({ entities: refs.slice(0, 100) });
      // Every entity with facts in one request: the route reads them from its facts table.
      const [all, allMs] = await time(() => runChecks({ entities: [] }));
      // The entities named, as Tech Insights' client sends them, in batches one at a time.
      const [batched, batchedMs] = await time(async () => {
        const responses: BulkCheckResponse = [];
        for (let i = 0; i < refs.length; i += BATCH) {
          responses.push(
            ...(await runChecks({ entities: refs.slice(i, i + BATCH) })),
          );
        }
        return responses;
      });

      // The reason for batches, checked: all refs in one body is over express.json()'s 100 kB.
      const wholeBody = JSON.stringify({ entities: refs });
      let wholeStatus: number | undefined;
      if (wholeBody.length > 100 * 1024) {
        wholeStatus = (await post(wholeBody)).status;
      }

      // Sanity: every entity answered with its tier's three checks and no error, and each
      // result agrees with governance's stored state (pass or warn is a pass).
      for (const response of [all, batched]) {
        expect(response).toHaveLength(ENTITIES);
        expect(response.filter(r => 'error' in r)).toEqual([]);
        expect(response.every(r => r.results.length === 3)).toBe(true);
      }
      const passed = (state: CheckState | undefined) =>
        state === undefined ? undefined : state === 'pass' || state === 'warn';
      // Both timed runs must agree, so each entity's result is read from both.
      const theirs = new Map(all.map(r => [r.entity, r.results]));
      const theirsBatched = new Map(batched.map(r => [r.entity, r.results]));
      const theirResult = (
        results: Map<string, BulkCheckResponse[number]['results']>,
        ref: string,
        checkId: string,
      ) => results.get(ref)?.find(r => r.check.id === checkId)?.result;
      let agreeing = 0;
      let passes = 0;
      const disagreements: string[] = [];
      for (const [i, ref] of refs.entries()) {
        const ours = (await governance.getResults(ref))?.results ?? [];
        for (const checkId of COMPARED_CHECKS) {
          const mine = passed(ours.find(r => r.checkId === checkId)?.state);
          const id = `${TIERS[i % 3]}-${checkId}`;
          const their = theirResult(theirs, ref, id);
          if (mine === their && their === theirResult(theirsBatched, ref, id)) {
            agreeing++;
            passes += mine ? 1 : 0;
          } else {
            disagreements.push(
              `${ref} ${checkId}: ours ${mine}, theirs ${their} and ${theirResult(
                theirsBatched,
                ref,
                id,
              )} batched`,
            );
          }
        }
      }
      expect(disagreements.slice(0, 10)).toEqual([]);
      expect(agreeing).toBe(ENTITIES * COMPARED_CHECKS.length);
      // Both outcomes occur, so agreement is not two sides returning the same constant.
      expect(passes).toBeGreaterThan(0);
      expect(passes).toBeLessThan(agreeing);

      const ratio = (theirMs: number, ourMs: number) =>
        `${(theirMs / ourMs).toFixed(1)} x`;
      // Against both of our runs: Tech Insights computes every result on each request.
      const ratios = (theirMs: number) =>
        `${ratio(theirMs, ourFirstMs)} the first evaluation, ${ratio(
          theirMs,
          ourAgainMs,
        )} the re-evaluation`;
      rows.push(
        `| governance: first full evaluation (\`ScorecardEngine.evaluateAll\`), ${
          firstRun.entities
        } entities, ${stored} results stored | ${seconds(
          ourFirstMs,
        )} | ${perEntity(ourFirstMs)} | 1 x |`,
        `| governance: full re-evaluation, nothing changed (every check computed and compared, no rows written) | ${seconds(
          ourAgainMs,
        )} | ${perEntity(ourAgainMs)} | |`,
        `| Tech Insights: \`POST /checks/run\` with \`entities: []\` (every entity with facts, one request), ${
          all.length * 3
        } results returned | ${seconds(allMs)} | ${perEntity(allMs)} | ${ratios(
          allMs,
        )} |`,
        `| Tech Insights: \`POST /checks/run\` naming the entities, ${Math.ceil(
          refs.length / BATCH,
        )} request(s) of up to ${BATCH} one after another | ${seconds(
          batchedMs,
        )} | ${perEntity(batchedMs)} | ${ratios(batchedMs)} |`,
        `| Tech Insights: published figure | ${seconds(
          PUBLISHED_MS_PER_ENTITY * ENTITIES,
        )} (computed) | ${PUBLISHED_MS_PER_ENTITY}.00 ms/entity | ${ratio(
          PUBLISHED_MS_PER_ENTITY * ENTITIES,
          ourFirstMs,
        )} the first evaluation |`,
      );
      writeReportSection(
        'tech-insights',
        [
          '## Tech Insights side by side',
          '',
          `Settings: BENCH_ENTITIES=${ENTITIES}; PostgreSQL 15, a database of its own for each side on`,
          `the same server, knex pool min ${POOL.min} max ${POOL.max} for both; both in the same jest run`,
          '(`yarn bench techInsights`, packages/tech-insights-comparison/bench/techInsights.bench.ts).',
          `Versions: @backstage-community/plugin-tech-insights-backend ${versionOf(
            '@backstage-community/plugin-tech-insights-backend',
          )} and -backend-module-jsonfc`,
          `${versionOf(
            '@backstage-community/plugin-tech-insights-backend-module-jsonfc',
          )} (the latest on npm) in Backstage ${BACKSTAGE_RELEASE}'s backend system`,
          `(@backstage/backend-plugin-api ${versionOf(
            '@backstage/backend-plugin-api',
          )}); it runs unchanged, with its own nested copy of`,
          '@backstage/backend-defaults 0.17 (it asks for ^0.17.7; the repository has 0.19).',
          '',
          `Both sides read the same ${ENTITIES} synthetic services (tiers critical, core and supporting`,
          'in turn) and their measured availability, p95 latency and coverage. Tech Insights gets them',
          'from three fact retrievers (CI, APM, SLO) registered through',
          '`techInsightsFactRetrieversExtensionPoint` and run by its own fact retriever engine, which',
          `stored ${factRows} fact rows (start-up of its test backend with migrations and the load:`,
          `${seconds(
            startMs,
          )}; not compared). Its checks are nine JSON rules from`,
          '`techInsights.factChecker.checks`, three per tier (availability >= target, p95 latency <',
          'target, coverage >= target) with the targets of `governance.tiers` defaults, each with a',
          "`filter` on the entity's `governance/tier` annotation, so every entity runs its tier's three.",
          '',
          '| run | time | per entity | Tech Insights time / governance time |',
          '|---|---|---|---|',
          ...rows,
          '',
          '- Not the same work. Governance runs five checks per entity (the three above, the security',
          '  review cadence and the required kind of testing), tells pass from warn, applies waivers',
          '  and staleness, places each entity by owner, system and domain, and STORES the results,',
          "  the transitions and the day's compliance roll-up; its pages then read stored results.",
          '  Tech Insights computes its three checks per entity on request and stores nothing, so every',
          '  scorecard view runs them again. The ratio is of wall time for the whole catalog.',
          `- Checked before reporting: each Tech Insights response has ${ENTITIES} entities, no errors`,
          `  and three results each, and all ${
            ENTITIES * COMPARED_CHECKS.length
          } compared results of both runs (${passes} passing)`,
          "  agree with governance's stored state, counting warn as pass.",
          "- Tech Insights' route runs up to 100 entities at once (`techInsights.checksRunConcurrency`,",
          '  default): per entity it reads the entity from the catalog for the check filters, its',
          '  latest facts and the fact schemas (again per result), and builds a json-rules-engine.',
          '  One untimed request of 100 entities warms it up first; governance gets no warm-up.',
          `  A single request naming all ${ENTITIES} entities is ${kB(
            wholeBody.length,
          )} of JSON; its route's`,
          wholeStatus
            ? `  \`express.json()\` accepts at most 100 kB and answered it with HTTP ${wholeStatus}, hence\n  batches of ${BATCH} refs in the second row.`
            : `  \`express.json()\` accepts at most 100 kB, so the batches of ${BATCH} refs in the second\n  row are only needed for larger catalogs.`,
          '- Both sides read entities from the same in-memory catalog stand-in (`indexedCatalog` from',
          "  the governance backend's testUtils). Governance's timed first evaluation includes the",
          "  stand-in's one-off filtering of the catalog (about 0.5 s, see the scorecards section),",
          "  which Tech Insights' untimed warm-up request pays for on its side.",
          "  Tech Insights is timed over HTTP including the client's JSON parse of the response;",
          '  governance in-process, as its scheduled task runs it. Loggers are silent on both sides.',
          `- The published figure (about ${PUBLISHED_MS_PER_ENTITY} ms per entity) is shown for reference only.`,
        ].join('\n'),
      );
    } finally {
      // The databases are dropped even when the backend fails to stop.
      await stopBackend().finally(async () => {
        await govDb.destroy();
        await tiDb.destroy();
        await admin.raw(`DROP DATABASE IF EXISTS gov_ti_bench_${suffix}`);
        await admin.raw(`DROP DATABASE IF EXISTS ti_bench_${suffix}`);
        await admin.destroy();
      });
    }
  });
});
