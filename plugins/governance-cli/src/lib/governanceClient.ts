import { ResponseError } from '@backstage/errors';
import {
  createGovernanceApiClient,
  GovernanceApiClient,
} from '@catalog-governance/backstage-plugin-governance-common';
import { EXIT_COULD_NOT_RUN, ExitCodeError } from './errors';

/** Where the backend is and how to sign in, from `--url`/`--token` or their variables. */
export interface BackendOptions {
  url?: string;
  token?: string;
}

/** The backend's URL and token, or an error saying which flag or variable to set. */
export function requireBackend(options: BackendOptions): {
  url: string;
  token: string;
} {
  if (!options.url) {
    throw new ExitCodeError(
      'No backend URL: pass --url or set GOVERNANCE_BACKEND_URL, e.g. https://backstage.example.com',
    );
  }
  if (!options.token) {
    throw new ExitCodeError(
      'No token: pass --token or set GOVERNANCE_TOKEN to a token the backend accepts (backend.auth.externalAccess)',
    );
  }
  return { url: options.url, token: options.token };
}

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

/** A response the backend refused, with the message of its Backstage error body. */
export interface Refusal {
  status: number;
  statusText: string;
  /** The backend's own message, e.g. `No entity component:default/x in the catalog`. */
  message: string;
}

/**
 * A `refused` for {@link createCliClient}: the error says what could not be done, the status,
 * the backend's message and, for some statuses, a hint at what to check.
 */
export function refusedWith(
  what: string,
  hints: Record<number, string>,
  exitCode: number,
): (refusal: Refusal) => ExitCodeError {
  return ({ status, statusText, message }) => {
    const hint = hints[status];
    return new ExitCodeError(
      `${what}: ${status} ${statusText}: ${message}${hint ? `\n${hint}` : ''}`,
      exitCode,
    );
  };
}

/**
 * The generated governance API client, signed in with the bearer token. Every answer that is
 * not a success is handed to `refused`, which turns it into the command's error; a backend that
 * cannot be reached ends with exit code 2.
 */
export function createCliClient(options: {
  url: string;
  token: string;
  refused: (refusal: Refusal) => ExitCodeError;
}): GovernanceApiClient {
  const api = createGovernanceApiClient({
    baseUrl: governanceBaseUrl(options.url),
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
      throw options.refused({
        status: response.status,
        statusText: response.statusText,
        message: error.body?.error?.message ?? error.message,
      });
    },
  });
  return api;
}
