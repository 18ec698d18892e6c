import {
  FactInput,
  PushFactsResponse,
} from '@catalog-governance/backstage-plugin-governance-common';
import { EXIT_PROBLEMS } from '../../lib/errors';
import { createCliClient, refusedWith } from '../../lib/governanceClient';

const HINTS: Record<number, string> = {
  401: 'Check --token or GOVERNANCE_TOKEN: it must be a token the backend accepts, such as a static token under backend.auth.externalAccess.',
  403: 'The token is valid but may not push facts: an external-access token needs the governance plugin (and governance.fact.write, if its access restrictions name permissions) in its access restrictions; a user needs governance.fact.write and membership of the group in governance.factWriters.group.',
  404: 'Check --url or GOVERNANCE_BACKEND_URL: it is the base URL of the Backstage backend, and the governance backend plugin must be installed there.',
};

/**
 * Sends one batch to `POST /api/governance/facts`. A refusal from the backend (400, 401, 403,
 * ...) throws with the backend's own message and exit code 1; a backend that cannot be reached
 * throws with exit code 2.
 */
export async function pushFacts(options: {
  baseUrl: string;
  token: string;
  facts: FactInput[];
}): Promise<PushFactsResponse> {
  const api = createCliClient({
    url: options.baseUrl,
    token: options.token,
    refused: refusedWith(
      'The governance backend refused the facts',
      HINTS,
      EXIT_PROBLEMS,
    ),
  });
  const { data } = await api.request('post', '/facts', {
    body: { facts: options.facts },
  });
  // Every answer but a success has thrown above.
  return data!;
}
