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
  reviewPatch,
  createWaiver,
  Row,
  fixed,
  both,
  userOnly,
  signedInRow,
  call,
  bodyIf,
} from './authorizationBackend';
import { inDays } from './dates';
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
  signedInRow('GET /summary', `/summary?entityRef=${PAYMENTS}`),
  signedInRow(
    'POST /scorecard/refresh',
    `/scorecard/refresh?entityRef=${PAYMENTS}`,
  ),
  signedInRow(
    'GET /scorecard/trend',
    `/scorecard/trend?entityRef=${PAYMENTS}&days=7`,
  ),
  signedInRow('GET /waivers', `/waivers?entityRef=${PAYMENTS}`),
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
  signedInRow('GET /compliance', '/compliance?groupBy=tier'),
  signedInRow('GET /compliance.csv', '/compliance.csv?groupBy=owner'),
  signedInRow('GET /compliance/entities', '/compliance/entities?tier=core'),
  signedInRow('GET /compliance/entities.csv', '/compliance/entities.csv'),
  signedInRow('GET /compliance/trend', '/compliance/trend?days=30'),
  // standardsRoutes.ts
  signedInRow('GET /standards', '/standards?days=30'),
  // stackRoutes.ts
  signedInRow('GET /stack/technologies', '/stack/technologies'),
  // annotationProblemRoutes.ts
  signedInRow(
    'GET /annotation-problems',
    '/annotation-problems?owner=group:default/team-payments',
  ),
  signedInRow('GET /annotation-problems.csv', '/annotation-problems.csv'),

  // adrRoutes.ts
  signedInRow('GET /adrs', `/adrs?entityRef=${CHECKOUT}`),
  signedInRow('POST /adrs/refresh', `/adrs/refresh?entityRef=${CHECKOUT}`),
  signedInRow('GET /adr-index', '/adr-index?status=accepted&sort=date'),
  signedInRow('GET /adrs/:id', async ({ adrId }) => ({
    url: `/adrs/${adrId}`,
  })),
  signedInRow('GET /adrs/:id/assets', async ({ adrId }) => ({
    url: `/adrs/${adrId}/assets?path=images/request-flow.svg`,
  })),
  signedInRow('GET /adrs/:id/impact', async ({ adrId }) => ({
    url: `/adrs/${adrId}/impact?weeks=2`,
  })),
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
  signedInRow('GET /retrospectives', '/retrospectives?limit=10'),

  // reviewRoutes.ts
  signedInRow('GET /reviews', '/reviews?status=open&priority=medium'),
  signedInRow('GET /reviews/settings', '/reviews/settings'),
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
  signedInRow('GET /reviews/:id', async ({ reviewId }) => ({
    url: `/reviews/${reviewId}`,
  })),
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
  signedInRow('GET /reviews/:id/trade-off', async ({ reviewId }) => ({
    url: `/reviews/${reviewId}/trade-off`,
  })),
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
  signedInRow('GET /adrs/:id/trade-off', async ({ server, adrId }) => {
    await decidedTradeOff(server, adrId);
    return { url: `/adrs/${adrId}/trade-off` };
  }),
  // campaignRoutes.ts
  signedInRow('GET /campaigns', '/campaigns?state=all'),
  {
    route: 'POST /campaigns',
    principals: userOnly,
    permission: 'governance.campaign.manage',
    status: 201,
    prepare: fixed('/campaigns', newCampaign),
  },
  signedInRow('GET /campaigns/:id', async ({ server }) => ({
    url: `/campaigns/${(await createCampaign(server)).id}`,
  })),
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
  signedInRow('GET /campaigns/:id/entities', async ({ server }) => ({
    url: `/campaigns/${(await createCampaign(server)).id}/entities?done=false`,
  })),
  signedInRow(
    'GET /entity-campaigns',
    `/entity-campaigns?entityRef=${PAYMENTS}`,
  ),
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
