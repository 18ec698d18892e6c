import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/test-utils';
import {
  AdrDetail,
  AdrImpact,
  AdrIndexPage,
  complianceCounts,
  ComplianceEntityPage,
  ComplianceRollup,
  ComplianceTrend,
  EntityAdrs,
  EntityGovernanceSummary,
  Retrospective,
  ReviewItemDetail,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceClient } from './GovernanceClient';
import { ReviewConflictError } from './ReviewConflictError';

const summary: EntityGovernanceSummary = {
  entityRef: 'component:default/payments-api',
  annotated: true,
  tier: {
    name: 'core',
    title: 'Core service',
    minAvailabilityPercent: 99.9,
    maxP95LatencyMs: 500,
    securityReview: { everyMonths: 6, kind: 'security review' },
    testing: { minCoveragePercent: 75, requiredKinds: ['integration'] },
  },
  declared: { tier: 'core', availabilitySloPercent: 99.9 },
  scorecard: {
    evaluatedAt: '2025-11-02T07:15:00.000Z',
    results: [
      {
        checkId: 'availability',
        title: 'Availability',
        state: 'pass',
        target: '>= 99.9%',
        actual: '99.9%',
        factName: 'availability',
        origin: 'declared',
        source: 'governance/availability-slo',
        stale: false,
      },
    ],
  },
  ownership: { owner: 'group:default/payments' },
  decisionScope: {
    status: 'unknown',
    team: 'group:default/payments',
    reason: 'The owning group group:default/payments is not in the catalog.',
  },
  problems: [],
  validationMode: 'error',
};

const waiver: Waiver = {
  id: 'a3f1c2d4-0000-4000-8000-000000000001',
  entityRef: 'component:default/payments-api',
  checkId: 'p95-latency',
  reason: 'Latency work lands with the Q1 capacity project',
  expiresAt: '2026-01-31T23:59:59.999Z',
  createdBy: 'user:default/amir.khan',
  createdAt: '2025-11-02T08:00:00.000Z',
};

const rollup: ComplianceRollup = {
  groupBy: 'system',
  filter: { owner: 'group:default/payments', domain: '' },
  groups: [
    {
      key: 'system:default/checkout',
      entities: 2,
      counts: complianceCounts({ pass: 3, fail: 2, unknown: 1 }),
    },
  ],
  totals: {
    entities: 2,
    counts: complianceCounts({ pass: 3, fail: 2, unknown: 1 }),
  },
};

const entityPage: ComplianceEntityPage = {
  filter: { owner: 'group:default/payments' },
  items: [
    {
      entityRef: 'component:default/payments-api',
      owner: 'group:default/payments',
      system: 'system:default/checkout',
      tier: 'critical',
      counts: complianceCounts({ pass: 1, fail: 1, unknown: 2, waived: 1 }),
      failing: ['p95-latency'],
      evaluatedAt: '2025-11-02T07:15:00.000Z',
    },
  ],
  totalItems: 26,
  offset: 25,
  limit: 25,
};

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('GovernanceClient', () => {
  const discoveryApi = mockApis.discovery({ baseUrl: 'http://localhost:7007' });

  it('asks the governance backend for the summary of the given entity', async () => {
    const fetch = jest.fn(async () => jsonResponse(200, summary));
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    await expect(
      client.getEntitySummary('component:default/payments-api'),
    ).resolves.toEqual(summary);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/governance/summary?entityRef=component%3Adefault%2Fpayments-api',
      { method: 'GET' },
    );
  });

  it('asks the governance backend to re-evaluate the scorecard and returns the fresh summary', async () => {
    const fetch = jest.fn(async () => jsonResponse(200, summary));
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    await expect(
      client.refreshScorecard('component:default/payments-api'),
    ).resolves.toEqual(summary);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/governance/scorecard/refresh?entityRef=component%3Adefault%2Fpayments-api',
      { method: 'POST' },
    );
  });

  it('asks the governance backend for the scorecard trend of the given entity', async () => {
    const trend = {
      entityRef: 'component:default/payments-api',
      days: 30,
      points: [{ date: '2025-11-02', passing: 2, total: 5 }],
    };
    const fetch = jest.fn(async () => jsonResponse(200, trend));
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    await expect(
      client.getScorecardTrend('component:default/payments-api', 30),
    ).resolves.toEqual(trend);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/governance/scorecard/trend?entityRef=component%3Adefault%2Fpayments-api&days=30',
      { method: 'GET' },
    );
  });

  it('leaves the number of days of the trend to the backend when none is given', async () => {
    const fetch = jest.fn(async () =>
      jsonResponse(200, {
        entityRef: 'component:default/payments-api',
        days: 90,
        points: [],
      }),
    );
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    await expect(
      client.getScorecardTrend('component:default/payments-api'),
    ).resolves.toMatchObject({ days: 90, points: [] });
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/governance/scorecard/trend?entityRef=component%3Adefault%2Fpayments-api',
      { method: 'GET' },
    );
  });

  it('throws a ResponseError carrying the backend error when the trend cannot be read', async () => {
    const fetch = jest.fn(async () =>
      jsonResponse(400, {
        error: {
          name: 'InputError',
          message: 'days must be a whole number from 1 to 366',
        },
        request: { method: 'GET', url: '/api/governance/scorecard/trend' },
        response: { statusCode: 400 },
      }),
    );
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    const error = await client
      .getScorecardTrend('component:default/payments-api', 0)
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause).toMatchObject({
      name: 'InputError',
      message: 'days must be a whole number from 1 to 366',
    });
  });

  it('throws a ResponseError carrying the backend error when a refresh fails', async () => {
    const fetch = jest.fn(async () =>
      jsonResponse(500, {
        error: {
          name: 'Error',
          message: 'The facts store is not reachable',
        },
        request: { method: 'POST', url: '/api/governance/scorecard/refresh' },
        response: { statusCode: 500 },
      }),
    );
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    const error = await client
      .refreshScorecard('component:default/payments-api')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(500);
    expect(error.cause).toMatchObject({
      message: 'The facts store is not reachable',
    });
  });

  it('throws a ResponseError carrying the backend error when the entity is unknown', async () => {
    const fetch = jest.fn(async () =>
      jsonResponse(404, {
        error: {
          name: 'NotFoundError',
          message: 'No entity component:default/nope in the catalog',
        },
        request: { method: 'GET', url: '/api/governance/summary' },
        response: { statusCode: 404 },
      }),
    );
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    const error = await client
      .getEntitySummary('component:default/nope')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause).toMatchObject({
      name: 'NotFoundError',
      message: 'No entity component:default/nope in the catalog',
    });
  });

  it('grants a waiver by posting the request as JSON', async () => {
    const fetch = jest.fn(async () => jsonResponse(201, waiver));
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });
    const request = {
      entityRef: 'component:default/payments-api',
      checkId: 'p95-latency',
      reason: 'Latency work lands with the Q1 capacity project',
      expiresAt: '2026-01-31T23:59:59.999Z',
    };

    await expect(client.createWaiver(request)).resolves.toEqual(waiver);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/governance/waivers',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  });

  it('throws a ResponseError carrying the backend error when a waiver is refused', async () => {
    const fetch = jest.fn(async () =>
      jsonResponse(403, {
        error: { name: 'NotAllowedError', message: 'Unauthorized' },
        request: { method: 'POST', url: '/api/governance/waivers' },
        response: { statusCode: 403 },
      }),
    );
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    const error = await client
      .createWaiver({
        entityRef: 'component:default/payments-api',
        checkId: 'p95-latency',
        reason: 'Because',
        expiresAt: '2026-01-31T23:59:59.999Z',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.cause).toMatchObject({
      name: 'NotAllowedError',
      message: 'Unauthorized',
    });
  });

  it('revokes a waiver by deleting it and returns the revoked waiver', async () => {
    const revoked: Waiver = {
      ...waiver,
      revokedBy: 'user:default/amir.khan',
      revokedAt: '2025-11-03T10:00:00.000Z',
    };
    const fetch = jest.fn(async () => jsonResponse(200, revoked));
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    await expect(client.revokeWaiver(waiver.id)).resolves.toEqual(revoked);
    expect(fetch).toHaveBeenCalledWith(
      `http://localhost:7007/api/governance/waivers/${waiver.id}`,
      { method: 'DELETE' },
    );
  });

  it('escapes the waiver id in the path', async () => {
    const fetch = jest.fn(async () => jsonResponse(200, waiver));
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    await client.revokeWaiver('a/b?c');
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/governance/waivers/a%2Fb%3Fc',
      { method: 'DELETE' },
    );
  });

  it('throws a ResponseError carrying the backend error when a waiver is already revoked', async () => {
    const fetch = jest.fn(async () =>
      jsonResponse(409, {
        error: {
          name: 'ConflictError',
          message: `Waiver ${waiver.id} is already revoked`,
        },
        request: {
          method: 'DELETE',
          url: `/api/governance/waivers/${waiver.id}`,
        },
        response: { statusCode: 409 },
      }),
    );
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    const error = await client.revokeWaiver(waiver.id).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(409);
    expect(error.cause).toMatchObject({
      name: 'ConflictError',
      message: `Waiver ${waiver.id} is already revoked`,
    });
  });

  it('lists the waivers of the given entity', async () => {
    const fetch = jest.fn(async () => jsonResponse(200, { items: [waiver] }));
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    await expect(
      client.listWaivers('component:default/payments-api'),
    ).resolves.toEqual([waiver]);
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/governance/waivers?entityRef=component%3Adefault%2Fpayments-api',
      { method: 'GET' },
    );
  });

  describe('compliance', () => {
    it('asks for the roll-up by the given dimension, sending only the filtered dimensions', async () => {
      const fetch = jest.fn(async () => jsonResponse(200, rollup));
      const client = new GovernanceClient({
        discoveryApi,
        fetchApi: { fetch },
      });

      await expect(
        client.getComplianceRollup('system', {
          owner: 'group:default/payments',
          // Entities without a domain: sent empty, not left out.
          domain: '',
        }),
      ).resolves.toEqual(rollup);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/compliance?groupBy=system&owner=group%3Adefault%2Fpayments&domain=',
        { method: 'GET' },
      );
    });

    it('asks for the roll-up of every entity when there is no filter', async () => {
      const fetch = jest.fn(async () => jsonResponse(200, rollup));
      const client = new GovernanceClient({
        discoveryApi,
        fetchApi: { fetch },
      });

      await client.getComplianceRollup('owner');
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/compliance?groupBy=owner',
        { method: 'GET' },
      );
    });

    it('asks for one page of the entities matching the filter', async () => {
      const fetch = jest.fn(async () => jsonResponse(200, entityPage));
      const client = new GovernanceClient({
        discoveryApi,
        fetchApi: { fetch },
      });

      await expect(
        client.getComplianceEntities(
          { owner: 'group:default/payments', tier: 'critical' },
          { offset: 25, limit: 25 },
        ),
      ).resolves.toEqual(entityPage);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/compliance/entities?owner=group%3Adefault%2Fpayments&tier=critical&offset=25&limit=25',
        { method: 'GET' },
      );
    });

    it('leaves the page of entities to the backend when none is given', async () => {
      const fetch = jest.fn(async () => jsonResponse(200, entityPage));
      const client = new GovernanceClient({
        discoveryApi,
        fetchApi: { fetch },
      });

      await client.getComplianceEntities({ system: '' });
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/compliance/entities?system=',
        { method: 'GET' },
      );
    });

    it('asks for the trend of the entities matching the filter over the given days', async () => {
      const trend: ComplianceTrend = {
        filter: { owner: 'group:default/payments' },
        points: [
          {
            day: '2025-11-02',
            counts: complianceCounts({ pass: 3, fail: 1 }),
          },
        ],
      };
      const fetch = jest.fn(async () => jsonResponse(200, trend));
      const client = new GovernanceClient({
        discoveryApi,
        fetchApi: { fetch },
      });

      await expect(
        client.getComplianceTrend({ owner: 'group:default/payments' }, 30),
      ).resolves.toEqual(trend);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/compliance/trend?days=30&owner=group%3Adefault%2Fpayments',
        { method: 'GET' },
      );
    });

    it('leaves the filter and the days of the trend to the backend when none are given', async () => {
      const fetch = jest.fn(async () =>
        jsonResponse(200, { filter: {}, points: [] }),
      );
      const client = new GovernanceClient({
        discoveryApi,
        fetchApi: { fetch },
      });

      await expect(client.getComplianceTrend()).resolves.toEqual({
        filter: {},
        points: [],
      });
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/compliance/trend?',
        { method: 'GET' },
      );
    });

    it('throws a ResponseError carrying the backend error when the roll-up cannot be read', async () => {
      const fetch = jest.fn(async () =>
        jsonResponse(400, {
          error: {
            name: 'InputError',
            message: 'groupBy must be one of owner, system, domain, tier',
          },
          request: { method: 'GET', url: '/api/governance/compliance' },
          response: { statusCode: 400 },
        }),
      );
      const client = new GovernanceClient({
        discoveryApi,
        fetchApi: { fetch },
      });

      const error = await client.getComplianceRollup('owner').catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(400);
      expect(error.cause).toMatchObject({
        name: 'InputError',
        message: 'groupBy must be one of owner, system, domain, tier',
      });
    });

    it('downloads the roll-up as CSV through the fetch API, so the user token goes along', async () => {
      const csv = 'owner,entities,pass\ngroup:default/payments,2,3\n';
      const fetch = jest.fn(
        async () =>
          new Response(csv, {
            status: 200,
            headers: { 'Content-Type': 'text/csv; charset=utf-8' },
          }),
      );
      const client = new GovernanceClient({
        discoveryApi,
        fetchApi: { fetch },
      });

      const blob = await client.exportComplianceCsv({
        view: 'groups',
        groupBy: 'owner',
        filter: { tier: 'critical', system: '' },
      });
      expect(await blob.text()).toBe(csv);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/compliance.csv?groupBy=owner&system=&tier=critical',
        { method: 'GET' },
      );
    });

    it('downloads every entity matching the filter as CSV', async () => {
      const csv = 'entityRef,tier\ncomponent:default/payments-api,critical\n';
      const fetch = jest.fn(async () => new Response(csv, { status: 200 }));
      const client = new GovernanceClient({
        discoveryApi,
        fetchApi: { fetch },
      });

      const blob = await client.exportComplianceCsv({
        view: 'entities',
        filter: { owner: 'group:default/payments' },
      });
      expect(await blob.text()).toBe(csv);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/compliance/entities.csv?owner=group%3Adefault%2Fpayments',
        { method: 'GET' },
      );
    });

    it('throws a ResponseError carrying the backend error when the export fails', async () => {
      const fetch = jest.fn(async () =>
        jsonResponse(403, {
          error: { name: 'NotAllowedError', message: 'Unauthorized' },
          request: { method: 'GET', url: '/api/governance/compliance.csv' },
          response: { statusCode: 403 },
        }),
      );
      const client = new GovernanceClient({
        discoveryApi,
        fetchApi: { fetch },
      });

      const error = await client
        .exportComplianceCsv({ view: 'groups', groupBy: 'tier' })
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(403);
      expect(error.cause).toMatchObject({
        name: 'NotAllowedError',
        message: 'Unauthorized',
      });
    });
  });
  describe('ADRs', () => {
    const adr: AdrDetail = {
      id: 'adr-payments-0003',
      entityRef: 'component:default/payments-api',
      path: '0003-publish-payment-events-to-kafka.md',
      url: 'https://github.com/acme/payments-api/blob/main/docs/adr/0003-publish-payment-events-to-kafka.md',
      number: 3,
      title: 'Publish payment events to Kafka',
      status: 'accepted',
      date: '2025-04-14',
      deciders: ['jane.doe'],
      format: 'madr',
      warnings: [],
      retrospective: {
        state: 'overdue',
        dueAt: '2025-07-14',
        overdueAt: '2025-10-14',
      },
      body: '# Publish payment events to Kafka\n',
      links: [],
      retrospectives: [],
    };
    const entityAdrs: EntityAdrs = {
      entityRef: 'component:default/payments-api',
      location: {
        status: 'ok',
        url: 'https://github.com/acme/payments-api/tree/main/docs/adr',
        readAt: '2025-11-24T06:00:00.000Z',
      },
      items: [adr],
    };

    function clientAnswering(response: () => Response) {
      const fetch = jest.fn(async () => response());
      return {
        fetch,
        client: new GovernanceClient({ discoveryApi, fetchApi: { fetch } }),
      };
    }

    it('asks for the ADRs of the given entity', async () => {
      const { fetch, client } = clientAnswering(() =>
        jsonResponse(200, entityAdrs),
      );

      await expect(
        client.getEntityAdrs('component:default/payments-api'),
      ).resolves.toEqual(entityAdrs);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/adrs?entityRef=component%3Adefault%2Fpayments-api',
        { method: 'GET' },
      );
    });

    it('asks the backend to read the entity ADR location again', async () => {
      const { fetch, client } = clientAnswering(() =>
        jsonResponse(200, entityAdrs),
      );

      await expect(
        client.refreshEntityAdrs('component:default/payments-api'),
      ).resolves.toEqual(entityAdrs);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/adrs/refresh?entityRef=component%3Adefault%2Fpayments-api',
        { method: 'POST' },
      );
    });

    it('asks for one ADR by its id, escaped in the path', async () => {
      const { fetch, client } = clientAnswering(() => jsonResponse(200, adr));

      await expect(
        client.getAdr('component:default/x#docs/0003.md'),
      ).resolves.toEqual(adr);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/adrs/component%3Adefault%2Fx%23docs%2F0003.md',
        { method: 'GET' },
      );
    });

    it('downloads a file next to the ADR through the fetch API, so the user token goes along', async () => {
      const { fetch, client } = clientAnswering(
        () =>
          new Response('PNG', {
            status: 200,
            headers: { 'Content-Type': 'image/png' },
          }),
      );

      const blob = await client.getAdrAsset(adr.id, 'images/diagram one.png');
      expect(await blob.text()).toBe('PNG');
      expect(blob.type).toBe('image/png');
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/adrs/adr-payments-0003/assets?path=images%2Fdiagram+one.png',
        { method: 'GET' },
      );
    });

    it('throws a ResponseError carrying the backend error when a file next to the ADR cannot be read', async () => {
      const { client } = clientAnswering(() =>
        jsonResponse(404, {
          error: {
            name: 'NotFoundError',
            message: 'images/missing.png was not found',
          },
          request: { method: 'GET', url: '/api/governance/adrs/x/assets' },
          response: { statusCode: 404 },
        }),
      );

      const error = await client
        .getAdrAsset(adr.id, 'images/missing.png')
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(404);
      expect(error.cause).toMatchObject({
        message: 'images/missing.png was not found',
      });
    });

    it('asks for the impact of the decision over the given weeks, or leaves them to the backend', async () => {
      const impact: AdrImpact = {
        adrId: adr.id,
        date: '2025-04-14',
        weeks: 6,
        checks: [],
      };
      const { fetch, client } = clientAnswering(() =>
        jsonResponse(200, impact),
      );

      await expect(client.getAdrImpact(adr.id, 6)).resolves.toEqual(impact);
      await client.getAdrImpact(adr.id);
      expect(fetch.mock.calls).toEqual([
        [
          'http://localhost:7007/api/governance/adrs/adr-payments-0003/impact?weeks=6',
          { method: 'GET' },
        ],
        [
          'http://localhost:7007/api/governance/adrs/adr-payments-0003/impact?',
          { method: 'GET' },
        ],
      ]);
    });

    it('throws a ResponseError carrying the reason when the ADR has no date to measure from', async () => {
      const { client } = clientAnswering(() =>
        jsonResponse(400, {
          error: {
            name: 'InputError',
            message: 'ADR 0004-retry.md has no date to measure its impact from',
          },
          request: { method: 'GET', url: '/api/governance/adrs/x/impact' },
          response: { statusCode: 400 },
        }),
      );

      const error = await client.getAdrImpact('x').catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(400);
      expect(error.cause).toMatchObject({
        name: 'InputError',
        message: 'ADR 0004-retry.md has no date to measure its impact from',
      });
    });

    it('records a retrospective by posting it as JSON', async () => {
      const retrospective: Retrospective = {
        id: 'retro-1',
        adrId: adr.id,
        date: '2025-11-20',
        outcome: 'revise',
        notes: 'Consumers lag at peak',
        recordedBy: 'user:default/amir.khan',
        recordedAt: '2025-11-20T10:00:00.000Z',
      };
      const { fetch, client } = clientAnswering(() =>
        jsonResponse(201, retrospective),
      );
      const request = {
        date: '2025-11-20',
        outcome: 'revise' as const,
        notes: 'Consumers lag at peak',
      };

      await expect(
        client.createRetrospective(adr.id, request),
      ).resolves.toEqual(retrospective);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/adrs/adr-payments-0003/retrospectives',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request),
        },
      );
    });

    it('throws a ResponseError carrying the backend error when a retrospective is refused', async () => {
      const { client } = clientAnswering(() =>
        jsonResponse(403, {
          error: { name: 'NotAllowedError', message: 'Unauthorized' },
          request: {
            method: 'POST',
            url: '/api/governance/adrs/x/retrospectives',
          },
          response: { statusCode: 403 },
        }),
      );

      const error = await client
        .createRetrospective(adr.id, {
          date: '2025-11-20',
          outcome: 'keep',
          notes: 'Works',
        })
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(403);
      expect(error.cause).toMatchObject({ name: 'NotAllowedError' });
    });

    it('asks for a page of the ADR index, repeating the parameters that take several values', async () => {
      const page: AdrIndexPage = {
        items: [adr],
        totalItems: 30,
        offset: 25,
        limit: 25,
      };
      const { fetch, client } = clientAnswering(() => jsonResponse(200, page));

      await expect(
        client.getAdrIndex({
          status: ['accepted', 'proposed'],
          owner: 'group:default/payments',
          system: 'system:default/checkout',
          from: '2025-01-01',
          to: '2025-12-31',
          q: 'kafka',
          retrospective: ['due', 'overdue'],
          sort: 'date',
          order: 'asc',
          offset: 25,
          limit: 25,
        }),
      ).resolves.toEqual(page);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/adr-index?status=accepted&status=proposed&owner=group%3Adefault%2Fpayments&system=system%3Adefault%2Fcheckout&from=2025-01-01&to=2025-12-31&q=kafka&retrospective=due&retrospective=overdue&sort=date&order=asc&offset=25&limit=25',
        { method: 'GET' },
      );
    });

    it('leaves out the filters that are not set', async () => {
      const { fetch, client } = clientAnswering(() =>
        jsonResponse(200, { items: [], totalItems: 0, offset: 0, limit: 25 }),
      );

      await client.getAdrIndex({ status: [], q: '', offset: 0 });
      await client.getAdrIndex();
      expect(fetch.mock.calls).toEqual([
        [
          'http://localhost:7007/api/governance/adr-index?offset=0',
          { method: 'GET' },
        ],
        ['http://localhost:7007/api/governance/adr-index?', { method: 'GET' }],
      ]);
    });
  });

  describe('reviews', () => {
    const item: ReviewItemDetail = {
      id: 'review-1',
      entityRef: 'component:default/payments-api',
      kind: 'design-review',
      title: 'Split the ledger out',
      description: '',
      origin: { type: 'user', requestedBy: 'user:default/jane.doe' },
      status: 'in-review',
      priority: 'high',
      version: 4,
      createdAt: '2025-11-01T09:00:00.000Z',
      updatedAt: '2025-11-03T10:30:00.000Z',
      commentCount: 0,
      overdue: false,
      comments: [],
      history: [],
    };

    function clientAnswering(response: () => Response) {
      const fetch = jest.fn(async () => response());
      return {
        fetch,
        client: new GovernanceClient({ discoveryApi, fetchApi: { fetch } }),
      };
    }

    it('sends the filters of the queue comma-separated, with an empty assignee for unassigned items', async () => {
      const page = { items: [], totalCount: 0, offset: 25, limit: 25 };
      const { fetch, client } = clientAnswering(() => jsonResponse(200, page));

      await expect(
        client.listReviews({
          entityRef: 'component:default/payments-api',
          status: ['open', 'in-review'],
          kind: ['design-review', 'tier-change'],
          priority: ['high', 'critical'],
          assignee: '',
          overdue: true,
          offset: 25,
          limit: 25,
        }),
      ).resolves.toEqual(page);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/reviews?entityRef=component%3Adefault%2Fpayments-api&status=open%2Cin-review&kind=design-review%2Ctier-change&priority=high%2Ccritical&assignee=&overdue=true&offset=25&limit=25',
        { method: 'GET' },
      );
    });

    it('leaves out the filters that are not set, and overdue unless it is asked for', async () => {
      const { fetch, client } = clientAnswering(() =>
        jsonResponse(200, { items: [], totalCount: 0, offset: 0, limit: 25 }),
      );

      await client.listReviews();
      await client.listReviews({
        status: [],
        assignee: 'user:default/amir.khan',
        overdue: false,
      });
      expect(fetch.mock.calls).toEqual([
        ['http://localhost:7007/api/governance/reviews?', { method: 'GET' }],
        [
          'http://localhost:7007/api/governance/reviews?assignee=user%3Adefault%2Famir.khan',
          { method: 'GET' },
        ],
      ]);
    });

    it('reads the review settings and one item by its id, escaped in the path', async () => {
      const settings = { kinds: [{ id: 'design-review', title: 'Design' }] };
      const { fetch, client } = clientAnswering(() =>
        jsonResponse(200, settings),
      );
      await expect(client.getReviewSettings()).resolves.toEqual(settings);

      fetch.mockImplementation(async () => jsonResponse(200, item));
      await expect(client.getReview('a/b')).resolves.toEqual(item);
      expect(fetch.mock.calls).toEqual([
        [
          'http://localhost:7007/api/governance/reviews/settings',
          { method: 'GET' },
        ],
        [
          'http://localhost:7007/api/governance/reviews/a%2Fb',
          { method: 'GET' },
        ],
      ]);
    });

    it('requests a review and comments on it by posting JSON', async () => {
      const { fetch, client } = clientAnswering(() => jsonResponse(201, item));
      const request = {
        entityRef: 'component:default/payments-api',
        kind: 'design-review',
        title: 'Split the ledger out',
      };
      await expect(client.requestReview(request)).resolves.toEqual(item);

      const comment = {
        id: 'comment-1',
        author: 'user:default/jane.doe',
        body: 'Looks good',
        createdAt: '2025-11-04T10:00:00.000Z',
      };
      fetch.mockImplementation(async () => jsonResponse(201, comment));
      await expect(
        client.commentOnReview('review-1', 'Looks good'),
      ).resolves.toEqual(comment);

      expect(fetch.mock.calls).toEqual([
        [
          'http://localhost:7007/api/governance/reviews',
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(request),
          },
        ],
        [
          'http://localhost:7007/api/governance/reviews/review-1/comments',
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ body: 'Looks good' }),
          },
        ],
      ]);
    });

    it('updates an item with a PATCH naming the version it was based on', async () => {
      const updated = { ...item, priority: 'critical', version: 5 };
      const { fetch, client } = clientAnswering(() =>
        jsonResponse(200, updated),
      );

      await expect(
        client.updateReview('review-1', { version: 4, priority: 'critical' }),
      ).resolves.toEqual(updated);
      expect(fetch).toHaveBeenCalledWith(
        'http://localhost:7007/api/governance/reviews/review-1',
        {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ version: 4, priority: 'critical' }),
        },
      );
    });

    it('throws a ReviewConflictError carrying the current item when the version is stale', async () => {
      const current = { ...item, assignee: 'user:default/li.wei', version: 6 };
      const { client } = clientAnswering(() =>
        jsonResponse(409, {
          error: {
            name: 'ConflictError',
            message: 'Review review-1 is at version 6, not 4',
          },
          request: { method: 'PATCH', url: '/api/governance/reviews/review-1' },
          response: { statusCode: 409 },
          item: current,
        }),
      );

      const error = await client
        .updateReview('review-1', { version: 4, priority: 'critical' })
        .catch(e => e);
      expect(error).toBeInstanceOf(ReviewConflictError);
      expect(error.name).toBe('ReviewConflictError');
      expect(error.message).toBe('Review review-1 is at version 6, not 4');
      expect(error.current).toEqual(current);
    });

    it('throws a ResponseError for a 409 without the current item, and for a refused move', async () => {
      const { fetch, client } = clientAnswering(() =>
        jsonResponse(409, {
          error: { name: 'ConflictError', message: 'Conflict' },
          request: { method: 'PATCH', url: '/api/governance/reviews/review-1' },
          response: { statusCode: 409 },
        }),
      );
      const conflict = await client
        .updateReview('review-1', { version: 4 })
        .catch(e => e);
      expect(conflict).toBeInstanceOf(ResponseError);
      expect(conflict).not.toBeInstanceOf(ReviewConflictError);
      expect(conflict.statusCode).toBe(409);

      fetch.mockImplementation(async () =>
        jsonResponse(400, {
          error: {
            name: 'InputError',
            message:
              "Cannot move a review from 'changes-requested' to 'approved'; allowed: in-review, withdrawn",
          },
          request: { method: 'PATCH', url: '/api/governance/reviews/review-1' },
          response: { statusCode: 400 },
        }),
      );
      const refused = await client
        .updateReview('review-1', { version: 4, status: 'approved' })
        .catch(e => e);
      expect(refused).toBeInstanceOf(ResponseError);
      expect(refused.statusCode).toBe(400);
      expect(refused.cause.message).toMatch(/allowed: in-review, withdrawn/);
    });
  });
});
