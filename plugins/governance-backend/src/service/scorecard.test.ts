import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  startFactsBackend,
  paymentsSummary,
} from '../__testUtils__/factsBackend';

describe('POST /api/governance/scorecard/refresh', () => {
  it('re-evaluates the entity and answers its fresh summary', async () => {
    const server = await startFactsBackend();
    const res = await request(server)
      .post(
        '/api/governance/scorecard/refresh?entityRef=component:default/payments',
      )
      .set('Authorization', mockCredentials.user.header());
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
    const server = await startFactsBackend();
    const res = await request(server)
      .post(
        '/api/governance/scorecard/refresh?entityRef=component:default/ghost',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
  });
});

describe('GET /api/governance/scorecard/trend', () => {
  it("answers today's share of passing checks for an evaluated entity", async () => {
    const server = await startFactsBackend();
    await paymentsSummary(server); // evaluates the entity once
    const res = await request(server)
      .get(
        '/api/governance/scorecard/trend?entityRef=component:default/payments&days=7',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.days).toBe(7);
    expect(res.body.points.at(-1)).toEqual({
      date: new Date().toISOString().slice(0, 10),
      passing: 0,
      total: 5,
    });
  });

  it.each(['0', '400', 'week', '7.5'])(
    'answers 400 for days=%s',
    async days => {
      const server = await startFactsBackend();
      const res = await request(server)
        .get(
          `/api/governance/scorecard/trend?entityRef=component:default/payments&days=${days}`,
        )
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        "'days' must be a whole number from 1 to 366",
      );
    },
  );

  it('answers 404 for an entity the caller cannot see', async () => {
    const server = await startFactsBackend();
    const res = await request(server)
      .get('/api/governance/scorecard/trend?entityRef=component:default/ghost')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
  });
});
