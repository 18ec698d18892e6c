import { fuzzAnnotations } from '../__testUtils__/fuzzAnnotations';
import { FuzzBackend, startFuzzBackend } from '../__testUtils__/fuzzBackend';
import { fuzzRoute } from '../__testUtils__/fuzzChecks';
import { FUZZ_ROUTES } from '../__testUtils__/fuzzRoutes';
import { CONTRACT_ROUTES } from '../__testUtils__/specArbitraries';

// Each route's requests at the limits come first (nesting 100,000 deep, bodies of the size limit
// and one byte over, hostile path ids), then generated ones. About 55 s for all routes on two
// shared cores; the bench (bench/fuzz.bench.ts) runs 10,000 per route.
const RUNS_PER_ROUTE = 100;

describe('fuzzing the governance API with hostile requests', () => {
  let backend: FuzzBackend;

  beforeAll(async () => {
    backend = await startFuzzBackend();
  }, 60_000);

  it('fuzzes every route of the contract', () => {
    expect(FUZZ_ROUTES.map(route => route.name).sort()).toEqual(
      [...CONTRACT_ROUTES].sort(),
    );
  });

  it.each(FUZZ_ROUTES.map(route => [route.name, route] as const))(
    '%s never answers 5xx, and answers every 4xx with a short message naming what was wrong',
    async (_name, route) => {
      // fast-check throws with the shrunk request and its answer on the first violation.
      await expect(
        fuzzRoute(backend, route, { numRuns: RUNS_PER_ROUTE }),
      ).resolves.toBeUndefined();
    },
    60_000,
  );
});

describe('fuzzing governance annotations', () => {
  it('parses any annotation map without throwing, naming the key in every problem', () => {
    expect(() => fuzzAnnotations({ numRuns: 2_000 })).not.toThrow();
  });
});
