import { ResponseError } from '@backstage/errors';
import {
  createGovernanceApiClient,
  GovernanceApiSchemas,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  EXIT_COULD_NOT_RUN,
  EXIT_PROBLEMS,
  ExitCodeError,
} from '../../lib/errors';

/** One fact as `POST /api/governance/facts` takes it. */
export type FactInput = GovernanceApiSchemas['FactInput'];

/** What the backend answers to an accepted batch. */
export type PushFactsResponse = GovernanceApiSchemas['PushFactsResponse'];

const HINTS: Record<number, string> = {
  401: 'Check --token or GOVERNANCE_TOKEN: it must be a token the backend accepts, such as a static token under backend.auth.externalAccess.',
  403: 'The token is valid but may not push facts: an external-access token needs the governance plugin (and governance.fact.write, if its access restrictions name permissions) in its access restrictions; a user needs governance.fact.write and membership of the group in governance.factWriters.group.',
  404: 'Check --url or GOVERNANCE_BACKEND_URL: it is the base URL of the Backstage backend, and the governance backend plugin must be installed there.',
};

/** The governance API under the backend's base URL. */
export function governanceBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ExitCodeError(
      `--url ${baseUrl} is not a URL; give the backend's base URL, e.g. https://backstage.example.com`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ExitCodeError(`--url ${baseUrl} must be an http(s) URL`);
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/governance`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** A fetch that reports a backend it cannot reach as "could not run" (exit code 2). */
async function fetchOrExit(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } })
      .cause;
    throw new ExitCodeError(
      `Could not reach the governance backend at ${request.url}: ${
        cause?.code ?? cause?.message ?? (error as Error).message
      }`,
      EXIT_COULD_NOT_RUN,
    );
  }
}

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
  const api = createGovernanceApiClient({
    baseUrl: governanceBaseUrl(options.baseUrl),
    headers: {
      Authorization: `Bearer ${options.token}`,
      Accept: 'application/json',
    },
    fetch: fetchOrExit,
  });
  api.use({
    async onResponse({ response }) {
      if (response.ok) {
        return undefined;
      }
      const error = await ResponseError.fromResponse(response);
      const message = error.body?.error?.message ?? error.message;
      const hint = HINTS[response.status];
      throw new ExitCodeError(
        `The governance backend refused the facts: ${response.status} ${
          response.statusText
        }: ${message}${hint ? `\n${hint}` : ''}`,
        EXIT_PROBLEMS,
      );
    },
  });
  const { data } = await api.request('post', '/facts', {
    body: { facts: options.facts },
  });
  // Every answer but a success has thrown above.
  return data!;
}
