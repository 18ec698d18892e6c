import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CreateWaiverRequest,
  EntityGovernanceSummary,
  Waiver,
} from '@internal/backstage-plugin-governance-common';
import { EntityScorecardTrend, GovernanceApi } from './GovernanceApi';

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

  private async request<T>(path: string, init: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('governance');
    // fetchApi rather than global fetch, so the user's Backstage token goes along.
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
