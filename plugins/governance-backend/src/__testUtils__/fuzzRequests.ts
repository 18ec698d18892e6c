/*
 * Generators of whole hostile requests (query strings, path ids, bodies, callers) from a route's
 * fields, for the route fuzzing (fuzzRoutes.ts). Test support only.
 */
import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../service/inputLimits';
import {
  bigBody,
  deepestNesting,
  encode,
  hostileValue,
  json,
  objectOf,
  PROTOTYPE_KEYS,
  queryValue,
  RAW_IDS,
  rawBody,
  shortString,
} from './fuzzValues';

export type Method = 'get' | 'post' | 'patch' | 'delete';
export type Auth = 'user' | 'council' | 'service' | 'none' | 'garbage';

/** One generated request, printable as a counterexample. */
export interface FuzzRequest {
  method: Method;
  /** The path below /api/governance, any id already percent-encoded. */
  path: string;
  /** The raw query string, without the `?`. */
  query: string;
  /** The body as sent, so malformed JSON and prototype keys survive. */
  body?: { type: string; text: string };
  auth: Auth;
}

/**
 * What the backend holds, so generated requests can hit real ids. The id lists grow as the
 * fuzzer creates waivers and reviews, so fresh items (at version 1) are updated too.
 */
export interface FuzzContext {
  entityRefs: string[];
  waiverIds: string[];
  reviewIds: string[];
  adrIds: string[];
}

/** Generates a body field's values; reads the context when generating, as its id lists grow. */
export type Values = (context: FuzzContext) => fc.Arbitrary<unknown>;
/** Generates a query parameter's values, as text before encoding. */
export type Texts = (context: FuzzContext) => fc.Arbitrary<string>;

const BRACKETS = ['', '', '', '', '[]', '[0]', '[1]', '[x]', '[__proto__]'];

export function queryString(
  params: Record<string, Texts>,
  context: FuzzContext,
): fc.Arbitrary<string> {
  const names = Object.keys(params);
  const valid = names.map(name =>
    params[name](context).map(value => `${name}=${encode(value)}`),
  );
  // Each parameter at most once, with a value that looks right: reaches the route's deeper checks.
  const wellFormed = valid.length
    ? fc
        .tuple(...valid.map(pair => fc.option(pair, { freq: 3 })))
        .map(pairs => pairs.filter(Boolean).join('&'))
    : fc.constant('');
  const hostilePair = fc.oneof(
    ...(valid.length ? [{ weight: 3, arbitrary: fc.oneof(...valid) }] : []),
    ...(names.length
      ? [
          {
            weight: 4,
            arbitrary: fc
              .tuple(
                fc.constantFrom(...names),
                fc.constantFrom(...BRACKETS),
                queryValue,
                fc.boolean(),
              )
              .map(([name, brackets, value, bare]) =>
                bare && value === ''
                  ? `${name}${brackets}`
                  : `${name}${brackets}=${value}`,
              ),
          },
        ]
      : []),
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.oneof(shortString.map(encode), fc.constantFrom(...PROTOTYPE_KEYS)),
          queryValue,
        )
        .map(([name, value]) => `${name}=${value}`),
    },
  );
  const hostile = fc.array(hostilePair, { maxLength: 8 }).map(pairs => {
    // Node answers a request line over 16 KB itself, before any route: stay below it.
    const kept: string[] = [];
    let length = 0;
    for (const pair of pairs) {
      length += pair.length + 1;
      if (length > 8000) {
        break;
      }
      kept.push(pair);
    }
    return kept.join('&');
  });
  return fc.oneof(wellFormed, hostile);
}

export function pathId(known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    // Read when generated, not when built: the list grows while the fuzzer runs.
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.nat(), fc.uuid())
        .map(([i, uuid]) =>
          known.length ? known[known.length - 1 - (i % known.length)] : uuid,
        ),
    },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 2,
      arbitrary: shortString.map(encode).filter(id => id.length > 0),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_IDS) },
  );
}

function bigBodies(
  names: string[],
): fc.Arbitrary<{ type: string; text: string }> {
  return fc
    .tuple(
      fc.constantFrom(...(names.length ? names : ['a'])),
      fc.oneof(
        fc.integer({ min: 1_000_000, max: MAX_BODY_BYTES }),
        fc.integer({ min: MAX_BODY_BYTES - 64, max: MAX_BODY_BYTES + 64 }),
      ),
      fc.boolean(),
    )
    .map(([name, size, wide]) => bigBody(name, size, wide));
}

/** Mixes in, rarely, bodies at the limits: nested up to 100,000 deep, or megabytes large. */
function withLimits(
  usual: fc.Arbitrary<{ type: string; text: string }>,
  names: string[],
): fc.Arbitrary<{ type: string; text: string }> {
  return fc.oneof(
    { weight: 196, arbitrary: usual },
    { weight: 3, arbitrary: deepestNesting.map(json) },
    { weight: 1, arbitrary: bigBodies(names) },
  );
}

export function body(
  fields: Record<string, Values>,
  context: FuzzContext,
  extra?: fc.Arbitrary<unknown>,
): fc.Arbitrary<{ type: string; text: string }> {
  const names = Object.keys(fields);
  if (!names.length) {
    return withLimits(
      fc.oneof(
        { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }).map(json) },
        { weight: 1, arbitrary: rawBody },
      ),
      names,
    );
  }
  const valid = fc
    .tuple(
      ...names.map(name =>
        fc
          .option(fields[name](context), { freq: 6, nil: undefined })
          .map(value => [name, value] as [string, unknown]),
      ),
    )
    .map(entries => objectOf(entries.filter(([, v]) => v !== undefined)));
  // The real fields, some holding wrong types, some missing, plus keys nobody expects.
  const mutated = fc
    .tuple(
      valid,
      fc.array(
        fc.tuple(
          fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...names) },
            { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
            { weight: 1, arbitrary: shortString },
          ),
          hostileValue,
        ),
        { minLength: 1, maxLength: 4 },
      ),
      fc.subarray(names),
    )
    .map(([base, overrides, removed]) =>
      objectOf([
        ...Object.entries(base).filter(([key]) => !removed.includes(key)),
        ...overrides,
      ]),
    );
  return withLimits(
    fc.oneof(
      { weight: extra ? 2 : 4, arbitrary: valid.map(json) },
      { weight: 5, arbitrary: mutated.map(json) },
      ...(extra ? [{ weight: 4, arbitrary: extra.map(json) }] : []),
      { weight: 1, arbitrary: hostileValue.map(json) },
      { weight: 1, arbitrary: fc.array(valid, { maxLength: 3 }).map(json) },
      { weight: 1, arbitrary: rawBody },
    ),
    names,
  );
}

export const auth = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Auth>('user') },
  { weight: 4, arbitrary: fc.constant<Auth>('council') },
  { weight: 1, arbitrary: fc.constant<Auth>('service') },
  { weight: 1, arbitrary: fc.constant<Auth>('none') },
  { weight: 1, arbitrary: fc.constant<Auth>('garbage') },
);
