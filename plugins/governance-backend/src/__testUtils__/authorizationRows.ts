/*
 * Who may call which route: the principals, permission and a valid call of every route of the
 * contract. Test support only.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Server } from 'node:http';
import {
  PAYMENTS,
  CHECKOUT,
  ADA,
  JANE,
  inDays,
  reviewPatch,
  createWaiver,
  Row,
  fixed,
  both,
  userOnly,
  call,
  bodyIf,
} from './authorizationBackend';
import { decidedTradeOff, tradeOffSave } from './tradeOffFixtures';
import {
  freshWaiverRequestCall,
  grantWaiverCall,
} from './waiverRequestFixtures';

const newCampaign = {
  title: 'Coverage for core services',
  checks: ['coverage'],
  target: { tiers: ['core'] },
  deadline: inDays(30).slice(0, 10),
};

/** A campaign of the core services' coverage, started by Jane: what campaign rows act on. */
async function createCampaign(server: Server) {
  const res = await call(
    server,
    'post',
    '/campaigns',
    mockCredentials.user.header(JANE),
    newCampaign,
  );
  return bodyIf(res, 201, 'Starting a campaign') as { id: string };
}

/** One row per route of the contract (and per permission rule of a route), with a valid call. */
export const AUTHORIZATION_ROWS: Row[] = [
  // router.ts
  {
    route: 'GET /summary',
    principals: both,
    status: 200,
    prepare: fixed(`/summary?entityRef=${PAYMENTS}`),
  },
  {
    route: 'POST /scorecard/refresh',
    principals: both,
    status: 200,
    prepare: fixed(`/scorecard/refresh?entityRef=${PAYMENTS}`),
  },
  {
    route: 'GET /scorecard/trend',
    principals: both,
    status: 200,
    prepare: fixed(`/scorecard/trend?entityRef=${PAYMENTS}&days=7`),
  },
  {
    route: 'GET /waivers',
    principals: both,
    status: 200,
    prepare: fixed(`/waivers?entityRef=${PAYMENTS}`),
  },
  {
    route: 'POST /waivers',
    principals: userOnly,
    permission: 'governance.waiver.create',
    status: 201,
    prepare: fixed('/waivers', {
      entityRef: PAYMENTS,
      checkId: 'coverage',
      reason: 'Legacy module being rewritten this quarter',
      expiresAt: inDays(30),
    }),
  },
  {
    route: 'DELETE /waivers/:id',
    principals: userOnly,
    permission: 'governance.waiver.create',
    status: 200,
    prepare: async ({ server }) => ({
      url: `/waivers/${(await createWaiver(server)).id}`,
    }),
  },
  {
    route: 'POST /facts',
    principals: both,
    permission: 'governance.fact.write',
    status: 201,
    prepare: fixed('/facts', {
      facts: [
        {
          entityRef: PAYMENTS,
          name: 'coverage',
          value: 83.2,
          source: 'ci/github-actions',
        },
      ],
    }),
  },

  // complianceRoutes.ts
  {
    route: 'GET /compliance',
    principals: both,
    status: 200,
    prepare: fixed('/compliance?groupBy=tier'),
  },
  {
    route: 'GET /compliance.csv',
    principals: both,
    status: 200,
    prepare: fixed('/compliance.csv?groupBy=owner'),
  },
  {
    route: 'GET /compliance/entities',
    principals: both,
    status: 200,
    prepare: fixed('/compliance/entities?tier=core'),
  },
  {
    route: 'GET /compliance/entities.csv',
    principals: both,
    status: 200,
    prepare: fixed('/compliance/entities.csv'),
  },
  {
    route: 'GET /compliance/trend',
    principals: both,
    status: 200,
    prepare: fixed('/compliance/trend?days=30'),
  },
  // standardsRoutes.ts
  {
    route: 'GET /standards',
    principals: both,
    status: 200,
    prepare: fixed('/standards?days=30'),
  },
  // stackRoutes.ts
  {
    route: 'GET /stack/technologies',
    principals: both,
    status: 200,
    prepare: fixed('/stack/technologies'),
  },
  // annotationProblemRoutes.ts
  {
    route: 'GET /annotation-problems',
    principals: both,
    status: 200,
    prepare: fixed('/annotation-problems?owner=group:default/team-payments'),
  },
  {
    route: 'GET /annotation-problems.csv',
    principals: both,
    status: 200,
    prepare: fixed('/annotation-problems.csv'),
  },

  // adrRoutes.ts
  {
    route: 'GET /adrs',
    principals: both,
    status: 200,
    prepare: fixed(`/adrs?entityRef=${CHECKOUT}`),
  },
  {
    route: 'POST /adrs/refresh',
    principals: both,
    status: 200,
    prepare: fixed(`/adrs/refresh?entityRef=${CHECKOUT}`),
  },
  {
    route: 'GET /adr-index',
    principals: both,
    status: 200,
    prepare: fixed('/adr-index?status=accepted&sort=date'),
  },
  {
    route: 'GET /adrs/:id',
    principals: both,
    status: 200,
    prepare: async ({ adrId }) => ({ url: `/adrs/${adrId}` }),
  },
  {
    route: 'GET /adrs/:id/assets',
    principals: both,
    status: 200,
    prepare: async ({ adrId }) => ({
      url: `/adrs/${adrId}/assets?path=images/request-flow.svg`,
    }),
  },
  {
    route: 'GET /adrs/:id/impact',
    principals: both,
    status: 200,
    prepare: async ({ adrId }) => ({ url: `/adrs/${adrId}/impact?weeks=2` }),
  },
  {
    route: 'POST /adrs/:id/retrospectives',
    principals: userOnly,
    permission: 'governance.retrospective.create',
    status: 201,
    prepare: async ({ adrId }) => ({
      url: `/adrs/${adrId}/retrospectives`,
      body: { date: '2026-01-20', outcome: 'validated', notes: 'Still right.' },
    }),
  },
  {
    route: 'GET /retrospectives',
    principals: both,
    status: 200,
    prepare: fixed('/retrospectives?limit=10'),
  },

  // reviewRoutes.ts
  {
    route: 'GET /reviews',
    principals: both,
    status: 200,
    prepare: fixed('/reviews?status=open&priority=medium'),
  },
  {
    route: 'GET /reviews/settings',
    principals: both,
    status: 200,
    prepare: fixed('/reviews/settings'),
  },
  {
    route: 'POST /reviews',
    principals: userOnly,
    permission: 'governance.review.create',
    status: 201,
    prepare: fixed('/reviews', {
      entityRef: PAYMENTS,
      kind: 'design-review',
      title: 'Split the checkout database',
    }),
  },
  {
    route: 'GET /reviews/:id',
    principals: both,
    status: 200,
    prepare: async ({ reviewId }) => ({ url: `/reviews/${reviewId}` }),
  },
  {
    route: 'PATCH /reviews/:id',
    variant: 'triage',
    principals: userOnly,
    permission: 'governance.review.triage',
    status: 200,
    prepare: reviewPatch(JANE, { priority: 'high' }),
  },
  {
    route: 'PATCH /reviews/:id',
    variant: 'decide',
    principals: userOnly,
    permission: 'governance.review.decide',
    status: 200,
    prepare: reviewPatch(JANE, {
      status: 'approved',
      rationale: 'The ledger needs its own scaling',
    }),
  },
  {
    route: 'PATCH /reviews/:id',
    variant: "withdraw someone else's",
    principals: userOnly,
    permission: 'governance.review.triage',
    status: 200,
    prepare: reviewPatch(JANE, { status: 'withdrawn' }),
  },
  {
    route: 'PATCH /reviews/:id',
    variant: 'withdraw own',
    principals: userOnly,
    status: 200,
    prepare: reviewPatch(ADA, { status: 'withdrawn' }),
  },
  {
    route: 'POST /reviews/:id/comments',
    principals: userOnly,
    status: 201,
    prepare: async ({ reviewId }) => ({
      url: `/reviews/${reviewId}/comments`,
      body: { body: 'Have we measured the write latency?' },
    }),
  },
  // tradeOffRoutes.ts
  {
    route: 'GET /reviews/:id/trade-off',
    principals: both,
    status: 200,
    prepare: async ({ reviewId }) => ({
      url: `/reviews/${reviewId}/trade-off`,
    }),
  },
  {
    route: 'PUT /reviews/:id/trade-off',
    variant: "someone else's review",
    principals: userOnly,
    permission: 'governance.review.triage',
    status: 200,
    prepare: tradeOffSave(JANE),
  },
  {
    route: 'PUT /reviews/:id/trade-off',
    variant: 'own review',
    principals: userOnly,
    status: 200,
    prepare: tradeOffSave(ADA),
  },
  {
    route: 'PUT /reviews/:id/trade-off/outcomes',
    principals: userOnly,
    permission: 'governance.retrospective.create',
    status: 200,
    prepare: async ({ server }) => ({
      url: `/reviews/${await decidedTradeOff(server)}/trade-off/outcomes`,
      body: {
        revision: 1,
        outcomes: [{ criterionId: 'cost', happened: 'As expected' }],
      },
    }),
  },
  {
    route: 'GET /adrs/:id/trade-off',
    principals: both,
    status: 200,
    prepare: async ({ server, adrId }) => {
      await decidedTradeOff(server, adrId);
      return { url: `/adrs/${adrId}/trade-off` };
    },
  },
  // campaignRoutes.ts
  {
    route: 'GET /campaigns',
    principals: both,
    status: 200,
    prepare: fixed('/campaigns?state=all'),
  },
  {
    route: 'POST /campaigns',
    principals: userOnly,
    permission: 'governance.campaign.manage',
    status: 201,
    prepare: fixed('/campaigns', newCampaign),
  },
  {
    route: 'GET /campaigns/:id',
    principals: both,
    status: 200,
    prepare: async ({ server }) => ({
      url: `/campaigns/${(await createCampaign(server)).id}`,
    }),
  },
  {
    route: 'PATCH /campaigns/:id',
    principals: userOnly,
    permission: 'governance.campaign.manage',
    status: 200,
    prepare: async ({ server }) => ({
      url: `/campaigns/${(await createCampaign(server)).id}`,
      body: { revision: 1, state: 'closed' },
    }),
  },
  {
    route: 'GET /campaigns/:id/entities',
    principals: both,
    status: 200,
    prepare: async ({ server }) => ({
      url: `/campaigns/${
        (await createCampaign(server)).id
      }/entities?done=false`,
    }),
  },
  {
    route: 'GET /entity-campaigns',
    principals: both,
    status: 200,
    prepare: fixed(`/entity-campaigns?entityRef=${PAYMENTS}`),
  },
  // waiverRequestRoutes.ts
  {
    route: 'POST /waiver-requests',
    principals: userOnly,
    permission: 'governance.review.create',
    status: 201,
    prepare: ({ server }) => freshWaiverRequestCall(server),
  },
  {
    route: 'POST /reviews/:id/waiver',
    variant: 'decide',
    principals: userOnly,
    permission: 'governance.review.decide',
    status: 201,
    prepare: ({ server }) => grantWaiverCall(server),
  },
  {
    route: 'POST /reviews/:id/waiver',
    variant: 'grant',
    principals: userOnly,
    permission: 'governance.waiver.create',
    status: 201,
    prepare: ({ server }) => grantWaiverCall(server),
  },
];
