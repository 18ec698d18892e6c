import createClient, { Client, ClientOptions } from 'openapi-fetch';
import type { components, paths } from './openapi.generated';

export type {
  paths as GovernanceApiPaths,
  components as GovernanceApiComponents,
  operations as GovernanceApiOperations,
} from './openapi.generated';

/**
 * The request and response schemas of the governance API, e.g.
 * `GovernanceApiSchemas['EntityGovernanceSummary']`.
 *
 * @public
 */
export type GovernanceApiSchemas = components['schemas'];

/**
 * A typed client of the governance API, see {@link createGovernanceApiClient}.
 *
 * @public
 */
export type GovernanceApiClient = Client<paths>;

/**
 * Creates a typed `openapi-fetch` client of the governance API (`/api/governance`), generated
 * from the backend's `src/schema/openapi.yaml`. Pass the plugin's base URL (from the discovery
 * API) as `baseUrl`, and a `fetch` that adds the caller's credentials, such as the frontend's
 * `fetchApi.fetch`. Lists in the query are sent as repeated parameters, as the API expects.
 *
 * @public
 */
export function createGovernanceApiClient(
  options: ClientOptions,
): GovernanceApiClient {
  return createClient<paths>(options);
}
