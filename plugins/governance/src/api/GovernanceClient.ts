import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  AdrDetail,
  AdrImpact,
  AdrIndexPage,
  AdrIndexQuery,
  AnnotationProblemPage,
  Campaign,
  CampaignDetail,
  CampaignEntityPage,
  CreateCampaignRequest,
  UpdateCampaignRequest,
  ComplianceEntityPage,
  ComplianceFilter,
  ComplianceGroupBy,
  ComplianceRollup,
  ComplianceTrend,
  createGovernanceApiClient,
  CreateRetrospectiveRequest,
  CreateWaiverRequest,
  EntityAdrs,
  EntityCampaign,
  StackTechnologyList,
  EntityGovernanceSummary,
  GovernanceApiClient,
  GrantedWaiver,
  GrantWaiverRequest,
  RequestWaiverRequest,
  Retrospective,
  RetrospectiveOutcomes,
  ReviewComment,
  ReviewItem,
  ReviewItemDetail,
  ReviewPage,
  ReviewQuery,
  ReviewRequest,
  ReviewSettings,
  ReviewUpdate,
  TradeOffMatrix,
  TradeOffMatrixUpdate,
  TradeOffOutcomesUpdate,
  Waiver,
  StandardList,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  CampaignEntityQuery,
  CampaignListState,
  ComplianceCsvRequest,
  EntityScorecardTrend,
  GovernanceApi,
} from './GovernanceApi';
import { adrRoutes } from './routes/adrs';
import { campaignRoutes } from './routes/campaigns';
import { complianceRoutes } from './routes/compliance';
import { reviewRoutes } from './routes/reviews';
import { scorecardRoutes } from './routes/scorecards';
import { throwResponseErrors } from './routes/responseErrors';
import { Send } from './routes/send';
import { stackRoutes } from './routes/stack';
import { waiverRoutes } from './routes/waivers';

/**
 * The default {@link GovernanceApi}, talking to the governance backend through the client
 * generated from its OpenAPI contract. The calls are grouped by route family in `./routes`;
 * this class gives them one public shape.
 *
 * @public
 */
export class GovernanceClient implements GovernanceApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly scorecards: ReturnType<typeof scorecardRoutes>;
  private readonly waivers: ReturnType<typeof waiverRoutes>;
  private readonly compliance: ReturnType<typeof complianceRoutes>;
  private readonly adrs: ReturnType<typeof adrRoutes>;
  private readonly reviews: ReturnType<typeof reviewRoutes>;
  private readonly campaigns: ReturnType<typeof campaignRoutes>;
  private readonly stack: ReturnType<typeof stackRoutes>;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    // The middleware has thrown for every answer that is not a success, so the body is there.
    const send: Send = async <T>(
      request: (api: GovernanceApiClient) => Promise<{ data?: T }>,
    ) => {
      const { data } = await request(await this.api());
      return data as T;
    };
    this.scorecards = scorecardRoutes(send);
    this.waivers = waiverRoutes(send);
    this.compliance = complianceRoutes(send);
    this.adrs = adrRoutes(send);
    this.reviews = reviewRoutes(send);
    this.campaigns = campaignRoutes(send);
    this.stack = stackRoutes(send);
  }

  getEntitySummary(entityRef: string): Promise<EntityGovernanceSummary> {
    return this.scorecards.getEntitySummary(entityRef);
  }

  refreshScorecard(entityRef: string): Promise<EntityGovernanceSummary> {
    return this.scorecards.refreshScorecard(entityRef);
  }

  getScorecardTrend(
    entityRef: string,
    days?: number,
  ): Promise<EntityScorecardTrend> {
    return this.scorecards.getScorecardTrend(entityRef, days);
  }

  createWaiver(request: CreateWaiverRequest): Promise<Waiver> {
    return this.waivers.createWaiver(request);
  }

  requestWaiver(request: RequestWaiverRequest): Promise<ReviewItem> {
    return this.waivers.requestWaiver(request);
  }

  grantWaiver(id: string, request: GrantWaiverRequest): Promise<GrantedWaiver> {
    return this.reviews.grantWaiver(id, request);
  }

  revokeWaiver(id: string): Promise<Waiver> {
    return this.waivers.revokeWaiver(id);
  }

  listWaivers(entityRef: string): Promise<Waiver[]> {
    return this.waivers.listWaivers(entityRef);
  }

  getComplianceRollup(
    groupBy: ComplianceGroupBy,
    filter?: ComplianceFilter,
  ): Promise<ComplianceRollup> {
    return this.compliance.getComplianceRollup(groupBy, filter);
  }

  getComplianceEntities(
    filter?: ComplianceFilter,
    page?: { offset: number; limit: number },
  ): Promise<ComplianceEntityPage> {
    return this.compliance.getComplianceEntities(filter, page);
  }

  listAnnotationProblems(query?: {
    owner?: string;
    offset?: number;
    limit?: number;
  }): Promise<AnnotationProblemPage> {
    return this.compliance.listAnnotationProblems(query);
  }

  exportAnnotationProblemsCsv(query?: { owner?: string }): Promise<Blob> {
    return this.compliance.exportAnnotationProblemsCsv(query);
  }

  getComplianceTrend(
    filter?: ComplianceFilter,
    days?: number,
  ): Promise<ComplianceTrend> {
    return this.compliance.getComplianceTrend(filter, days);
  }

  listStandards(days?: number): Promise<StandardList> {
    return this.compliance.listStandards(days);
  }

  exportComplianceCsv(request: ComplianceCsvRequest): Promise<Blob> {
    return this.compliance.exportComplianceCsv(request);
  }

  getEntityAdrs(entityRef: string): Promise<EntityAdrs> {
    return this.adrs.getEntityAdrs(entityRef);
  }

  refreshEntityAdrs(entityRef: string): Promise<EntityAdrs> {
    return this.adrs.refreshEntityAdrs(entityRef);
  }

  getAdr(id: string): Promise<AdrDetail> {
    return this.adrs.getAdr(id);
  }

  getAdrAsset(id: string, path: string): Promise<Blob> {
    return this.adrs.getAdrAsset(id, path);
  }

  getAdrImpact(id: string, weeks?: number): Promise<AdrImpact> {
    return this.adrs.getAdrImpact(id, weeks);
  }

  createRetrospective(
    id: string,
    request: CreateRetrospectiveRequest,
  ): Promise<Retrospective> {
    return this.adrs.createRetrospective(id, request);
  }

  listRetrospectives(): Promise<RetrospectiveOutcomes> {
    return this.adrs.listRetrospectives();
  }

  getAdrIndex(query?: AdrIndexQuery): Promise<AdrIndexPage> {
    return this.adrs.getAdrIndex(query);
  }

  listReviews(query?: ReviewQuery): Promise<ReviewPage> {
    return this.reviews.listReviews(query);
  }

  getReviewSettings(): Promise<ReviewSettings> {
    return this.reviews.getReviewSettings();
  }

  getReview(id: string): Promise<ReviewItemDetail> {
    return this.reviews.getReview(id);
  }

  requestReview(request: ReviewRequest): Promise<ReviewItem> {
    return this.reviews.requestReview(request);
  }

  updateReview(id: string, update: ReviewUpdate): Promise<ReviewItemDetail> {
    return this.reviews.updateReview(id, update);
  }

  commentOnReview(id: string, body: string): Promise<ReviewComment> {
    return this.reviews.commentOnReview(id, body);
  }

  getReviewTradeOff(id: string): Promise<TradeOffMatrix> {
    return this.reviews.getReviewTradeOff(id);
  }

  saveReviewTradeOff(
    id: string,
    update: TradeOffMatrixUpdate,
  ): Promise<TradeOffMatrix> {
    return this.reviews.saveReviewTradeOff(id, update);
  }

  saveReviewTradeOffOutcomes(
    id: string,
    update: TradeOffOutcomesUpdate,
  ): Promise<TradeOffMatrix> {
    return this.reviews.saveReviewTradeOffOutcomes(id, update);
  }

  getAdrTradeOff(adrId: string): Promise<TradeOffMatrix> {
    return this.adrs.getAdrTradeOff(adrId);
  }

  listCampaigns(state?: CampaignListState): Promise<Campaign[]> {
    return this.campaigns.listCampaigns(state);
  }

  getCampaign(id: string): Promise<CampaignDetail> {
    return this.campaigns.getCampaign(id);
  }

  createCampaign(request: CreateCampaignRequest): Promise<Campaign> {
    return this.campaigns.createCampaign(request);
  }

  updateCampaign(id: string, update: UpdateCampaignRequest): Promise<Campaign> {
    return this.campaigns.updateCampaign(id, update);
  }

  listCampaignEntities(
    id: string,
    query?: CampaignEntityQuery,
  ): Promise<CampaignEntityPage> {
    return this.campaigns.listCampaignEntities(id, query);
  }

  getEntityCampaigns(entityRef: string): Promise<EntityCampaign[]> {
    return this.campaigns.getEntityCampaigns(entityRef);
  }

  listStackTechnologies(): Promise<StackTechnologyList> {
    return this.stack.listStackTechnologies();
  }

  private async api(): Promise<GovernanceApiClient> {
    const api = createGovernanceApiClient({
      baseUrl: await this.discoveryApi.getBaseUrl('governance'),
      // fetchApi rather than global fetch, so the user's Backstage token goes along. It gets the
      // request as URL and init, not as a Request: Backstage's fetch middleware builds a Request
      // from its input and may then pass the input on, which fails for a Request whose body the
      // first copy has already taken ("Request object that has already been used").
      fetch: async request =>
        this.fetchApi.fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body ? await request.text() : undefined,
          signal: request.signal,
        }),
    });
    api.use(throwResponseErrors);
    return api;
  }
}
