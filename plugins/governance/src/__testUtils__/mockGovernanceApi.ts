import {
  DEFAULT_TRADE_OFF_CRITERIA,
  EntityAdrs,
  ReviewPage,
  ReviewQuery,
} from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceApi } from '../api';
import { reviewSettings } from './reviews';
import { backendError } from './responseErrors';
import type { adrRoutes } from '../api/routes/adrs';
import type { campaignRoutes } from '../api/routes/campaigns';
import type { complianceRoutes } from '../api/routes/compliance';
import type { reviewRoutes } from '../api/routes/reviews';

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

/**
 * A governance API whose every method is a jest mock: the given answers, harmless empty ones
 * where a view always asks (trends, waivers, ADR locations, reviews), and an error naming the
 * method for anything a test did not expect.
 */
export function mockGovernanceApi(
  getEntitySummary: GovernanceApi['getEntitySummary'],
  refreshScorecard: GovernanceApi['refreshScorecard'] = unexpected(
    'refreshScorecard',
  ),
  // No history unless a test gives one, so the scorecard renders without a chart.
  getScorecardTrend: GovernanceApi['getScorecardTrend'] = async (
    entityRef,
    days = 90,
  ) => ({ entityRef, days, points: [] }),
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
  return {
    getEntitySummary: jest.fn(getEntitySummary),
    refreshScorecard: jest.fn(refreshScorecard),
    getScorecardTrend: jest.fn(getScorecardTrend),
    createWaiver: jest.fn(waivers.createWaiver ?? unexpected('createWaiver')),
    revokeWaiver: jest.fn(waivers.revokeWaiver ?? unexpected('revokeWaiver')),
    listWaivers: jest.fn(waivers.listWaivers ?? (async () => [])),
    requestWaiver: jest.fn(
      waivers.requestWaiver ?? unexpected('requestWaiver'),
    ),
    grantWaiver: jest.fn(
      waivers.grantWaiver ?? reviews.grantWaiver ?? unexpected('grantWaiver'),
    ),
    getComplianceRollup: jest.fn(
      compliance.getComplianceRollup ?? unexpected('getComplianceRollup'),
    ),
    getComplianceEntities: jest.fn(
      compliance.getComplianceEntities ?? unexpected('getComplianceEntities'),
    ),
    // No history unless a test gives one, so the view renders without a chart.
    getComplianceTrend: jest.fn(
      compliance.getComplianceTrend ??
        (async (filter = {}) => ({ filter, points: [] })),
    ),
    exportComplianceCsv: jest.fn(
      compliance.exportComplianceCsv ?? unexpected('exportComplianceCsv'),
    ),
    listStandards: jest.fn(
      compliance.listStandards ?? unexpected('listStandards'),
    ),
    listAnnotationProblems: jest.fn(
      compliance.listAnnotationProblems ?? unexpected('listAnnotationProblems'),
    ),
    exportAnnotationProblemsCsv: jest.fn(
      compliance.exportAnnotationProblemsCsv ??
        unexpected('exportAnnotationProblemsCsv'),
    ),
    // No ADR location unless a test gives one, so the Governance tab renders without ADRs.
    getEntityAdrs: jest.fn(
      adrs.getEntityAdrs ??
        (async (entityRef: string): Promise<EntityAdrs> => ({
          entityRef,
          location: { status: 'not-configured' },
          items: [],
        })),
    ),
    refreshEntityAdrs: jest.fn(
      adrs.refreshEntityAdrs ?? unexpected('refreshEntityAdrs'),
    ),
    getAdr: jest.fn(adrs.getAdr ?? unexpected('getAdr')),
    getAdrAsset: jest.fn(adrs.getAdrAsset ?? unexpected('getAdrAsset')),
    getAdrImpact: jest.fn(adrs.getAdrImpact ?? unexpected('getAdrImpact')),
    createRetrospective: jest.fn(
      adrs.createRetrospective ?? unexpected('createRetrospective'),
    ),
    getAdrIndex: jest.fn(adrs.getAdrIndex ?? unexpected('getAdrIndex')),
    listRetrospectives: jest.fn(
      adrs.listRetrospectives ?? unexpected('listRetrospectives'),
    ),
    // No reviews unless a test gives some, so the Governance tab renders an empty list.
    listReviews: jest.fn(reviews.listReviews ?? noReviews),
    getReviewSettings: jest.fn(
      reviews.getReviewSettings ?? (async () => reviewSettings),
    ),
    getReview: jest.fn(reviews.getReview ?? unexpected('getReview')),
    requestReview: jest.fn(
      reviews.requestReview ?? unexpected('requestReview'),
    ),
    updateReview: jest.fn(reviews.updateReview ?? unexpected('updateReview')),
    commentOnReview: jest.fn(
      reviews.commentOnReview ?? unexpected('commentOnReview'),
    ),
    // A design review has no matrix yet unless a test gives one.
    getReviewTradeOff: jest.fn(
      reviews.getReviewTradeOff ??
        (async (reviewId: string) => ({
          reviewId,
          revision: 0,
          criteria: [...DEFAULT_TRADE_OFF_CRITERIA],
          options: [],
          cells: [],
          outcomes: [],
        })),
    ),
    saveReviewTradeOff: jest.fn(
      reviews.saveReviewTradeOff ?? unexpected('saveReviewTradeOff'),
    ),
    saveReviewTradeOffOutcomes: jest.fn(
      reviews.saveReviewTradeOffOutcomes ??
        unexpected('saveReviewTradeOffOutcomes'),
    ),
    // No design review records an ADR unless a test says so: the retrospective shows no matrix.
    getAdrTradeOff: jest.fn(
      adrs.getAdrTradeOff ??
        (async () => {
          throw await backendError(404, 'Not Found', {
            name: 'NotFoundError',
            message: 'No decided design review with a trade-off matrix',
          });
        }),
    ),
    listCampaigns: jest.fn(
      campaigns.listCampaigns ?? unexpected('listCampaigns'),
    ),
    getCampaign: jest.fn(campaigns.getCampaign ?? unexpected('getCampaign')),
    createCampaign: jest.fn(
      campaigns.createCampaign ?? unexpected('createCampaign'),
    ),
    updateCampaign: jest.fn(
      campaigns.updateCampaign ?? unexpected('updateCampaign'),
    ),
    listCampaignEntities: jest.fn(
      campaigns.listCampaignEntities ?? unexpected('listCampaignEntities'),
    ),
    // In no campaign unless a test gives some, so the Governance tab renders an empty list.
    getEntityCampaigns: jest.fn(
      campaigns.getEntityCampaigns ?? (async () => []),
    ),
    listStackTechnologies: jest.fn(unexpected('listStackTechnologies')),
  };
}

/** A governance API for a view that never asks for an entity's summary or trend. */
function mockViewApi(methods: {
  compliance?: Partial<Pick<GovernanceApi, ComplianceMethod>>;
  adrs?: Partial<Pick<GovernanceApi, AdrMethod>>;
  reviews?: Partial<Pick<GovernanceApi, ReviewMethod>>;
  campaigns?: Partial<Pick<GovernanceApi, CampaignMethod>>;
}): jest.Mocked<GovernanceApi> {
  return mockGovernanceApi(
    unexpected('getEntitySummary'),
    undefined,
    unexpected('getScorecardTrend'),
    {},
    methods.compliance,
    methods.adrs,
    methods.reviews,
    methods.campaigns,
  );
}

// Each view's methods are a route family of the client (src/api/routes).
type CampaignMethod = keyof ReturnType<typeof campaignRoutes>;

/** A governance API for the campaign views: only its campaign methods are expected. */
export function mockCampaignApi(
  campaigns: Partial<Pick<GovernanceApi, CampaignMethod>>,
): jest.Mocked<GovernanceApi> {
  return mockViewApi({ campaigns });
}

type ReviewMethod = keyof ReturnType<typeof reviewRoutes>;

/** A governance API for the review views: only its review methods are expected. */
export function mockReviewApi(
  reviews: Partial<Pick<GovernanceApi, ReviewMethod>>,
  adrs: Partial<Pick<GovernanceApi, AdrMethod>> = {},
): jest.Mocked<GovernanceApi> {
  return mockViewApi({ adrs, reviews });
}

type AdrMethod = keyof ReturnType<typeof adrRoutes>;

/** A governance API for the ADR views: only its ADR methods are expected. */
export function mockAdrApi(
  adrs: Partial<Pick<GovernanceApi, AdrMethod>>,
): jest.Mocked<GovernanceApi> {
  return mockViewApi({ adrs });
}

type ComplianceMethod = keyof ReturnType<typeof complianceRoutes>;

/** A governance API for the Compliance view: only its methods are expected. */
export function mockComplianceApi(
  compliance: Partial<Pick<GovernanceApi, ComplianceMethod>>,
): jest.Mocked<GovernanceApi> {
  return mockViewApi({ compliance });
}
