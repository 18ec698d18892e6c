import {
  Campaign,
  CampaignDetail,
  CampaignEntityPage,
  EntityCampaign,
} from '@catalog-governance/backstage-plugin-governance-common';
import { addDays, utcToday } from '../lib/days';

/** A running campaign on critical services, three weeks from its deadline. */
export const coverageCampaign: Campaign = {
  id: 'campaign-1',
  title: 'Critical services at 85% coverage',
  description: 'Raise coverage on every critical service before the freeze.',
  link: 'https://example.com/adr/0007',
  checks: ['coverage'],
  target: { tiers: ['critical'] },
  deadline: addDays(utcToday(), 21),
  state: 'active',
  createdBy: 'user:default/li.wei',
  createdAt: `${addDays(utcToday(), -3)}T09:00:00.000Z`,
  updatedAt: `${addDays(utcToday(), -3)}T09:00:00.000Z`,
  revision: 1,
  progress: { done: 3, notDone: 5, total: 8 },
};

/** A campaign whose deadline passed with entities still to do. */
export const overdueCampaign: Campaign = {
  ...coverageCampaign,
  id: 'campaign-2',
  title: 'Runbooks everywhere',
  link: undefined,
  checks: ['security-review'],
  target: {},
  deadline: addDays(utcToday(), -2),
  progress: { done: 1, notDone: 1, total: 2 },
};

/** The coverage campaign with three recorded days and its owners, furthest behind first. */
export const coverageCampaignDetail: CampaignDetail = {
  ...coverageCampaign,
  history: [
    { day: addDays(utcToday(), -2), done: 1, notDone: 7 },
    { day: addDays(utcToday(), -1), done: 2, notDone: 6 },
    { day: utcToday(), done: 3, notDone: 5 },
  ],
  owners: [
    { owner: 'group:default/payments', done: 0, notDone: 3 },
    { owner: 'group:default/checkout', done: 1, notDone: 2 },
    { owner: 'group:default/platform', done: 2, notDone: 0 },
  ],
};

export const notDoneEntities: CampaignEntityPage = {
  totalCount: 2,
  items: [
    {
      entityRef: 'component:default/payments-api',
      owner: 'group:default/payments',
      done: false,
      failingChecks: [{ id: 'coverage', title: 'Test coverage' }],
    },
    {
      entityRef: 'component:default/ledger',
      owner: '',
      done: false,
      failingChecks: [{ id: 'coverage', title: 'Test coverage' }],
    },
  ],
};

/** The campaigns payments-api is in: one to do, one done, one overdue. */
export const paymentsCampaigns: EntityCampaign[] = [
  {
    id: coverageCampaign.id,
    title: coverageCampaign.title,
    link: coverageCampaign.link,
    deadline: coverageCampaign.deadline,
    state: 'active',
    done: false,
  },
  {
    id: 'campaign-3',
    title: 'p95 latency under target',
    deadline: addDays(utcToday(), 40),
    state: 'active',
    done: true,
  },
  {
    id: overdueCampaign.id,
    title: overdueCampaign.title,
    deadline: overdueCampaign.deadline,
    state: 'active',
    done: false,
  },
];
