import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AdrDetail,
  createGovernanceApiClient,
} from '@catalog-governance/backstage-plugin-governance-common';

/**
 * Reads every stored ADR from the governance backend, a page of the ADR index at a time
 * and then each ADR's body, so the collator never holds more than one page in memory.
 */
export class GovernanceAdrReader {
  constructor(
    private readonly deps: { auth: AuthService; discovery: DiscoveryService },
  ) {}

  async *readAll(pageSize: number): AsyncGenerator<AdrDetail> {
    const client = createGovernanceApiClient({
      baseUrl: await this.deps.discovery.getBaseUrl('governance'),
    });
    for (let offset = 0; ; offset += pageSize) {
      const headers = await this.authorization();
      const page = await client.GET('/adr-index', {
        params: { query: { offset, limit: pageSize, sort: 'entity' } },
        headers,
      });
      if (!page.data) {
        throw await ResponseError.fromResponse(page.response);
      }
      for (const summary of page.data.items) {
        const detail = await client.GET('/adrs/{id}', {
          params: { path: { id: summary.id } },
          headers,
        });
        // An ADR removed between the two requests is simply not indexed this run.
        if (detail.response.status === 404) continue;
        if (!detail.data) {
          throw await ResponseError.fromResponse(detail.response);
        }
        yield detail.data;
      }
      if (offset + page.data.items.length >= page.data.totalItems) return;
      if (page.data.items.length === 0) return;
    }
  }

  private async authorization() {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'governance',
    });
    return { Authorization: `Bearer ${token}` };
  }
}
