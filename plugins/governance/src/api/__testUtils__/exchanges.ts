import { GovernanceClient } from '../GovernanceClient';
import {
  adr,
  adrIndexPage,
  comment,
  complianceTrend,
  emptyAdrIndex,
  emptyReviewPage,
  entitiesCsv,
  entityAdrs,
  entityPage,
  impact,
  jsonResponse,
  ref,
  retrospective,
  retrospectiveRequest,
  revoked,
  reviewItem,
  reviewPage,
  reviewRequest,
  reviewSettings,
  rollup,
  rollupCsv,
  scorecardTrend,
  summary,
  updatedItem,
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

/** One call of the client: what it sends, and what it makes of the backend's answer. */
export interface Exchange {
  behaviour: string;
  call: (client: GovernanceClient) => Promise<unknown>;
  answer: () => Response;
  returns: unknown;
  sends: Sent;
}

const refQuery: [string, string][] = [['entityRef', ref]];

const blobOf = (blob: Blob) =>
  blob.text().then(text => ({ text, type: blob.type }));

const csvResponse = (csv: string) =>
  new Response(csv, {
    status: 200,
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });

export const exchanges: Exchange[] = [
  {
    behaviour:
      'asks the governance backend for the summary of the given entity',
    call: client => client.getEntitySummary(ref),
    answer: () => jsonResponse(200, summary),
    returns: summary,
    sends: { method: 'GET', path: '/summary', query: refQuery },
  },
  {
    behaviour:
      'asks the governance backend to re-evaluate the scorecard and returns the fresh summary',
    call: client => client.refreshScorecard(ref),
    answer: () => jsonResponse(200, summary),
    returns: summary,
    sends: { method: 'POST', path: '/scorecard/refresh', query: refQuery },
  },
  {
    behaviour:
      'asks the governance backend for the scorecard trend of the given entity',
    call: client => client.getScorecardTrend(ref, 30),
    answer: () => jsonResponse(200, scorecardTrend),
    returns: scorecardTrend,
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
    answer: () => jsonResponse(200, { entityRef: ref, days: 90, points: [] }),
    returns: { entityRef: ref, days: 90, points: [] },
    sends: { method: 'GET', path: '/scorecard/trend', query: refQuery },
  },
  {
    behaviour: 'grants a waiver by posting the request as JSON',
    call: client => client.createWaiver(waiverRequest),
    answer: () => jsonResponse(201, waiver),
    returns: waiver,
    sends: {
      method: 'POST',
      path: '/waivers',
      body: JSON.stringify(waiverRequest),
    },
  },
  {
    behaviour: 'revokes a waiver by deleting it and returns the revoked waiver',
    call: client => client.revokeWaiver(waiver.id),
    answer: () => jsonResponse(200, revoked),
    returns: revoked,
    sends: { method: 'DELETE', path: `/waivers/${waiver.id}` },
  },
  {
    behaviour: 'escapes the waiver id in the path',
    call: client => client.revokeWaiver('a/b?c'),
    answer: () => jsonResponse(200, waiver),
    returns: waiver,
    sends: { method: 'DELETE', path: '/waivers/a%2Fb%3Fc' },
  },
  {
    behaviour: 'lists the waivers of the given entity',
    call: client => client.listWaivers(ref),
    answer: () => jsonResponse(200, { items: [waiver] }),
    returns: [waiver],
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
    answer: () => jsonResponse(200, rollup),
    returns: rollup,
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
    answer: () => jsonResponse(200, rollup),
    returns: rollup,
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
    answer: () => jsonResponse(200, entityPage),
    returns: entityPage,
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
    answer: () => jsonResponse(200, entityPage),
    returns: entityPage,
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
    answer: () => jsonResponse(200, complianceTrend),
    returns: complianceTrend,
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
    answer: () => jsonResponse(200, { filter: {}, points: [] }),
    returns: { filter: {}, points: [] },
    sends: { method: 'GET', path: '/compliance/trend' },
  },
  {
    behaviour: 'asks for the standards with the days of trend to show',
    call: client => client.listStandards(30),
    answer: () =>
      jsonResponse(200, {
        items: [],
        unmapped: {
          checks: [],
          counts: { total: 0, compliant: 0, automated: 0 },
        },
      }),
    returns: {
      items: [],
      unmapped: {
        checks: [],
        counts: { total: 0, compliant: 0, automated: 0 },
      },
    },
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
  {
    behaviour: 'asks for the ADRs of the given entity',
    call: client => client.getEntityAdrs(ref),
    answer: () => jsonResponse(200, entityAdrs),
    returns: entityAdrs,
    sends: { method: 'GET', path: '/adrs', query: refQuery },
  },
  {
    behaviour: 'asks the backend to read the entity ADR location again',
    call: client => client.refreshEntityAdrs(ref),
    answer: () => jsonResponse(200, entityAdrs),
    returns: entityAdrs,
    sends: { method: 'POST', path: '/adrs/refresh', query: refQuery },
  },
  {
    behaviour: 'asks for one ADR by its id, escaped in the path',
    call: client => client.getAdr('component:default/x#docs/0003.md'),
    answer: () => jsonResponse(200, adr),
    returns: adr,
    sends: {
      method: 'GET',
      path: '/adrs/component%3Adefault%2Fx%23docs%2F0003.md',
    },
  },
  {
    behaviour:
      'downloads a file next to the ADR through the fetch API, so the user token goes along',
    call: client =>
      client.getAdrAsset(adr.id, 'images/diagram one.png').then(blobOf),
    answer: () =>
      new Response('PNG', {
        status: 200,
        headers: { 'Content-Type': 'image/png' },
      }),
    returns: { text: 'PNG', type: 'image/png' },
    sends: {
      method: 'GET',
      path: '/adrs/adr-payments-0003/assets',
      query: [['path', 'images/diagram one.png']],
    },
  },
  {
    behaviour: 'asks for the impact of the decision over the given weeks',
    call: client => client.getAdrImpact(adr.id, 6),
    answer: () => jsonResponse(200, impact),
    returns: impact,
    sends: {
      method: 'GET',
      path: '/adrs/adr-payments-0003/impact',
      query: [['weeks', '6']],
    },
  },
  {
    behaviour:
      'leaves the weeks of the impact to the backend when none are given',
    call: client => client.getAdrImpact(adr.id),
    answer: () => jsonResponse(200, impact),
    returns: impact,
    sends: { method: 'GET', path: '/adrs/adr-payments-0003/impact' },
  },
  {
    behaviour: 'records a retrospective by posting it as JSON',
    call: client => client.createRetrospective(adr.id, retrospectiveRequest),
    answer: () => jsonResponse(201, retrospective),
    returns: retrospective,
    sends: {
      method: 'POST',
      path: '/adrs/adr-payments-0003/retrospectives',
      body: JSON.stringify(retrospectiveRequest),
    },
  },
  {
    behaviour:
      'asks for a page of the ADR index, repeating the parameters that take several values',
    call: client =>
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
    answer: () => jsonResponse(200, adrIndexPage),
    returns: adrIndexPage,
    sends: {
      method: 'GET',
      path: '/adr-index',
      query: [
        ['status', 'accepted'],
        ['status', 'proposed'],
        ['owner', 'group:default/payments'],
        ['system', 'system:default/checkout'],
        ['from', '2025-01-01'],
        ['to', '2025-12-31'],
        ['q', 'kafka'],
        ['retrospective', 'due'],
        ['retrospective', 'overdue'],
        ['sort', 'date'],
        ['order', 'asc'],
        ['offset', '25'],
        ['limit', '25'],
      ],
    },
  },
  {
    behaviour: 'leaves out the ADR index filters that are empty',
    call: client => client.getAdrIndex({ status: [], q: '', offset: 0 }),
    answer: () => jsonResponse(200, emptyAdrIndex),
    returns: emptyAdrIndex,
    sends: { method: 'GET', path: '/adr-index', query: [['offset', '0']] },
  },
  {
    behaviour:
      'leaves the whole ADR index query to the backend when none is given',
    call: client => client.getAdrIndex(),
    answer: () => jsonResponse(200, emptyAdrIndex),
    returns: emptyAdrIndex,
    sends: { method: 'GET', path: '/adr-index' },
  },
  {
    behaviour:
      'sends the filters of the review queue, repeating the parameters that take several values, with an empty assignee for unassigned items',
    call: client =>
      client.listReviews({
        entityRef: ref,
        status: ['open', 'in-review'],
        kind: ['design-review', 'tier-change'],
        priority: ['high', 'critical'],
        assignee: '',
        overdue: true,
        offset: 25,
        limit: 25,
      }),
    answer: () => jsonResponse(200, reviewPage),
    returns: reviewPage,
    sends: {
      method: 'GET',
      path: '/reviews',
      query: [
        ...refQuery,
        ['status', 'open'],
        ['status', 'in-review'],
        ['kind', 'design-review'],
        ['kind', 'tier-change'],
        ['priority', 'high'],
        ['priority', 'critical'],
        ['assignee', ''],
        ['overdue', 'true'],
        ['offset', '25'],
        ['limit', '25'],
      ],
    },
  },
  {
    behaviour:
      'leaves the whole review query to the backend when none is given',
    call: client => client.listReviews(),
    answer: () => jsonResponse(200, emptyReviewPage),
    returns: emptyReviewPage,
    sends: { method: 'GET', path: '/reviews' },
  },
  {
    behaviour:
      'leaves out the review filters that are empty, and overdue unless it is asked for',
    call: client =>
      client.listReviews({
        status: [],
        assignee: 'user:default/amir.khan',
        overdue: false,
      }),
    answer: () => jsonResponse(200, emptyReviewPage),
    returns: emptyReviewPage,
    sends: {
      method: 'GET',
      path: '/reviews',
      query: [['assignee', 'user:default/amir.khan']],
    },
  },
  {
    behaviour: 'reads the review settings',
    call: client => client.getReviewSettings(),
    answer: () => jsonResponse(200, reviewSettings),
    returns: reviewSettings,
    sends: { method: 'GET', path: '/reviews/settings' },
  },
  {
    behaviour: 'reads one review item by its id, escaped in the path',
    call: client => client.getReview('a/b'),
    answer: () => jsonResponse(200, reviewItem),
    returns: reviewItem,
    sends: { method: 'GET', path: '/reviews/a%2Fb' },
  },
  {
    behaviour: 'requests a review by posting JSON',
    call: client => client.requestReview(reviewRequest),
    answer: () => jsonResponse(201, reviewItem),
    returns: reviewItem,
    sends: {
      method: 'POST',
      path: '/reviews',
      body: JSON.stringify(reviewRequest),
    },
  },
  {
    behaviour: 'comments on a review by posting JSON',
    call: client => client.commentOnReview('review-1', 'Looks good'),
    answer: () => jsonResponse(201, comment),
    returns: comment,
    sends: {
      method: 'POST',
      path: '/reviews/review-1/comments',
      body: JSON.stringify({ body: 'Looks good' }),
    },
  },
  {
    behaviour:
      'updates a review item with a PATCH naming the version it was based on',
    call: client =>
      client.updateReview('review-1', { version: 4, priority: 'critical' }),
    answer: () => jsonResponse(200, updatedItem),
    returns: updatedItem,
    sends: {
      method: 'PATCH',
      path: '/reviews/review-1',
      body: JSON.stringify({ version: 4, priority: 'critical' }),
    },
  },
];
