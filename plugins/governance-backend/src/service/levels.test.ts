import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ComplianceEntityPage,
  EntityGovernanceSummary,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import type { Server } from 'node:http';
import {
  governanceApi,
  rollupOnceEvaluated,
  startGovernanceTestBackend,
} from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';

const reviewedLastMonth = DateTime.utc().minus({ months: 1 }).toISODate()!;

/** Tested and covered, nothing else declared: bronze, short of the silver a core tier needs. */
const tested = tieredComponent('tested', 'core', 'team-a', {
  'governance/test-coverage': '95',
  'governance/testing': 'unit,integration',
});
/** Every core target declared and met: gold. */
const exemplary = tieredComponent('exemplary', 'core', 'team-a', {
  'governance/test-coverage': '95',
  'governance/testing': 'integration',
  'governance/availability-slo': '99.99',
  'governance/p95-latency-slo': '120ms',
  'governance/last-security-review': reviewedLastMonth,
});
/** Nothing declared: no level, below the bronze a supporting tier needs. */
const bare = tieredComponent('bare', 'supporting', 'team-b');

const start = () =>
  startGovernanceTestBackend({
    entities: [tested, exemplary, bare],
    scheduledAtStartUp: true,
  });

const api = (server: Server) =>
  governanceApi(server, mockCredentials.user.header());

const summaryOf = async (server: Server, name: string) =>
  (await api(server).get(`/summary?entityRef=component:default/${name}`))
    .body as EntityGovernanceSummary;

/** Waits for the scheduled evaluation at start-up to have stored every entity. */
const evaluated = (server: Server) => rollupOnceEvaluated(server, 3);

describe('maturity levels on the governance routes', () => {
  it('gives the summary the level, what the tier requires and the next step', async () => {
    const server = await start();
    expect((await summaryOf(server, 'tested')).level).toEqual({
      current: 'bronze',
      required: 'silver',
      meetsRequired: false,
      next: {
        name: 'silver',
        title: 'Silver',
        failingChecks: ['availability', 'security-review'],
      },
      levels: [
        { name: 'bronze', title: 'Bronze' },
        { name: 'silver', title: 'Silver' },
        { name: 'gold', title: 'Gold' },
      ],
    });
    expect((await summaryOf(server, 'exemplary')).level).toMatchObject({
      current: 'gold',
      required: 'silver',
      meetsRequired: true,
      next: null,
    });
  });

  it('leaves the level out of the summary of an entity without a tier', async () => {
    const server = await startGovernanceTestBackend({
      entities: [tieredComponent('loose', 'none-such')],
    });
    const summary = await summaryOf(server, 'loose');
    expect(summary.tier).toBeUndefined();
    expect(summary.level).toBeUndefined();
  });

  it('rolls levels up by owner and tier, counting the entities below their tier', async () => {
    const server = await start();
    const byTier = await evaluated(server);
    expect(
      byTier.groups.map(g => ({
        key: g.key,
        levels: g.levels,
        withoutLevel: g.withoutLevel,
        belowRequired: g.belowRequired,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          key: 'core',
          levels: { bronze: 1, gold: 1 },
          withoutLevel: 0,
          belowRequired: 1,
        },
        {
          key: 'supporting',
          levels: {},
          withoutLevel: 1,
          belowRequired: 1,
        },
      ]),
    );
    expect(byTier.totals).toMatchObject({
      levels: { bronze: 1, gold: 1 },
      withoutLevel: 1,
      belowRequired: 2,
    });

    const entities = (
      await api(server).get('/compliance/entities?owner=group:default/team-a')
    ).body as ComplianceEntityPage;
    expect(
      entities.items.map(e => [
        e.entityRef,
        e.level,
        e.requiredLevel,
        e.belowRequired,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['component:default/tested', 'bronze', 'silver', true],
        ['component:default/exemplary', 'gold', 'silver', false],
      ]),
    );
  });

  it('carries the levels in both CSV exports', async () => {
    const server = await start();
    await evaluated(server);
    const rollup = (await api(server).get('/compliance.csv?groupBy=owner')).text
      .trim()
      .split('\r\n')
      .map(line => line.split(','));
    const header = rollup[0];
    const column = (row: string[], name: string) => row[header.indexOf(name)];
    const teamA = rollup.find(row => row[0] === 'group:default/team-a')!;
    expect(
      [
        'level_bronze',
        'level_silver',
        'level_gold',
        'no_level',
        'below_required_level',
      ].map(name => column(teamA, name)),
    ).toEqual(['1', '0', '1', '0', '1']);

    const drilled = (
      await api(server).get('/compliance/entities.csv?tier=supporting')
    ).text
      .trim()
      .split('\r\n')
      .map(line => line.split(','));
    expect(drilled[0].slice(-2)).toEqual(['level', 'required_level']);
    expect(drilled[1].slice(-2)).toEqual(['', 'bronze']);
  });

  it('gives each day of the scorecard trend its level', async () => {
    const server = await start();
    await evaluated(server);
    const trend = await api(server).get(
      '/scorecard/trend?entityRef=component:default/exemplary&days=3',
    );
    expect(trend.body.points.at(-1)).toMatchObject({
      date: DateTime.utc().toISODate(),
      level: 'gold',
    });
  });
});
