import { GovernanceClient } from '../GovernanceClient';
import {
  complianceTrend,
  entitiesCsv,
  entityPage,
  jsonResponse,
  ref,
  revoked,
  rollup,
  rollupCsv,
  scorecardTrend,
  summary,
  waiver,
  waiverRequest,
} from './answers';

/** What the client should send; `path` is under the governance base URL. */
export interface Sent {
  method: string;
  path: string;
  query?: [string, string][];
  /** The JSON text of the body, for the calls that send one. */
  body?: string;
}

/** One call of the client and the backend's answer to it. */
export interface ClientCall {
  behaviour: string;
  call: (client: GovernanceClient) => Promise<unknown>;
  answer: () => Response;
}

/** One call of the client: what it sends, and what it makes of the backend's answer. */
export interface Exchange extends ClientCall {
  returns: unknown;
  sends: Sent;
}

export const refQuery: [string, string][] = [['entityRef', ref]];

const csvResponse = (csv: string) =>
  new Response(csv, {
    status: 200,
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });

/** The backend answers with this JSON, and the client returns it as it came. */
export const answersJson = (status: number, body: unknown) => ({
  answer: () => jsonResponse(status, body),
  returns: body,
});

/** The backend wraps a list in `items`; the client returns the list itself. */
export const answersItems = (items: unknown[]) => ({
  answer: () => jsonResponse(200, { items }),
  returns: items,
});

/** The scorecard, waiver, compliance and standards calls of the client. */
export const exchanges: Exchange[] = [
  {
    behaviour:
      'asks the governance backend for the summary of the given entity',
    call: client => client.getEntitySummary(ref),
    ...answersJson(200, summary),
    sends: { method: 'GET', path: '/summary', query: refQuery },
  },
  {
    behaviour:
      'asks the governance backend to re-evaluate the scorecard and returns the fresh summary',
    call: client => client.refreshScorecard(ref),
    ...answersJson(200, summary),
    sends: { method: 'POST', path: '/scorecard/refresh', query: refQuery },
  },
  {
    behaviour:
      'asks the governance backend for the scorecard trend of the given entity',
    call: client => client.getScorecardTrend(ref, 30),
    ...answersJson(200, scorecardTrend),
    sends: {
      method: 'GET',
      path: '/scorecard/trend',
      query: [...refQuery, ['days', '30']],
    },
  },
  {
    behaviour:
      'leaves the number of days of the trend to the backend when none is given',
    call: client => client.getScorecardTrend(ref),
    ...answersJson(200, { entityRef: ref, days: 90, points: [] }),
    sends: { method: 'GET', path: '/scorecard/trend', query: refQuery },
  },
  {
    behaviour: 'grants a waiver by posting the request as JSON',
    call: client => client.createWaiver(waiverRequest),
    ...answersJson(201, waiver),
    sends: {
      method: 'POST',
      path: '/waivers',
      body: JSON.stringify(waiverRequest),
    },
  },
  {
    behaviour: 'revokes a waiver by deleting it and returns the revoked waiver',
    call: client => client.revokeWaiver(waiver.id),
    ...answersJson(200, revoked),
    sends: { method: 'DELETE', path: `/waivers/${waiver.id}` },
  },
  {
    behaviour: 'escapes the waiver id in the path',
    call: client => client.revokeWaiver('a/b?c'),
    ...answersJson(200, waiver),
    sends: { method: 'DELETE', path: '/waivers/a%2Fb%3Fc' },
  },
  {
    behaviour: 'lists the waivers of the given entity',
    call: client => client.listWaivers(ref),
    ...answersItems([waiver]),
    sends: { method: 'GET', path: '/waivers', query: refQuery },
  },
  {
    behaviour:
      'asks for the compliance roll-up by the given dimension, sending only the filtered dimensions (an empty one selects the entities without it)',
    call: client =>
      client.getComplianceRollup('system', {
        owner: 'group:default/payments',
        domain: '',
      }),
    ...answersJson(200, rollup),
    sends: {
      method: 'GET',
      path: '/compliance',
      query: [
        ['groupBy', 'system'],
        ['owner', 'group:default/payments'],
        ['domain', ''],
      ],
    },
  },
  {
    behaviour:
      'asks for the compliance roll-up of every entity when there is no filter',
    call: client => client.getComplianceRollup('owner'),
    ...answersJson(200, rollup),
    sends: {
      method: 'GET',
      path: '/compliance',
      query: [['groupBy', 'owner']],
    },
  },
  {
    behaviour: 'asks for one page of the entities matching the filter',
    call: client =>
      client.getComplianceEntities(
        { owner: 'group:default/payments', tier: 'critical' },
        { offset: 25, limit: 25 },
      ),
    ...answersJson(200, entityPage),
    sends: {
      method: 'GET',
      path: '/compliance/entities',
      query: [
        ['owner', 'group:default/payments'],
        ['tier', 'critical'],
        ['offset', '25'],
        ['limit', '25'],
      ],
    },
  },
  {
    behaviour: 'leaves the page of entities to the backend when none is given',
    call: client => client.getComplianceEntities({ system: '' }),
    ...answersJson(200, entityPage),
    sends: {
      method: 'GET',
      path: '/compliance/entities',
      query: [['system', '']],
    },
  },
  {
    behaviour:
      'asks for the compliance trend of the entities matching the filter over the given days',
    call: client =>
      client.getComplianceTrend({ owner: 'group:default/payments' }, 30),
    ...answersJson(200, complianceTrend),
    sends: {
      method: 'GET',
      path: '/compliance/trend',
      query: [
        ['days', '30'],
        ['owner', 'group:default/payments'],
      ],
    },
  },
  {
    behaviour:
      'leaves the filter and the days of the compliance trend to the backend when none are given',
    call: client => client.getComplianceTrend(),
    ...answersJson(200, { filter: {}, points: [] }),
    sends: { method: 'GET', path: '/compliance/trend' },
  },
  {
    behaviour: 'asks for the standards with the days of trend to show',
    call: client => client.listStandards(30),
    ...answersJson(200, {
      items: [],
      unmapped: {
        checks: [],
        counts: { total: 0, compliant: 0, automated: 0 },
      },
    }),
    sends: { method: 'GET', path: '/standards', query: [['days', '30']] },
  },
  {
    behaviour:
      'downloads the roll-up as CSV through the fetch API, so the user token goes along',
    call: client =>
      client
        .exportComplianceCsv({
          view: 'groups',
          groupBy: 'owner',
          filter: { tier: 'critical', system: '' },
        })
        .then(blob => blob.text()),
    answer: () => csvResponse(rollupCsv),
    returns: rollupCsv,
    sends: {
      method: 'GET',
      path: '/compliance.csv',
      query: [
        ['groupBy', 'owner'],
        ['system', ''],
        ['tier', 'critical'],
      ],
    },
  },
  {
    behaviour: 'downloads every entity matching the filter as CSV',
    call: client =>
      client
        .exportComplianceCsv({
          view: 'entities',
          filter: { owner: 'group:default/payments' },
        })
        .then(blob => blob.text()),
    answer: () => new Response(entitiesCsv, { status: 200 }),
    returns: entitiesCsv,
    sends: {
      method: 'GET',
      path: '/compliance/entities.csv',
      query: [['owner', 'group:default/payments']],
    },
  },
];
