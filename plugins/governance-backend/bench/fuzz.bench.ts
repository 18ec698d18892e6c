/*
 * Fuzzing benchmark: `BENCH_FUZZ_RUNS=10000 yarn bench fuzz` from the repository root. The
 * generators and checks of service/fuzz.test.ts, with many more hostile requests per route;
 * the counts are written to docs/reliability.md.
 */
import { fuzzAnnotations } from '../src/__testUtils__/fuzzAnnotations';
import {
  FuzzBackend,
  startFuzzBackend,
} from '../src/__testUtils__/fuzzBackend';
import { fuzzRoute, FuzzRunOptions } from '../src/__testUtils__/fuzzChecks';
import { FUZZ_ROUTES } from '../src/__testUtils__/fuzzRoutes';
import { MAX_FUZZ_DEPTH } from '../src/__testUtils__/fuzzValues';
import {
  MAX_BODY_BYTES,
  MAX_PATH_PARAMETER_LENGTH,
} from '../src/service/inputLimits';
import { machine, writeReportSection } from '../src/testUtils';
import { seconds } from './durations';

const RUNS = Number(process.env.BENCH_FUZZ_RUNS ?? 10_000);

interface Counts {
  cases: number;
  ok: number;
  clientErrors: Map<number, number>;
  serverErrors: number;
  ms: number;
  failure?: string;
}

type Response = Parameters<NonNullable<FuzzRunOptions['onResponse']>>[0];

const rows: Array<[string, Counts]> = [];

function count(counts: Counts, res: Response) {
  counts.cases += 1;
  if (res.status >= 500) {
    counts.serverErrors += 1;
  } else if (res.status >= 400) {
    counts.clientErrors.set(
      res.status,
      (counts.clientErrors.get(res.status) ?? 0) + 1,
    );
  } else {
    counts.ok += 1;
  }
}

const byStatus = (errors: Map<number, number>) =>
  [...errors]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ') || 'none';

const row = (name: string, c: Counts) =>
  `| ${name} | ${c.cases} | ${c.ok} | ${byStatus(c.clientErrors)} | ${
    c.serverErrors
  }${c.failure ? ` (stopped: ${c.failure})` : ''} | ${seconds(c.ms).toFixed(
    1,
  )} s |`;

describe('fuzzing benchmark', () => {
  let backend: FuzzBackend;
  let annotations: { cases: number; problems: number; ms: number };

  beforeAll(async () => {
    backend = await startFuzzBackend();
  });

  afterAll(() => {
    const total = rows.reduce((sum, [, c]) => sum + c.cases, 0);
    const failed = rows.filter(([, c]) => c.serverErrors || c.failure);
    writeReportSection(
      'fuzz',
      [
        '## Fuzzing the API with hostile requests',
        '',
        `- Command: \`BENCH_FUZZ_RUNS=${RUNS} yarn bench fuzz\` (plugins/governance-backend/bench/fuzz.bench.ts)`,
        `- Machine: ${machine()}`,
        `- Runs per route: ${RUNS} requests (fast-check), the requests at the limits first, then generated ones; one backend (SQLite in memory) for all`,
        '- In CI: `src/service/fuzz.test.ts` sends 100 requests per route, the requests at the limits among them (about 55 s on two shared cores)',
        `- Result: ${total} requests, ${
          failed.length
            ? `${failed.length} route(s) failed: ${failed
                .map(([name]) => name)
                .join(', ')}`
            : 'no 5xx; every 4xx had a JSON error.message of at most 8,000 characters quoting at most 100 of any value and showing no server folder, every 400 named what was wrong'
        }`,
        '',
        `Every route first gets the requests at the limits: bodies nested ${MAX_FUZZ_DEPTH.toLocaleString(
          'en-US',
        )} levels deep (objects, arrays), bodies of exactly the ${
          MAX_BODY_BYTES / 1024 / 1024
        } MB limit (one field, or 10,000 keys) and one byte over, and for path parameters control`,
        `characters and ids over ${MAX_PATH_PARAMETER_LENGTH} characters. Each generated request then mixes random JSON bodies, the`,
        "route's fields holding wrong types, huge strings, unicode, control characters,",
        '`__proto__`/`constructor`/`toString` keys, arrays for objects, nesting up to',
        `${MAX_FUZZ_DEPTH.toLocaleString(
          'en-US',
        )} levels, bodies from 1 MB to just over the limit, and malformed JSON with repeated,`,
        'bracketed, empty, long and out-of-range query parameters, hostile path ids and five kinds of',
        'caller (user, council member, service, none, bad token), plus valid-looking requests that',
        'reach the checks behind the first one. The counts include the requests fast-check sends',
        'while shrinking a failure.',
        '',
        '| route | cases | 2xx | 4xx by status | 5xx | elapsed |',
        '|---|---|---|---|---|---|',
        ...rows.map(([name, c]) => row(name, c)),
        ...(annotations
          ? [
              '',
              `Annotations: ${annotations.cases} random annotation maps (known, unknown and foreign keys;`,
              `hostile values) parsed by \`parseGovernanceAnnotations\` in ${seconds(
                annotations.ms,
              ).toFixed(1)} s, none threw; ${
                annotations.problems
              } problems reported, each naming its key.`,
            ]
          : []),
      ].join('\n'),
      'reliability',
    );
  });

  it.each(FUZZ_ROUTES.map(route => [route.name, route] as const))(
    '%s',
    async (name, route) => {
      const counts: Counts = {
        cases: 0,
        ok: 0,
        clientErrors: new Map(),
        serverErrors: 0,
        ms: 0,
      };
      rows.push([name, counts]);
      const start = Date.now();
      try {
        await fuzzRoute(backend, route, {
          numRuns: RUNS,
          onResponse: res => count(counts, res),
        });
      } catch (error) {
        counts.failure = String(error).split('\n')[0].slice(0, 200);
        throw error;
      } finally {
        counts.ms = Date.now() - start;
      }
      expect(counts.serverErrors).toBe(0);
    },
  );

  it('parses annotations', () => {
    const start = Date.now();
    let cases = 0;
    let problems = 0;
    expect(() =>
      fuzzAnnotations({
        numRuns: RUNS * 10,
        onParsed: found => {
          cases += 1;
          problems += found;
        },
      }),
    ).not.toThrow();
    annotations = { cases, problems, ms: Date.now() - start };
  });
});
