import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import request from 'supertest';
import { governancePlugin } from '../plugin';
import { visibleCatalog } from '../__testUtils__/visibleCatalog';

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    annotations: {
      'governance/tier': 'core',
      'governance/test-coverage': '60',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'user:default/jane',
  },
};

/** A service nobody but its team may see: hidden from Jane, the only user who asks for it. */
const vault: Entity = {
  ...payments,
  metadata: { name: 'vault', annotations: { 'governance/tier': 'core' } },
};

const JANE = 'user:default/jane';
const MEMBER = 'user:default/mock';

const factWriters: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'fact-writers' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'hasMember', targetRef: MEMBER },
    { type: 'hasMember', targetRef: JANE },
  ],
};

/** The catalog as its read permission shows it: Jane cannot see the vault service. */
const catalogHidingVaultFromJane = () =>
  visibleCatalog(
    [payments, vault, factWriters],
    (caller, ref) =>
      caller.userEntityRef === JANE && ref === 'component:default/vault',
  );

async function startBackend(
  extraFeatures: Parameters<typeof startTestBackend>[0]['features'] = [],
  config: { factWritersGroup?: string } = {
    factWritersGroup: 'group:default/fact-writers',
  },
) {
  const { server } = await startTestBackend({
    features: [
      ...(extraFeatures ?? []),
      governancePlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: catalogHidingVaultFromJane,
      }),
      mockServices.rootConfig.factory({
        data: config.factWritersGroup
          ? { governance: { factWriters: { group: config.factWritersGroup } } }
          : {},
      }),
    ],
  });
  return server;
}

const push = (
  server: Awaited<ReturnType<typeof startBackend>>,
  authorization: string,
  body: object,
) =>
  request(server)
    .post('/api/governance/facts')
    .set('Authorization', authorization)
    .send(body);

const summaryOf = async (server: Awaited<ReturnType<typeof startBackend>>) =>
  (
    await request(server)
      .get('/api/governance/summary?entityRef=component:default/payments')
      .set('Authorization', mockCredentials.user.header())
  ).body as EntityGovernanceSummary;

const check = (summary: EntityGovernanceSummary, id: string) =>
  summary.scorecard!.results.find(r => r.checkId === id)!;

describe('POST /api/governance/facts', () => {
  it('stores pushed facts and re-evaluates the entity at once: measured beats declared', async () => {
    const server = await startBackend();
    expect(check(await summaryOf(server), 'coverage')).toMatchObject({
      state: 'fail',
      origin: 'declared',
    });
    expect(check(await summaryOf(server), 'p95-latency').state).toBe('unknown');

    const res = await request(server)
      .post('/api/governance/facts')
      .set('Authorization', mockCredentials.service.header())
      .send({
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'coverage',
            value: 83.2,
            source: 'ci/github-actions',
          },
          {
            entityRef: 'component:default/payments',
            name: 'p95LatencyMs',
            value: 180,
            source: 'monitoring/prometheus',
          },
        ],
      });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ accepted: 2, entities: 1, evaluated: true });

    const summary = await summaryOf(server);
    expect(check(summary, 'coverage')).toMatchObject({
      state: 'pass',
      actual: '83.2%',
      origin: 'measured',
      // Who pushed it is part of the stored source: the mock service token's subject.
      source: 'ci/github-actions via external:test-service',
      stale: false,
    });
    expect(check(summary, 'p95-latency')).toMatchObject({
      state: 'pass',
      actual: '180 ms',
    });
  });

  it('accepts a single fact object from a member of the fact writers group, recorded under their name', async () => {
    const server = await startBackend();
    const res = await push(server, mockCredentials.user.header(MEMBER), {
      entityRef: 'component:default/payments',
      name: 'availability',
      value: 99.95,
      source: 'slo/nightly',
    });
    expect(res.status).toBe(201);
    expect(check(await summaryOf(server), 'availability')).toMatchObject({
      state: 'pass',
      source: `slo/nightly via ${MEMBER}`,
    });
  });

  it('answers 403 to a user outside the fact writers group, even with governance.fact.write', async () => {
    const server = await startBackend();
    const res = await push(
      server,
      mockCredentials.user.header('user:default/mallory'),
      {
        entityRef: 'component:default/payments',
        name: 'coverage',
        value: 99,
        source: 'ci/github-actions',
      },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'membership of group:default/fact-writers (governance.factWriters.group)',
    );
    expect(check(await summaryOf(server), 'coverage').origin).toBe('declared');
  });

  it('answers 403 to every user when no fact writers group is configured, and still takes service tokens', async () => {
    const server = await startBackend([], {});
    const fact = {
      entityRef: 'component:default/payments',
      name: 'coverage',
      value: 99,
      source: 'ci/github-actions',
    };
    const byUser = await push(
      server,
      mockCredentials.user.header(MEMBER),
      fact,
    );
    expect(byUser.status).toBe(403);
    expect(byUser.body.error.message).toContain('governance.factWriters.group');
    const byToken = await push(server, mockCredentials.service.header(), fact);
    expect(byToken.status).toBe(201);
  });

  it('refuses a push for an entity the user cannot see, as if it did not exist', async () => {
    const server = await startBackend();
    const res = await push(server, mockCredentials.user.header(JANE), {
      entityRef: 'component:default/vault',
      name: 'coverage',
      value: 99,
      source: 'ci/github-actions',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      '1 entity is not in the catalog: component:default/vault',
    );
    const visible = await push(server, mockCredentials.user.header(JANE), {
      entityRef: 'component:default/payments',
      name: 'coverage',
      value: 99,
      source: 'ci/github-actions',
    });
    expect(visible.status).toBe(201);
  });

  it("keeps a user's fact apart from the CI token's under the same source name", async () => {
    const server = await startBackend();
    const fact = {
      entityRef: 'component:default/payments',
      name: 'coverage',
      source: 'ci/github-actions',
    };
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    expect(
      (
        await push(server, mockCredentials.service.header(), {
          ...fact,
          value: 40,
          observedAt: hourAgo,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await push(server, mockCredentials.user.header(MEMBER), {
          ...fact,
          value: 95,
        })
      ).status,
    ).toBe(201);
    // The newest observation wins, and says who pushed it.
    expect(check(await summaryOf(server), 'coverage')).toMatchObject({
      actual: '95%',
      source: `ci/github-actions via ${MEMBER}`,
    });
  });

  it('refuses an observation more than 5 minutes in the future, allowing for clock skew below that', async () => {
    const server = await startBackend();
    const fact = {
      entityRef: 'component:default/payments',
      name: 'coverage',
      value: 90,
      source: 'ci/github-actions',
    };
    const ahead = (minutes: number) =>
      new Date(Date.now() + minutes * 60_000).toISOString();
    const future = await push(server, mockCredentials.service.header(), {
      ...fact,
      observedAt: ahead(10),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain('is in the future');
    const skewed = await push(server, mockCredentials.service.header(), {
      ...fact,
      observedAt: ahead(1),
    });
    expect(skewed.status).toBe(201);
  });

  it.each([
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'speed',
            value: 1,
            source: 'ci',
          },
        ],
      },
      'facts[0].name "speed" is not a known fact',
    ],
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'coverage',
            value: 'high',
            source: 'ci',
          },
        ],
      },
      'facts[0].value: fact coverage must be a finite number',
    ],
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'coverage',
            value: 140,
            source: 'ci',
          },
        ],
      },
      'out of range: allowed is 0 to 100',
    ],
    [
      {
        facts: [
          { entityRef: 'payments', name: 'coverage', value: 80, source: 'ci' },
        ],
      },
      'facts[0].entityRef "payments" is malformed',
    ],
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'coverage',
            value: 80,
          },
        ],
      },
      'facts[0].source is required',
    ],
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'coverage',
            value: 80,
            source: 'ci',
            observedAt: 'yesterday',
          },
        ],
      },
      'facts[0].observedAt must be an ISO 8601 date or timestamp with its zone',
    ],
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'lastSecurityReview',
            value: '2026-13-01',
            source: 'ci',
          },
        ],
      },
      'fact lastSecurityReview must be a date written YYYY-MM-DD, got "2026-13-01"',
    ],
    [{ facts: [] }, 'facts is empty'],
    [{ facts: 'coverage=80' }, 'facts must be a list of objects'],
    [
      {
        facts: [
          {
            entityRef: 'component:default/ghost',
            name: 'coverage',
            value: 80,
            source: 'ci',
          },
        ],
      },
      'not in the catalog: component:default/ghost',
    ],
  ])('answers 400 naming the problem for %j', async (body, message) => {
    const server = await startBackend();
    const res = await request(server)
      .post('/api/governance/facts')
      .set('Authorization', mockCredentials.service.header())
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('stores nothing from a batch with one bad item', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post('/api/governance/facts')
      .set('Authorization', mockCredentials.service.header())
      .send({
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'p95LatencyMs',
            value: 100,
            source: 'ci',
          },
          {
            entityRef: 'component:default/payments',
            name: 'coverage',
            value: -5,
            source: 'ci',
          },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Nothing was stored: 1 problem');
    expect(res.body.error.message).toContain('facts[1].value');
    expect(check(await summaryOf(server), 'p95-latency').state).toBe('unknown');
  });

  it('answers 401 without credentials', async () => {
    const server = await startBackend([
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ]);
    const res = await request(server).post('/api/governance/facts').send({
      entityRef: 'component:default/payments',
      name: 'coverage',
      value: 80,
      source: 'ci',
    });
    expect(res.status).toBe(401);
  });

  it('answers 403 to a user without governance.fact.write', async () => {
    const server = await startBackend([
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    const res = await request(server)
      .post('/api/governance/facts')
      .set('Authorization', mockCredentials.user.header())
      .send({
        entityRef: 'component:default/payments',
        name: 'coverage',
        value: 80,
        source: 'ci',
      });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('governance.fact.write');
  });
});

describe('POST /api/governance/scorecard/refresh', () => {
  it('re-evaluates the entity and answers its fresh summary', async () => {
    const server = await startBackend();
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
    const server = await startBackend();
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
    const server = await startBackend();
    await summaryOf(server); // evaluates the entity once
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
      const server = await startBackend();
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
    const server = await startBackend();
    const res = await request(server)
      .get('/api/governance/scorecard/trend?entityRef=component:default/ghost')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
  });
});
