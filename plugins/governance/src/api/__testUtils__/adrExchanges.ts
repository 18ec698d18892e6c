import {
  adr,
  adrIndexPage,
  emptyAdrIndex,
  entityAdrs,
  impact,
  ref,
  retrospective,
  retrospectiveRequest,
} from './answers';
import { answersJson, Exchange, refQuery } from './exchanges';

const blobOf = (blob: Blob) =>
  blob.text().then(text => ({ text, type: blob.type }));

/** The ADR calls of the client: what each sends, and what it makes of the answer. */
export const adrExchanges: Exchange[] = [
  {
    behaviour: 'asks for the ADRs of the given entity',
    call: client => client.getEntityAdrs(ref),
    ...answersJson(200, entityAdrs),
    sends: { method: 'GET', path: '/adrs', query: refQuery },
  },
  {
    behaviour: 'asks the backend to read the entity ADR location again',
    call: client => client.refreshEntityAdrs(ref),
    ...answersJson(200, entityAdrs),
    sends: { method: 'POST', path: '/adrs/refresh', query: refQuery },
  },
  {
    behaviour: 'asks for one ADR by its id, escaped in the path',
    call: client => client.getAdr('component:default/x#docs/0003.md'),
    ...answersJson(200, adr),
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
    ...answersJson(200, impact),
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
    ...answersJson(200, impact),
    sends: { method: 'GET', path: '/adrs/adr-payments-0003/impact' },
  },
  {
    behaviour: 'records a retrospective by posting it as JSON',
    call: client => client.createRetrospective(adr.id, retrospectiveRequest),
    ...answersJson(201, retrospective),
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
    ...answersJson(200, adrIndexPage),
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
    ...answersJson(200, emptyAdrIndex),
    sends: { method: 'GET', path: '/adr-index', query: [['offset', '0']] },
  },
  {
    behaviour:
      'leaves the whole ADR index query to the backend when none is given',
    call: client => client.getAdrIndex(),
    ...answersJson(200, emptyAdrIndex),
    sends: { method: 'GET', path: '/adr-index' },
  },
];
