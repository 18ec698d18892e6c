import {
  DEFAULT_TRADE_OFF_CRITERIA,
  ReviewPage,
  ReviewQuery,
} from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceApi } from '../api';
import { adrRoutes } from '../api/routes/adrs';
import { campaignRoutes } from '../api/routes/campaigns';
import { complianceRoutes } from '../api/routes/compliance';
import { reviewRoutes } from '../api/routes/reviews';
import { scorecardRoutes } from '../api/routes/scorecards';
import { Send } from '../api/routes/send';
import { stackRoutes } from '../api/routes/stack';
import { waiverRoutes } from '../api/routes/waivers';
import { reviewSettings } from './reviews';
import { backendError } from './responseErrors';

const neverSends: Send = async () => {
  throw new Error('A mocked governance API sends no request');
};

/**
 * Every method of the API, read from the route families the client is made of, so a method
 * added there is mocked here too.
 */
const METHODS = [
  scorecardRoutes,
  waiverRoutes,
  complianceRoutes,
  adrRoutes,
  reviewRoutes,
  campaignRoutes,
  stackRoutes,
].flatMap(routes => Object.keys(routes(neverSends))) as (keyof GovernanceApi)[];

/** A method a test did not expect: it fails, naming itself. */
function unexpected(method: string) {
  return async (): Promise<never> => {
    throw new Error(`${method} was not expected in this test`);
  };
}

async function noReviews(query: ReviewQuery = {}): Promise<ReviewPage> {
  return {
    items: [],
    totalCount: 0,
    offset: query.offset ?? 0,
    limit: query.limit ?? 25,
  };
}

/** Harmless empty answers where a view always asks (trends, waivers, ADR locations, reviews). */
const EMPTY_ANSWERS: Partial<GovernanceApi> = {
  // No history unless a test gives one, so the scorecard renders without a chart.
  getScorecardTrend: async (entityRef, days = 90) => ({
    entityRef,
    days,
    points: [],
  }),
  listWaivers: async () => [],
  // No history unless a test gives one, so the view renders without a chart.
  getComplianceTrend: async (filter = {}) => ({ filter, points: [] }),
  // No ADR location unless a test gives one, so the Governance tab renders without ADRs.
  getEntityAdrs: async entityRef => ({
    entityRef,
    location: { status: 'not-configured' },
    items: [],
  }),
  // No reviews unless a test gives some, so the Governance tab renders an empty list.
  listReviews: noReviews,
  getReviewSettings: async () => reviewSettings,
  // A design review has no matrix yet unless a test gives one.
  getReviewTradeOff: async reviewId => ({
    reviewId,
    revision: 0,
    criteria: [...DEFAULT_TRADE_OFF_CRITERIA],
    options: [],
    cells: [],
    outcomes: [],
  }),
  // No design review records an ADR unless a test says so: the retrospective shows no matrix.
  getAdrTradeOff: async () => {
    throw await backendError(404, 'Not Found', {
      name: 'NotFoundError',
      message: 'No decided design review with a trade-off matrix',
    });
  },
  // In no campaign unless a test gives some, so the Governance tab renders an empty list.
  getEntityCampaigns: async () => [],
};

/**
 * A governance API whose every method is a jest mock: the answer given, else a harmless empty
 * one where a view always asks, else an error naming the method.
 */
function mockApiAnswering(
  answers: Partial<GovernanceApi>,
): jest.Mocked<GovernanceApi> {
  // Mapping the names loses each method's own signature: the whole object is typed instead.
  const answer = (
    method: keyof GovernanceApi,
  ): ((...args: never[]) => Promise<unknown>) =>
    answers[method] ?? EMPTY_ANSWERS[method] ?? unexpected(method);
  return Object.fromEntries(
    METHODS.map(method => [method, jest.fn(answer(method))]),
  ) as unknown as jest.Mocked<GovernanceApi>;
}

/**
 * A governance API for an entity's pages: the given answers, harmless empty ones where a view
 * always asks, and an error naming the method for anything a test did not expect.
 */
export function mockGovernanceApi(
  getEntitySummary: GovernanceApi['getEntitySummary'],
  refreshScorecard?: GovernanceApi['refreshScorecard'],
  getScorecardTrend?: GovernanceApi['getScorecardTrend'],
  waivers: Partial<
    Pick<
      GovernanceApi,
      | 'createWaiver'
      | 'revokeWaiver'
      | 'listWaivers'
      | 'requestWaiver'
      | 'grantWaiver'
    >
  > = {},
  compliance: Partial<Pick<GovernanceApi, ComplianceMethod>> = {},
  adrs: Partial<Pick<GovernanceApi, AdrMethod>> = {},
  reviews: Partial<Pick<GovernanceApi, ReviewMethod>> = {},
  campaigns: Partial<Pick<GovernanceApi, CampaignMethod>> = {},
): jest.Mocked<GovernanceApi> {
  return mockApiAnswering({
    ...compliance,
    ...adrs,
    ...reviews,
    ...campaigns,
    ...waivers,
    getEntitySummary,
    refreshScorecard,
    getScorecardTrend,
  });
}

/**
 * A governance API for a view outside an entity's pages: only the answers given, and no
 * summary or trend unless a test gives one.
 */
export function mockViewApi(answers: Partial<GovernanceApi>) {
  return mockApiAnswering({
    getScorecardTrend: unexpected('getScorecardTrend'),
    ...answers,
  });
}

// Each view's methods are a route family of the client (src/api/routes).
type CampaignMethod = keyof ReturnType<typeof campaignRoutes>;
type ReviewMethod = keyof ReturnType<typeof reviewRoutes>;
type AdrMethod = keyof ReturnType<typeof adrRoutes>;
type ComplianceMethod = keyof ReturnType<typeof complianceRoutes>;

/** A governance API for the campaign views: only its campaign methods are expected. */
export const mockCampaignApi: (
  campaigns: Partial<Pick<GovernanceApi, CampaignMethod>>,
) => jest.Mocked<GovernanceApi> = mockViewApi;

/** A governance API for the ADR views: only its ADR methods are expected. */
export const mockAdrApi: (
  adrs: Partial<Pick<GovernanceApi, AdrMethod>>,
) => jest.Mocked<GovernanceApi> = mockViewApi;

/** A governance API for the Compliance view: only its methods are expected. */
export const mockComplianceApi: (
  compliance: Partial<Pick<GovernanceApi, ComplianceMethod>>,
) => jest.Mocked<GovernanceApi> = mockViewApi;

/** A governance API for the review views: only its review methods are expected. */
export function mockReviewApi(
  reviews: Partial<Pick<GovernanceApi, ReviewMethod>>,
  adrs: Partial<Pick<GovernanceApi, AdrMethod>> = {},
): jest.Mocked<GovernanceApi> {
  return mockViewApi({ ...adrs, ...reviews });
}

/**
 * An API method that answers `first`, then `later` on every call after: what someone else
 * stored in between, as a test of a conflicting save needs.
 */
export function answersFirstThen<T>(first: T, later: T) {
  return jest
    .fn<Promise<T>, unknown[]>()
    .mockResolvedValueOnce(first)
    .mockResolvedValue(later);
}
