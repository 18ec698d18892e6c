import { mockCredentials } from '@backstage/backend-test-utils';
import type { Server } from 'node:http';
import {
  startFactsBackend,
  paymentsSummary,
} from '../__testUtils__/factsBackend';
import { governanceApi } from '../__testUtils__/governanceTestBackend';

/** The scorecard routes as the default mock user calls them. */
const scorecardApi = (server: Server) =>
  governanceApi(server, mockCredentials.user.header());

/** Refreshes the scorecard of a component of a fresh backend. */
const refresh = async (name: string) =>
  scorecardApi(await startFactsBackend()).post(
    `/scorecard/refresh?entityRef=component:default/${name}`,
  );

describe('POST /api/governance/scorecard/refresh', () => {
  it('re-evaluates the entity and answers its fresh summary', async () => {
    const res = await refresh('payments');
    expect(res.status).toBe(200);
    expect(
      res.body.scorecard.results.map((r: { checkId: string }) => r.checkId),
    ).toEqual([
      'availability',
      'p95-latency',
      'security-review',
      'coverage',
      'testing-integration',
    ]);
  });

  it('answers 404 for an entity that is not in the catalog', async () => {
    expect((await refresh('ghost')).status).toBe(404);
  });
});

describe('GET /api/governance/scorecard/trend', () => {
  const trend = (server: Server, query: string) =>
    scorecardApi(server).get(`/scorecard/trend?${query}`);

  it("answers today's share of passing checks for an evaluated entity", async () => {
    const server = await startFactsBackend();
    await paymentsSummary(server); // evaluates the entity once
    const res = await trend(
      server,
      'entityRef=component:default/payments&days=7',
    );
    expect(res.status).toBe(200);
    expect(res.body.days).toBe(7);
    expect(res.body.points.at(-1)).toEqual({
      date: new Date().toISOString().slice(0, 10),
      passing: 0,
      total: 5,
      // Nothing passes, so not even bronze: a level is recorded from the first evaluation on.
      level: null,
    });
  });

  it.each(['0', '400', 'week', '7.5'])(
    'answers 400 for days=%s',
    async days => {
      const res = await trend(
        await startFactsBackend(),
        `entityRef=component:default/payments&days=${days}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        "'days' must be a whole number from 1 to 366",
      );
    },
  );

  it('answers 404 for an entity the caller cannot see', async () => {
    const res = await trend(
      await startFactsBackend(),
      'entityRef=component:default/ghost',
    );
    expect(res.status).toBe(404);
  });
});
