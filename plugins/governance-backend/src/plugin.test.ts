import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import type { Server } from 'node:http';
import request from 'supertest';
import {
  badRequest,
  rollupOnceEvaluated,
  startGovernanceTestBackend,
} from './__testUtils__/governanceTestBackend';
import {
  component,
  teamGroup,
  tieredComponent,
} from './__testUtils__/catalogEntities';

const entities: Entity[] = [
  tieredComponent('payments', 'critical', 'team-payments', {
    'governance/tech-lead': 'jane.doe',
    'governance/availability-slo': '99.99',
    'governance/p95-latency-slo': '250ms',
    'governance/runbook': 'https://runbooks.example.com/payments',
  }),
  component('legacy-batch', {}, 'user:default/solo'),
  tieredComponent('reports', 'platinum', 'team-missing'),
  teamGroup(
    'team-payments',
    Array.from({ length: 6 }, (_, i) => `user:default/member-${i}`),
  ),
];

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** The summary route as a signed-in user asks for it; `query` starts with `?`, or is empty. */
const getSummary = (server: Server, query: string) =>
  request(server)
    .get(`/api/governance/summary${query}`)
    .set('Authorization', mockCredentials.user.header());

describe('governance backend plugin', () => {
  const startBackend = (
    config: object = {},
    features: Parameters<typeof startTestBackend>[0]['features'] = [],
  ) => startGovernanceTestBackend({ entities, config, features });
  /** The summary of a component of the catalog, from a backend started with `config`. */
  const summaryOf = async (name: string, config?: object) =>
    getSummary(
      await startBackend(config),
      `?entityRef=component:default/${name}`,
    );

  it("serves an entity's tier, scorecard, ownership and decision scope", async () => {
    const res = await summaryOf('payments');
    expect(res.status).toBe(200);
    const summary: EntityGovernanceSummary = res.body;
    expect(summary.entityRef).toBe('component:default/payments');
    expect(summary.tier?.name).toBe('critical');
    expect(
      summary.scorecard!.results.map(r => [
        r.checkId,
        r.target,
        r.actual,
        r.state,
        r.origin,
      ]),
    ).toEqual([
      ['availability', '>= 99.95%', '99.99%', 'pass', 'declared'],
      ['p95-latency', '< 200 ms', '250 ms', 'fail', 'declared'],
      [
        'security-review',
        'penetration test every 3 months',
        undefined,
        'unknown',
        undefined,
      ],
      ['coverage', '>= 85%', undefined, 'unknown', undefined],
      ['testing-load', 'load tests in place', undefined, 'unknown', undefined],
    ]);
    expect(summary.ownership).toEqual({
      owner: 'group:default/team-payments',
      techLead: 'user:default/jane.doe',
      runbookUrl: 'https://runbooks.example.com/payments',
    });
    expect(summary.decisionScope).toMatchObject({
      status: 'resolved',
      team: 'group:default/team-payments',
      memberCount: 6,
      level: 'related-services',
    });
    expect(summary.problems).toEqual([]);
  });

  it('uses tier targets overridden in app-config', async () => {
    const res = await summaryOf('payments', {
      governance: { tiers: { critical: { maxP95LatencyMs: 300 } } },
    });
    expect(res.body.scorecard.results[1]).toMatchObject({
      target: '< 300 ms',
      state: 'pass',
    });
  });

  it('answers an entity without annotations as not annotated, with unknown decision scope for a user owner', async () => {
    const res = await summaryOf('legacy-batch');
    expect(res.status).toBe(200);
    expect(res.body.annotated).toBe(false);
    expect(res.body.scorecard).toBeUndefined();
    expect(res.body.decisionScope).toMatchObject({
      status: 'unknown',
      reason: expect.stringContaining('not a Group'),
    });
  });

  it('reports invalid annotations of an ingested entity as problems instead of failing', async () => {
    const res = await summaryOf('reports');
    expect(res.status).toBe(200);
    expect(res.body.tier).toBeUndefined();
    expect(res.body.problems).toEqual([
      expect.objectContaining({ key: 'governance/tier', value: 'platinum' }),
    ]);
    expect(res.body.decisionScope.reason).toContain('not in the catalog');
  });

  it('answers 404 naming an entity that is not in the catalog', async () => {
    const res = await summaryOf('nope');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('component:default/nope');
  });

  it.each([
    ['', "'entityRef' is required"],
    ['?entityRef=', "'entityRef' is required"],
    ['?entityRef=a&entityRef=b', "'entityRef' is required once"],
    ['?entityRef=payments', 'Malformed entityRef "payments"'],
    ['?entityRef=component:default/a/b', 'Malformed entityRef'],
  ])('answers 400 for the malformed query %j', async (query, message) => {
    const server = await startBackend();
    const res = await getSummary(server, query);
    expect(res).toMatchObject(badRequest(message));
  });

  it('answers 401 without credentials', async () => {
    const server = await startGovernanceTestBackend({
      entities,
      anonymous: true,
    });
    const res = await request(server).get(
      '/api/governance/summary?entityRef=component:default/payments',
    );
    expect(res.status).toBe(401);
  });

  it('migrates the database once at start-up, for every store', async () => {
    const knex = await databases.init('SQLITE_3');
    const database = mockServices.database.mock({
      getClient: async () => knex,
      migrations: { skip: false },
    });
    const server = await startBackend({}, [database.factory]);
    expect(database.getClient).toHaveBeenCalledTimes(1);
    const res = await getSummary(
      server,
      '?entityRef=component:default/payments',
    );
    expect(res.status).toBe(200);
  });

  it('finishes the scheduled evaluation when the catalog connection drops under its first read', async () => {
    const catalog = catalogServiceMock({ entities });
    const queryEntities = catalog.queryEntities.bind(catalog);
    let dropped = false;
    catalog.queryEntities = async (query, options) => {
      // The evaluation's first read, of every system's domain, meets a keep-alive socket the
      // catalog has just closed, as node-fetch reports it.
      const filter = query && 'filter' in query ? query.filter : undefined;
      if (!dropped && JSON.stringify(filter) === '{"kind":"system"}') {
        dropped = true;
        throw Object.assign(
          new Error('request to catalog failed, reason: socket hang up'),
          { code: 'ECONNRESET' },
        );
      }
      return queryEntities(query, options);
    };
    const server = await startGovernanceTestBackend({
      catalog,
      scheduledAtStartUp: true,
    });
    const rollup = await rollupOnceEvaluated(server, 1);
    expect(dropped).toBe(true);
    expect(rollup.totals.entities).toBe(1);
  });

  it('fails start-up with a message naming an invalid tier config key', async () => {
    await expect(
      startBackend({
        governance: { tiers: { core: { minAvailabilityPercent: 140 } } },
      }),
    ).rejects.toThrow('governance.tiers.core.minAvailabilityPercent');
  });
});
