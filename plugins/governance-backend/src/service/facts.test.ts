import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DateTime } from 'luxon';
import request from 'supertest';
import {
  JANE,
  MEMBER,
  startFactsBackend,
  paymentsFact,
  pushFacts,
  paymentsSummary,
  resultOf,
} from '../__testUtils__/factsBackend';

describe('POST /api/governance/facts', () => {
  it('stores pushed facts and re-evaluates the entity at once: measured beats declared', async () => {
    const server = await startFactsBackend();
    expect(resultOf(await paymentsSummary(server), 'coverage')).toMatchObject({
      state: 'fail',
      origin: 'declared',
    });
    expect(resultOf(await paymentsSummary(server), 'p95-latency').state).toBe(
      'unknown',
    );

    const res = await pushFacts(server, mockCredentials.service.header(), {
      facts: [
        paymentsFact({ value: 83.2 }),
        paymentsFact({
          name: 'p95LatencyMs',
          value: 180,
          source: 'monitoring/prometheus',
        }),
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ accepted: 2, entities: 1, evaluated: true });

    const summary = await paymentsSummary(server);
    expect(resultOf(summary, 'coverage')).toMatchObject({
      state: 'pass',
      actual: '83.2%',
      origin: 'measured',
      // Who pushed it is part of the stored source: the mock service token's subject.
      source: 'ci/github-actions via external:test-service',
      stale: false,
    });
    expect(resultOf(summary, 'p95-latency')).toMatchObject({
      state: 'pass',
      actual: '180 ms',
    });
  });

  it('accepts a single fact object from a member of the fact writers group, recorded under their name', async () => {
    const server = await startFactsBackend();
    const res = await pushFacts(
      server,
      mockCredentials.user.header(MEMBER),
      paymentsFact({
        name: 'availability',
        value: 99.95,
        source: 'slo/nightly',
      }),
    );
    expect(res.status).toBe(201);
    expect(
      resultOf(await paymentsSummary(server), 'availability'),
    ).toMatchObject({
      state: 'pass',
      source: `slo/nightly via ${MEMBER}`,
    });
  });

  it('answers 403 to a user outside the fact writers group, even with governance.fact.write', async () => {
    const server = await startFactsBackend();
    const res = await pushFacts(
      server,
      mockCredentials.user.header('user:default/mallory'),
      paymentsFact(),
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'membership of group:default/fact-writers (governance.factWriters.group)',
    );
    expect(resultOf(await paymentsSummary(server), 'coverage').origin).toBe(
      'declared',
    );
  });

  it('answers 403 to every user when no fact writers group is configured, and still takes service tokens', async () => {
    const server = await startFactsBackend({ factWriters: false });
    const fact = paymentsFact();
    const byUser = await pushFacts(
      server,
      mockCredentials.user.header(MEMBER),
      fact,
    );
    expect(byUser.status).toBe(403);
    expect(byUser.body.error.message).toContain('governance.factWriters.group');
    const byToken = await pushFacts(
      server,
      mockCredentials.service.header(),
      fact,
    );
    expect(byToken.status).toBe(201);
  });

  it('refuses a push for an entity the user cannot see, as if it did not exist', async () => {
    const server = await startFactsBackend();
    const asJane = (fact: object) =>
      pushFacts(server, mockCredentials.user.header(JANE), fact);
    const res = await asJane(
      paymentsFact({ entityRef: 'component:default/vault' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      '1 entity is not in the catalog: component:default/vault',
    );
    const visible = await asJane(paymentsFact());
    expect(visible.status).toBe(201);
  });

  it("keeps a user's fact apart from the CI token's under the same source name", async () => {
    const server = await startFactsBackend();
    const hourAgo = DateTime.utc().minus({ hours: 1 }).toISO()!;
    expect(
      (
        await pushFacts(
          server,
          mockCredentials.service.header(),
          paymentsFact({ value: 40, observedAt: hourAgo }),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await pushFacts(
          server,
          mockCredentials.user.header(MEMBER),
          paymentsFact({ value: 95 }),
        )
      ).status,
    ).toBe(201);
    // The newest observation wins, and says who pushed it.
    expect(resultOf(await paymentsSummary(server), 'coverage')).toMatchObject({
      actual: '95%',
      source: `ci/github-actions via ${MEMBER}`,
    });
  });

  it('refuses an observation more than 5 minutes in the future, allowing for clock skew below that', async () => {
    const server = await startFactsBackend();
    const observedIn = (minutes: number) =>
      pushFacts(
        server,
        mockCredentials.service.header(),
        paymentsFact({
          value: 90,
          observedAt: DateTime.utc().plus({ minutes }).toISO()!,
        }),
      );
    const future = await observedIn(10);
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain('is in the future');
    const skewed = await observedIn(1);
    expect(skewed.status).toBe(201);
  });

  it('stores nothing from a batch with one bad item', async () => {
    const server = await startFactsBackend();
    const res = await pushFacts(server, mockCredentials.service.header(), {
      facts: [
        paymentsFact({ name: 'p95LatencyMs', value: 100, source: 'ci' }),
        paymentsFact({ value: -5, source: 'ci' }),
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Nothing was stored: 1 problem');
    expect(res.body.error.message).toContain('facts[1].value');
    expect(resultOf(await paymentsSummary(server), 'p95-latency').state).toBe(
      'unknown',
    );
  });

  it('answers 401 without credentials', async () => {
    const server = await startFactsBackend({ anonymous: true });
    const res = await request(server)
      .post('/api/governance/facts')
      .send(paymentsFact({ value: 80, source: 'ci' }));
    expect(res.status).toBe(401);
  });

  it('answers 403 to a user without governance.fact.write', async () => {
    const server = await startFactsBackend({
      permission: AuthorizeResult.DENY,
    });
    const res = await pushFacts(
      server,
      mockCredentials.user.header(),
      paymentsFact({ value: 80, source: 'ci' }),
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('governance.fact.write');
  });
});
