import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  COMPLIANCE_GROUP_BY,
  ComplianceEntityPage,
  ComplianceFilter,
  ComplianceGroupBy,
  ComplianceRollup,
  ComplianceTrend,
  CreateWaiverRequest,
  EntityGovernanceSummary,
  Waiver,
} from '@internal/backstage-plugin-governance-common';
import {
  ComplianceCsvRequest,
  EntityScorecardTrend,
  GovernanceApi,
} from './GovernanceApi';

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

  private async request<T>(path: string, init: RequestInit): Promise<T> {
    const response = await this.send(path, init);
    return (await response.json()) as T;
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('governance');
    // fetchApi rather than global fetch, so the user's Backstage token goes along.
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
