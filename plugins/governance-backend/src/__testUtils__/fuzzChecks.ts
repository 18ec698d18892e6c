/*
 * The checks of the route fuzzing: what every answer must look like, and the fast-check run of
 * one route. Test support only.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { MAX_QUOTED_LENGTH } from '@catalog-governance/backstage-plugin-governance-common';
import fc from 'fast-check';
import request from 'supertest';
import { FuzzBackend, sendFuzzRequest } from './fuzzBackend';
import type { FuzzRoute } from './fuzzRoutes';

const ORIGINAL_PROTOTYPE_KEYS = new Set(
  Object.getOwnPropertyNames(Object.prototype),
);

// A batch of facts reports up to 20 problems, each quoting at most MAX_QUOTED_LENGTH characters.
const MAX_MESSAGE_LENGTH = 8_000;
// Generated huge strings repeat one piece: a longer run than a quote means the value was echoed.
const ECHOED = new RegExp(`(.)\\1{${MAX_QUOTED_LENGTH + 10},}`, 'su');
const SERVER_FOLDER = resolvePackagePath(
  '@catalog-governance/backstage-plugin-governance-backend',
);

/**
 * What is wrong with an answer, or undefined: never a 5xx; a 4xx is JSON with a non-empty
 * `error.message` that quotes at most {@link MAX_QUOTED_LENGTH} characters of any value and
 * shows no server folder; a 400 names one of the route's fields, parameters or nouns; and
 * nothing reached Object.prototype (the backend runs in this process).
 */
export function checkFuzzResponse(
  route: FuzzRoute,
  res: request.Response,
): string | undefined {
  const excerpt = () => res.text?.slice(0, 600);
  if (res.status >= 500) {
    return `answered ${res.status}: ${excerpt()}`;
  }
  if (res.status >= 400) {
    if (!/json/.test(res.type)) {
      return `answered ${res.status} as ${res.type}, not JSON: ${excerpt()}`;
    }
    const message = res.body?.error?.message;
    if (typeof message !== 'string' || !message.trim()) {
      return `answered ${res.status} without an error.message: ${excerpt()}`;
    }
    if (message.length > MAX_MESSAGE_LENGTH || ECHOED.test(message)) {
      return `answered ${res.status} quoting too much (${
        message.length
      } characters): ${message.slice(0, 600)}`;
    }
    if (res.text.includes(SERVER_FOLDER)) {
      return `answered ${res.status} showing the server folder: ${excerpt()}`;
    }
    if (
      res.status === 400 &&
      !route.names.some(name =>
        message
          .toLocaleLowerCase('en-US')
          .includes(name.toLocaleLowerCase('en-US')),
      )
    ) {
      return `answered 400 naming none of ${route.names.join(
        ', ',
      )}: ${message.slice(0, 600)}`;
    }
  }
  const polluted = Object.getOwnPropertyNames(Object.prototype).filter(
    key => !ORIGINAL_PROTOTYPE_KEYS.has(key),
  );
  if (polluted.length) {
    return `polluted Object.prototype with ${polluted.join(', ')}`;
  }
  return undefined;
}

/** Options of {@link fuzzRoute}. */
export interface FuzzRunOptions {
  numRuns: number;
  /** Replays a failure: the seed fast-check printed. */
  seed?: number;
  /** Sees every answer, for counting. */
  onResponse?: (res: request.Response) => void;
}

export function seedFromEnv(): number | undefined {
  const seed = process.env.GOVERNANCE_FUZZ_SEED;
  return seed ? Number(seed) : undefined;
}

/**
 * Sends `numRuns` generated requests to one route and throws with a shrunk counterexample when an
 * answer breaks {@link checkFuzzResponse}.
 */
export async function fuzzRoute(
  backend: FuzzBackend,
  route: FuzzRoute,
  options: FuzzRunOptions,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(route.requests(backend.context), async req => {
      const res = await sendFuzzRequest(backend.server, req);
      options.onResponse?.(res);
      if (route.creates && res.status === 201) {
        backend.context[route.creates].push(res.body.id);
      }
      const problem = checkFuzzResponse(route, res);
      if (problem) {
        throw new Error(`${route.name} ${problem}`);
      }
    }),
    {
      numRuns: options.numRuns,
      seed: options.seed ?? seedFromEnv(),
      examples: route.limits(backend.context).map(req => [req]),
    },
  );
}
