import {
  coverageCampaign,
  coverageCampaignDetail,
  notDoneEntities,
  paymentsCampaigns,
} from '../../__testUtils__/campaigns';
import { ref } from './answers';
import { answersItems, answersJson, Exchange } from './exchanges';

const newCampaign = {
  title: coverageCampaign.title,
  description: coverageCampaign.description,
  checks: ['coverage'],
  target: { tiers: ['critical'] },
  deadline: '2027-03-31',
};

/** The campaign calls of the client: what each sends, and what it makes of the answer. */
export const campaignExchanges: Exchange[] = [
  {
    behaviour: 'lists the campaigns of the asked state, unwrapped from items',
    call: client => client.listCampaigns('all'),
    ...answersItems([coverageCampaign]),
    sends: { method: 'GET', path: '/campaigns', query: [['state', 'all']] },
  },
  {
    behaviour: 'reads one campaign with its history and owners',
    call: client => client.getCampaign('campaign-1'),
    ...answersJson(200, coverageCampaignDetail),
    sends: { method: 'GET', path: '/campaigns/campaign-1' },
  },
  {
    behaviour: 'starts a campaign by posting JSON',
    call: client => client.createCampaign(newCampaign),
    ...answersJson(201, coverageCampaign),
    sends: {
      method: 'POST',
      path: '/campaigns',
      body: JSON.stringify(newCampaign),
    },
  },
  {
    behaviour:
      'closes a campaign with a PATCH naming the revision it was based on',
    call: client =>
      client.updateCampaign('campaign-1', { revision: 1, state: 'closed' }),
    ...answersJson(200, { ...coverageCampaign, state: 'closed' }),
    sends: {
      method: 'PATCH',
      path: '/campaigns/campaign-1',
      body: JSON.stringify({ revision: 1, state: 'closed' }),
    },
  },
  {
    behaviour:
      'asks for a page of the entities not done, keeping an empty owner (the entities without one)',
    call: client =>
      client.listCampaignEntities('campaign-1', {
        done: false,
        owner: '',
        page: 2,
        pageSize: 10,
      }),
    ...answersJson(200, notDoneEntities),
    sends: {
      method: 'GET',
      path: '/campaigns/campaign-1/entities',
      query: [
        ['done', 'false'],
        ['owner', ''],
        ['page', '2'],
        ['pageSize', '10'],
      ],
    },
  },
  {
    behaviour: 'lists the campaigns an entity is in, unwrapped from items',
    call: client => client.getEntityCampaigns(ref),
    ...answersItems(paymentsCampaigns),
    sends: {
      method: 'GET',
      path: '/entity-campaigns',
      query: [['entityRef', ref]],
    },
  },
];
