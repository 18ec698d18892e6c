import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
  COMPLIANCE_GROUP_BY,
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
import { ReviewConflictError } from './ReviewConflictError';

type Middleware = Parameters<GovernanceApiClient['use']>[0];

/** Turns every answer that is not a success into the backend's error, before it is parsed. */
const throwResponseErrors: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return undefined;
  },
};

/**
 * A 409 from `PATCH /reviews/{id}` or `POST /reviews/{id}/waiver` carries the item as it is now beside the error; Backstage's
 * error body (and so ResponseError) has no room for it.
 */
const throwReviewConflicts: Middleware = {
  async onResponse({ response }) {
    if (response.status !== 409) {
      return undefined;
    }
    let body;
    try {
      body = await response.clone().json();
    } catch {
      // Not the conflict body: the ResponseError describes what came back.
      return undefined;
    }
    if (typeof body?.item !== 'object' || body.item === null) {
      return undefined;
    }
    const message =
      typeof body.error?.message === 'string'
        ? body.error.message
        : (await ResponseError.fromResponse(response)).cause.message;
    throw new ReviewConflictError(message, body.item as ReviewItemDetail);
  },
};

/**
 * The filtered dimensions only. An empty value stays: it selects the entities without that
 * dimension, which leaving it out would not.
 */
function filterQuery(filter: ComplianceFilter = {}): ComplianceFilter {
  const query: ComplianceFilter = {};
  for (const dimension of COMPLIANCE_GROUP_BY) {
    if (filter[dimension] !== undefined) {
      query[dimension] = filter[dimension];
    }
  }
  return query;
}

/** An empty text filter is no filter: it is left out of the query. */
const unlessEmpty = (value?: string) => value || undefined;

/**
 * The body of a successful answer; the middleware has thrown for every other one, so it is
 * there.
 */
async function dataOf<T>(answer: Promise<{ data?: T }>): Promise<T> {
  const { data } = await answer;
  return data as T;
}

/**
 * The default {@link GovernanceApi}, talking to the governance backend through the client
 * generated from its OpenAPI contract.
 *
 * @public
 */
export class GovernanceClient implements GovernanceApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntitySummary(entityRef: string): Promise<EntityGovernanceSummary> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/summary', { params: { query: { entityRef } } }),
    );
  }

  async refreshScorecard(entityRef: string): Promise<EntityGovernanceSummary> {
    const api = await this.api();
    return await dataOf(
      api.request('post', '/scorecard/refresh', {
        params: { query: { entityRef } },
      }),
    );
  }

  async getScorecardTrend(
    entityRef: string,
    days?: number,
  ): Promise<EntityScorecardTrend> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/scorecard/trend', {
        params: { query: { entityRef, days } },
      }),
    );
  }

  async createWaiver(request: CreateWaiverRequest): Promise<Waiver> {
    const api = await this.api();
    return await dataOf(api.request('post', '/waivers', { body: request }));
  }

  async requestWaiver(request: RequestWaiverRequest): Promise<ReviewItem> {
    const api = await this.api();
    return await dataOf(
      api.request('post', '/waiver-requests', { body: request }),
    );
  }

  async grantWaiver(
    id: string,
    request: GrantWaiverRequest,
  ): Promise<GrantedWaiver> {
    const api = await this.api();
    return await dataOf(
      api.request('post', '/reviews/{id}/waiver', {
        params: { path: { id } },
        body: request,
        middleware: [throwReviewConflicts],
      }),
    );
  }

  async revokeWaiver(id: string): Promise<Waiver> {
    const api = await this.api();
    return await dataOf(
      api.request('delete', '/waivers/{id}', { params: { path: { id } } }),
    );
  }

  async listWaivers(entityRef: string): Promise<Waiver[]> {
    const api = await this.api();
    const { items } = await dataOf(
      api.request('get', '/waivers', { params: { query: { entityRef } } }),
    );
    return items;
  }

  async getComplianceRollup(
    groupBy: ComplianceGroupBy,
    filter?: ComplianceFilter,
  ): Promise<ComplianceRollup> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/compliance', {
        params: { query: { groupBy, ...filterQuery(filter) } },
      }),
    );
  }

  async getComplianceEntities(
    filter?: ComplianceFilter,
    page?: { offset: number; limit: number },
  ): Promise<ComplianceEntityPage> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/compliance/entities', {
        params: { query: { ...filterQuery(filter), ...page } },
      }),
    );
  }

  async listAnnotationProblems(
    query: { owner?: string; offset?: number; limit?: number } = {},
  ): Promise<AnnotationProblemPage> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/annotation-problems', { params: { query } }),
    );
  }

  async exportAnnotationProblemsCsv(
    query: { owner?: string } = {},
  ): Promise<Blob> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/annotation-problems.csv', {
        params: { query },
        parseAs: 'blob',
      }),
    );
  }

  async getComplianceTrend(
    filter?: ComplianceFilter,
    days?: number,
  ): Promise<ComplianceTrend> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/compliance/trend', {
        params: { query: { days, ...filterQuery(filter) } },
      }),
    );
  }

  async listStandards(days?: number): Promise<StandardList> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/standards', { params: { query: { days } } }),
    );
  }

  async exportComplianceCsv(request: ComplianceCsvRequest): Promise<Blob> {
    const api = await this.api();
    const filter = filterQuery(request.filter);
    // Through the fetch API rather than a link, so the user's token goes along.
    return await dataOf(
      request.view === 'groups'
        ? api.request('get', '/compliance.csv', {
            params: { query: { groupBy: request.groupBy, ...filter } },
            parseAs: 'blob',
          })
        : api.request('get', '/compliance/entities.csv', {
            params: { query: filter },
            parseAs: 'blob',
          }),
    );
  }

  async getEntityAdrs(entityRef: string): Promise<EntityAdrs> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/adrs', { params: { query: { entityRef } } }),
    );
  }

  async refreshEntityAdrs(entityRef: string): Promise<EntityAdrs> {
    const api = await this.api();
    return await dataOf(
      api.request('post', '/adrs/refresh', {
        params: { query: { entityRef } },
      }),
    );
  }

  async getAdr(id: string): Promise<AdrDetail> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/adrs/{id}', { params: { path: { id } } }),
    );
  }

  async getAdrAsset(id: string, path: string): Promise<Blob> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/adrs/{id}/assets', {
        params: { path: { id }, query: { path } },
        parseAs: 'blob',
      }),
    );
  }

  async getAdrImpact(id: string, weeks?: number): Promise<AdrImpact> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/adrs/{id}/impact', {
        params: { path: { id }, query: { weeks } },
      }),
    );
  }

  async createRetrospective(
    id: string,
    request: CreateRetrospectiveRequest,
  ): Promise<Retrospective> {
    const api = await this.api();
    return await dataOf(
      api.request('post', '/adrs/{id}/retrospectives', {
        params: { path: { id } },
        body: request,
      }),
    );
  }

  async listRetrospectives(): Promise<RetrospectiveOutcomes> {
    const api = await this.api();
    return await dataOf(api.request('get', '/retrospectives', {}));
  }

  async getAdrIndex(query: AdrIndexQuery = {}): Promise<AdrIndexPage> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/adr-index', {
        params: {
          query: {
            ...query,
            owner: unlessEmpty(query.owner),
            system: unlessEmpty(query.system),
            from: unlessEmpty(query.from),
            to: unlessEmpty(query.to),
            q: unlessEmpty(query.q),
            sort: query.sort || undefined,
            order: query.order || undefined,
          },
        },
      }),
    );
  }

  async listReviews(query: ReviewQuery = {}): Promise<ReviewPage> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/reviews', {
        params: {
          query: {
            ...query,
            entityRef: unlessEmpty(query.entityRef),
            // Only asked for when true: false would not mean "not overdue" to the backend.
            overdue: query.overdue || undefined,
          },
        },
      }),
    );
  }

  async getReviewSettings(): Promise<ReviewSettings> {
    const api = await this.api();
    return await dataOf(api.request('get', '/reviews/settings'));
  }

  async getReview(id: string): Promise<ReviewItemDetail> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/reviews/{id}', { params: { path: { id } } }),
    );
  }

  async requestReview(request: ReviewRequest): Promise<ReviewItem> {
    const api = await this.api();
    return await dataOf(api.request('post', '/reviews', { body: request }));
  }

  async updateReview(
    id: string,
    update: ReviewUpdate,
  ): Promise<ReviewItemDetail> {
    const api = await this.api();
    return await dataOf(
      api.request('patch', '/reviews/{id}', {
        params: { path: { id } },
        body: update,
        middleware: [throwReviewConflicts],
      }),
    );
  }

  async commentOnReview(id: string, body: string): Promise<ReviewComment> {
    const api = await this.api();
    return await dataOf(
      api.request('post', '/reviews/{id}/comments', {
        params: { path: { id } },
        body: { body },
      }),
    );
  }

  async getReviewTradeOff(id: string): Promise<TradeOffMatrix> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/reviews/{id}/trade-off', {
        params: { path: { id } },
      }),
    );
  }

  async saveReviewTradeOff(
    id: string,
    update: TradeOffMatrixUpdate,
  ): Promise<TradeOffMatrix> {
    const api = await this.api();
    return await dataOf(
      api.request('put', '/reviews/{id}/trade-off', {
        params: { path: { id } },
        body: update,
      }),
    );
  }

  async saveReviewTradeOffOutcomes(
    id: string,
    update: TradeOffOutcomesUpdate,
  ): Promise<TradeOffMatrix> {
    const api = await this.api();
    return await dataOf(
      api.request('put', '/reviews/{id}/trade-off/outcomes', {
        params: { path: { id } },
        body: update,
      }),
    );
  }

  async getAdrTradeOff(adrId: string): Promise<TradeOffMatrix> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/adrs/{id}/trade-off', {
        params: { path: { id: adrId } },
      }),
    );
  }

  async listCampaigns(state?: CampaignListState): Promise<Campaign[]> {
    const api = await this.api();
    const { items } = await dataOf(
      api.request('get', '/campaigns', { params: { query: { state } } }),
    );
    return items;
  }

  async getCampaign(id: string): Promise<CampaignDetail> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/campaigns/{id}', { params: { path: { id } } }),
    );
  }

  async createCampaign(request: CreateCampaignRequest): Promise<Campaign> {
    const api = await this.api();
    return await dataOf(api.request('post', '/campaigns', { body: request }));
  }

  async updateCampaign(
    id: string,
    update: UpdateCampaignRequest,
  ): Promise<Campaign> {
    const api = await this.api();
    return await dataOf(
      api.request('patch', '/campaigns/{id}', {
        params: { path: { id } },
        body: update,
      }),
    );
  }

  async listCampaignEntities(
    id: string,
    query: CampaignEntityQuery = {},
  ): Promise<CampaignEntityPage> {
    const api = await this.api();
    return await dataOf(
      api.request('get', '/campaigns/{id}/entities', {
        params: { path: { id }, query },
      }),
    );
  }

  async getEntityCampaigns(entityRef: string): Promise<EntityCampaign[]> {
    const api = await this.api();
    const { items } = await dataOf(
      api.request('get', '/entity-campaigns', {
        params: { query: { entityRef } },
      }),
    );
    return items;
  }

  async listStackTechnologies(): Promise<StackTechnologyList> {
    const api = await this.api();
    return await dataOf(api.request('get', '/stack/technologies'));
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
