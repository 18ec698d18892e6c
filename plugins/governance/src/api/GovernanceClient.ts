import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AdrDetail,
  AdrImpact,
  AdrIndexPage,
  AdrIndexQuery,
  COMPLIANCE_GROUP_BY,
  ComplianceEntityPage,
  ComplianceFilter,
  ComplianceGroupBy,
  ComplianceRollup,
  ComplianceTrend,
  CreateRetrospectiveRequest,
  CreateWaiverRequest,
  EntityAdrs,
  EntityGovernanceSummary,
  Retrospective,
  ReviewComment,
  ReviewItem,
  ReviewItemDetail,
  ReviewPage,
  ReviewQuery,
  ReviewRequest,
  ReviewSettings,
  ReviewUpdate,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  ComplianceCsvRequest,
  EntityScorecardTrend,
  GovernanceApi,
} from './GovernanceApi';
import { ReviewConflictError } from './ReviewConflictError';

/**
 * Sets one query parameter per filtered dimension. An empty value is sent as is: it selects
 * the entities without that dimension, which leaving it out would not.
 */
function setFilter(query: URLSearchParams, filter: ComplianceFilter = {}) {
  for (const dimension of COMPLIANCE_GROUP_BY) {
    const value = filter[dimension];
    if (value !== undefined) {
      query.set(dimension, value);
    }
  }
  return query;
}

/** The ADR index query as parameters: one per value for the filters that take several. */
function adrIndexParams(query: AdrIndexQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of query.status ?? []) {
    params.append('status', status);
  }
  const single = ['owner', 'system', 'from', 'to', 'q'] as const;
  for (const key of single) {
    const value = query[key];
    if (value) {
      params.set(key, value);
    }
  }
  for (const state of query.retrospective ?? []) {
    params.append('retrospective', state);
  }
  if (query.sort) {
    params.set('sort', query.sort);
  }
  if (query.order) {
    params.set('order', query.order);
  }
  if (query.offset !== undefined) {
    params.set('offset', String(query.offset));
  }
  if (query.limit !== undefined) {
    params.set('limit', String(query.limit));
  }
  return params;
}

/**
 * The review query as parameters. Lists go comma-separated in one parameter; an empty assignee
 * is sent as is, because it selects the unassigned items.
 */
function reviewParams(query: ReviewQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.entityRef) {
    params.set('entityRef', query.entityRef);
  }
  const lists = ['status', 'kind', 'priority'] as const;
  for (const key of lists) {
    const values = query[key];
    if (values && values.length > 0) {
      params.set(key, values.join(','));
    }
  }
  if (query.assignee !== undefined) {
    params.set('assignee', query.assignee);
  }
  if (query.overdue) {
    params.set('overdue', 'true');
  }
  if (query.offset !== undefined) {
    params.set('offset', String(query.offset));
  }
  if (query.limit !== undefined) {
    params.set('limit', String(query.limit));
  }
  return params;
}

/**
 * The item a 409 from `PATCH /reviews/:id` carries beside the error, when it does, and the
 * backend's reason.
 */
async function readConflict(
  response: Response,
): Promise<{ item: ReviewItemDetail; message?: string } | undefined> {
  try {
    const body = await response.clone().json();
    if (body && typeof body.item === 'object' && body.item !== null) {
      const message = body.error?.message;
      return {
        item: body.item as ReviewItemDetail,
        message: typeof message === 'string' ? message : undefined,
      };
    }
  } catch {
    // Not the conflict body: the ResponseError below describes what came back.
  }
  return undefined;
}

/**
 * The default {@link GovernanceApi}, talking to the governance backend over HTTP.
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
    const query = new URLSearchParams({ entityRef });
    return await this.request<EntityGovernanceSummary>(`/summary?${query}`, {
      method: 'GET',
    });
  }

  async refreshScorecard(entityRef: string): Promise<EntityGovernanceSummary> {
    const query = new URLSearchParams({ entityRef });
    return await this.request<EntityGovernanceSummary>(
      `/scorecard/refresh?${query}`,
      { method: 'POST' },
    );
  }

  async getScorecardTrend(
    entityRef: string,
    days?: number,
  ): Promise<EntityScorecardTrend> {
    const query = new URLSearchParams({ entityRef });
    if (days !== undefined) {
      query.set('days', String(days));
    }
    return await this.request<EntityScorecardTrend>(
      `/scorecard/trend?${query}`,
      { method: 'GET' },
    );
  }

  async createWaiver(request: CreateWaiverRequest): Promise<Waiver> {
    return await this.request<Waiver>('/waivers', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async revokeWaiver(id: string): Promise<Waiver> {
    return await this.request<Waiver>(`/waivers/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
  }

  async listWaivers(entityRef: string): Promise<Waiver[]> {
    const query = new URLSearchParams({ entityRef });
    const { items } = await this.request<{ items: Waiver[] }>(
      `/waivers?${query}`,
      { method: 'GET' },
    );
    return items;
  }

  async getComplianceRollup(
    groupBy: ComplianceGroupBy,
    filter?: ComplianceFilter,
  ): Promise<ComplianceRollup> {
    const query = setFilter(new URLSearchParams({ groupBy }), filter);
    return await this.request<ComplianceRollup>(`/compliance?${query}`, {
      method: 'GET',
    });
  }

  async getComplianceEntities(
    filter?: ComplianceFilter,
    page?: { offset: number; limit: number },
  ): Promise<ComplianceEntityPage> {
    const query = setFilter(new URLSearchParams(), filter);
    if (page) {
      query.set('offset', String(page.offset));
      query.set('limit', String(page.limit));
    }
    return await this.request<ComplianceEntityPage>(
      `/compliance/entities?${query}`,
      { method: 'GET' },
    );
  }

  async getComplianceTrend(
    filter?: ComplianceFilter,
    days?: number,
  ): Promise<ComplianceTrend> {
    const query = new URLSearchParams();
    if (days !== undefined) {
      query.set('days', String(days));
    }
    setFilter(query, filter);
    return await this.request<ComplianceTrend>(`/compliance/trend?${query}`, {
      method: 'GET',
    });
  }

  async exportComplianceCsv(request: ComplianceCsvRequest): Promise<Blob> {
    const path =
      request.view === 'groups'
        ? `/compliance.csv?${setFilter(
            new URLSearchParams({ groupBy: request.groupBy }),
            request.filter,
          )}`
        : `/compliance/entities.csv?${setFilter(
            new URLSearchParams(),
            request.filter,
          )}`;
    const response = await this.send(path, { method: 'GET' });
    return await response.blob();
  }

  async getEntityAdrs(entityRef: string): Promise<EntityAdrs> {
    const query = new URLSearchParams({ entityRef });
    return await this.request<EntityAdrs>(`/adrs?${query}`, { method: 'GET' });
  }

  async refreshEntityAdrs(entityRef: string): Promise<EntityAdrs> {
    const query = new URLSearchParams({ entityRef });
    return await this.request<EntityAdrs>(`/adrs/refresh?${query}`, {
      method: 'POST',
    });
  }

  async getAdr(id: string): Promise<AdrDetail> {
    return await this.request<AdrDetail>(`/adrs/${encodeURIComponent(id)}`, {
      method: 'GET',
    });
  }

  async getAdrAsset(id: string, path: string): Promise<Blob> {
    const query = new URLSearchParams({ path });
    const response = await this.send(
      `/adrs/${encodeURIComponent(id)}/assets?${query}`,
      { method: 'GET' },
    );
    return await response.blob();
  }

  async getAdrImpact(id: string, weeks?: number): Promise<AdrImpact> {
    const query = new URLSearchParams();
    if (weeks !== undefined) {
      query.set('weeks', String(weeks));
    }
    return await this.request<AdrImpact>(
      `/adrs/${encodeURIComponent(id)}/impact?${query}`,
      { method: 'GET' },
    );
  }

  async createRetrospective(
    id: string,
    request: CreateRetrospectiveRequest,
  ): Promise<Retrospective> {
    return await this.request<Retrospective>(
      `/adrs/${encodeURIComponent(id)}/retrospectives`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  }

  async getAdrIndex(query: AdrIndexQuery = {}): Promise<AdrIndexPage> {
    return await this.request<AdrIndexPage>(
      `/adr-index?${adrIndexParams(query)}`,
      { method: 'GET' },
    );
  }

  async listReviews(query: ReviewQuery = {}): Promise<ReviewPage> {
    return await this.request<ReviewPage>(`/reviews?${reviewParams(query)}`, {
      method: 'GET',
    });
  }

  async getReviewSettings(): Promise<ReviewSettings> {
    return await this.request<ReviewSettings>('/reviews/settings', {
      method: 'GET',
    });
  }

  async getReview(id: string): Promise<ReviewItemDetail> {
    return await this.request<ReviewItemDetail>(
      `/reviews/${encodeURIComponent(id)}`,
      { method: 'GET' },
    );
  }

  async requestReview(request: ReviewRequest): Promise<ReviewItem> {
    return await this.request<ReviewItem>('/reviews', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  async updateReview(
    id: string,
    update: ReviewUpdate,
  ): Promise<ReviewItemDetail> {
    const response = await this.fetch(`/reviews/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(update),
    });
    if (response.ok) {
      return (await response.json()) as ReviewItemDetail;
    }
    const conflict =
      response.status === 409 ? await readConflict(response) : undefined;
    const error = await ResponseError.fromResponse(response);
    if (conflict) {
      throw new ReviewConflictError(
        conflict.message ?? error.cause.message,
        conflict.item,
      );
    }
    throw error;
  }

  async commentOnReview(id: string, body: string): Promise<ReviewComment> {
    return await this.request<ReviewComment>(
      `/reviews/${encodeURIComponent(id)}/comments`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body }),
      },
    );
  }

  private async request<T>(path: string, init: RequestInit): Promise<T> {
    const response = await this.send(path, init);
    return (await response.json()) as T;
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const response = await this.fetch(path, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('governance');
    // fetchApi rather than global fetch, so the user's Backstage token goes along.
    return await this.fetchApi.fetch(`${baseUrl}${path}`, init);
  }
}
