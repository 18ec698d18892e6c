/*
 * Property-based fuzzing of the governance API and of the annotation parser, shared by
 * service/fuzz.test.ts (CI, a few runs per route) and bench/fuzz.bench.ts (many runs, counted).
 * Test support only: nothing here is exported from the package.
 *
 * Every route gets an arbitrary of hostile requests: random JSON bodies, the route's real field
 * names holding wrong types, huge strings, unicode, control characters, prototype keys, arrays
 * where objects are expected, nesting up to 100,000 levels, bodies up to and just over the size
 * limit, malformed JSON, repeated and bracketed query parameters and hostile path ids.
 * Valid-looking requests are mixed in so that checks behind the first one are reached too.
 */
import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createServiceFactory,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ADR_STATUSES,
  AnnotationProblem,
  BUILT_IN_FACTS,
  BUILT_IN_REVIEW_KINDS,
  COMMUNITY_ADR_LOCATION_ANNOTATION,
  COMPLIANCE_GROUP_BY,
  DEFAULT_TIER_POLICIES,
  FactDefinition,
  GOVERNANCE_ANNOTATIONS,
  MAX_QUOTED_LENGTH,
  parseGovernanceAnnotations,
  RETROSPECTIVE_OUTCOMES,
  REVIEW_PRIORITIES,
  REVIEW_STATUSES,
} from '@catalog-governance/backstage-plugin-governance-common';
import fc from 'fast-check';
import request from 'supertest';
import { governanceLocalDirectoryUrlReader } from '../adrs/LocalDirectoryUrlReader';
import { governancePlugin } from '../plugin';
import { specBody, specNames, specQuery } from './specArbitraries';
import {
  MAX_BODY_BYTES,
  MAX_BODY_DEPTH,
  MAX_PATH_PARAMETER_LENGTH,
} from '../service/inputLimits';

type Method = 'get' | 'post' | 'patch' | 'delete';
type Auth = 'user' | 'council' | 'service' | 'none' | 'garbage';

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

/** A route of the governance router with the generator of its hostile requests. */
export interface FuzzRoute {
  /** `METHOD /path`, as registered on the router. */
  name: string;
  /**
   * The route's fields, parameters and nouns: a 400 from it must name at least one, so the
   * caller can tell what to fix.
   */
  names: string[];
  requests(context: FuzzContext): fc.Arbitrary<FuzzRequest>;
  /**
   * The requests at the limits, sent on every run before the generated ones: bodies nested
   * 100,000 deep, bodies of exactly the size limit and one byte over, and hostile path ids.
   */
  limits(context: FuzzContext): FuzzRequest[];
  /** The id list a 201 of this route adds to. */
  creates?: 'waiverIds' | 'reviewIds';
}

// ---------------------------------------------------------------------------------------------
// Values

/** A piece of JSON text spliced in as written: numbers JSON.stringify cannot produce, depth. */
class RawJson {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

const RAW_TOKEN = '\u0001fuzz-raw-';

/** JSON text of a value, with RawJson pieces spliced in and every own key kept. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `${RAW_TOKEN}${raws.length - 1}`;
    }
    return v;
  });
  if (text === undefined) {
    return 'null';
  }
  return raws.length
    ? text.replace(
        /"\\u0001fuzz-raw-(\d+)"/g,
        (_, index: string) => raws[Number(index)],
      )
    : text;
}

/**
 * An object with exactly these own keys. Plain assignment of `__proto__` would set the prototype
 * instead of a key, and never reach the server.
 */
function objectOf(entries: Array<[string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'toJSON',
  'then',
];

const SPECIAL_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  '\u001b[31m',
  'a\u007fb',
  '\u0085',
  'null',
  'undefined',
  'true',
  'NaN',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  ...PROTOTYPE_KEYS,
  '💥',
  'Zoë',
  '\u202eevil',
  '\ud800',
  '../../../../etc/passwd',
  '%00',
  '%',
  '\\',
  "'; DROP TABLE waivers; --",
  '<script>alert(1)</script>',
  'component:default/payments',
  'user:default/grace',
  'group:default/council',
  'https://example.com/x',
  'file:///etc/passwd',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '+275760-09-13T00:00:00.000Z',
];

const hugeString = fc
  .tuple(
    fc.constantFrom('a', 'ü', '💥', '\u0000', '%', ' ', 'component:'),
    fc.integer({ min: 256, max: 200_000 }),
  )
  .map(([piece, times]) => piece.repeat(Math.ceil(times / piece.length)));

const shortString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
);

const hostileString = fc.oneof(
  { weight: 8, arbitrary: shortString },
  { weight: 1, arbitrary: hugeString },
);

const RAW_NUMBERS = [
  '1e999',
  '-1e999',
  '-0',
  '1E400',
  '123456789012345678901234567890',
  '0.00000000000000000000000000001',
  '4.9e-324',
];

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    -1,
    0,
    0.5,
    1.5,
    100.0001,
    2 ** 31,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
  ),
  fc.constantFrom(...RAW_NUMBERS).map(text => new RawJson(text)),
);

const leaf = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** The deepest nesting sent: a 10,000-level body once overflowed the stack of a 400. */
export const MAX_FUZZ_DEPTH = 100_000;

/** JSON nested either side of the limit, or deeper up to `max` levels. */
function nesting(max: number): fc.Arbitrary<RawJson> {
  return fc
    .tuple(
      fc.oneof(
        // Counting the levels the value is placed in, these straddle the limit.
        fc.integer({ min: MAX_BODY_DEPTH - 3, max: MAX_BODY_DEPTH + 1 }),
        fc.integer({ min: MAX_BODY_DEPTH + 2, max }),
        fc.constant(max),
      ),
      fc.constantFrom('arrays', 'objects', 'both'),
    )
    .map(([depth, shape]) => {
      const open = { arrays: '[', objects: '{"a":', both: '[{"a":' }[shape];
      const close = { arrays: ']', objects: '}', both: '}]' }[shape];
      const times = shape === 'both' ? Math.ceil(depth / 2) : depth;
      return new RawJson(`${open.repeat(times)}1${close.repeat(times)}`);
    });
}

// Inside field values; whole bodies go deeper, more rarely, as they take longer to send.
const deepNesting = nesting(3_000);
const deepestNesting = nesting(MAX_FUZZ_DEPTH);

/** Objects whose keys are the ones that break naive code: `__proto__`, `toString`, ... */
const prototypeObject = fc
  .array(
    fc.tuple(
      fc.constantFrom(...PROTOTYPE_KEYS),
      fc.oneof(
        leaf,
        fc.constant(objectOf([['polluted', true]])),
        fc.constant(objectOf([['prototype', objectOf([['polluted', 1]])]])),
      ),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map(objectOf);

/** A value of any JSON type, biased to the ones validation code forgets. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: prototypeObject },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 5 }) },
  { weight: 1, arbitrary: deepNesting },
  {
    weight: 1,
    arbitrary: fc
      .anything({ maxDepth: 2 })
      .map(v => JSON.parse(toJsonText(safeJson(v)))),
  },
);

/** fc.anything() may hold bigints and cycles-free oddities JSON cannot carry. */
function safeJson(value: unknown): unknown {
  try {
    JSON.stringify(value);
    return value;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates that look right, including the 13th month and the 32nd day. */
const dateLike = fc.oneof(
  fc
    .date({
      min: new Date('1990-01-01'),
      max: new Date('2100-01-01'),
      noInvalidDate: true,
    })
    .map(d => d.toISOString().slice(0, 10)),
  fc
    .tuple(
      fc.integer({ min: 1000, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
  // Shaped right but no such day: Date gives an Invalid Date, and toISOString then throws.
  fc.constantFrom('2026-13-01', '2026-00-10', '2026-01-32', '2026-04-00'),
);

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();

/** A day in the last five years or so, as YYYY-MM-DD. */
const pastDay = fc
  .integer({ min: 0, max: 2000 })
  .map(days => inDays(-days).slice(0, 10));

const wholeNumber = (min: number, max: number) =>
  fc.integer({ min, max }).map(String);

const encode = (value: string) =>
  encodeURIComponent(
    // encodeURIComponent throws on a lone surrogate; the raw invalid bytes come in RAW_IDS.
    value.replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    ),
  );

type Values = (context: FuzzContext) => fc.Arbitrary<unknown>;
type Texts = (context: FuzzContext) => fc.Arbitrary<string>;

const QUERY_SPECIALS = [
  '',
  '-1',
  '0',
  '1.5',
  '1e3',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  ' 1',
  '+1',
  '١٢',
  '9999999999',
  '99999999999999999999999',
  'true',
  ',',
  ',,,',
  'a,b,c',
];

const queryValue = fc.oneof(
  { weight: 4, arbitrary: shortString.map(encode) },
  { weight: 2, arbitrary: fc.constantFrom(...QUERY_SPECIALS).map(encode) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('a', 'ü', '%'),
        fc.integer({ min: 256, max: 4000 }),
      )
      .map(([c, n]) => encode(c.repeat(n))),
  },
  // Percent signs that decode to nothing valid.
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%',
      '%zz',
      '%E0%A4%A',
      '%ED%A0%80',
      '%00',
      '%1B',
      '%7F',
    ),
  },
);

const BRACKETS = ['', '', '', '', '[]', '[0]', '[1]', '[x]', '[__proto__]'];

function queryString(
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

const RAW_IDS = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  'a%2Fb',
  '%00',
  encodeURIComponent('💥'),
  'x'.repeat(5000),
  'x'.repeat(MAX_PATH_PARAMETER_LENGTH),
  'x'.repeat(MAX_PATH_PARAMETER_LENGTH + 1),
  '%1B',
  '%7F',
  '%C2%85',
  'a%09b',
  '__proto__',
  'constructor',
];

function pathId(known: string[]): fc.Arbitrary<string> {
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

const RAW_BODIES = [
  '',
  '{',
  '{"',
  '[',
  'nul',
  'undefined',
  "{'entityRef': 1}",
  '{"a":1,}',
  '\u0000',
  '"just text"',
  '1e999',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"facts": [1, 2,]}',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/merge-patch+json',
];

const rawBody = fc
  .tuple(
    fc.oneof(fc.constantFrom(...RAW_BODIES), fc.string({ maxLength: 30 })),
    fc.constantFrom(...CONTENT_TYPES),
  )
  .map(([text, type]) => ({ type, text }));

const json = (value: unknown) => ({
  type: 'application/json',
  text: toJsonText(value),
});

/**
 * Bodies near the size limit: one field holding most of it, or a flat object of many keys,
 * from a megabyte to just over {@link MAX_BODY_BYTES} (a 413).
 */
export function bigBody(
  name: string,
  size: number,
  wide: boolean,
): { type: string; text: string } {
  if (wide) {
    // 10,000 keys, each holding an equal share of the size.
    const keys = 10_000;
    const share = Math.max(0, Math.floor((size - 2) / keys) - 14);
    const text = `{${Array.from(
      { length: keys },
      (_, i) => `"k${String(i).padStart(5, '0')}":"${'x'.repeat(share)}"`,
    ).join(',')}}`;
    return { type: 'application/json', text };
  }
  const head = `{${JSON.stringify(name)}:"`;
  return {
    type: 'application/json',
    text: `${head}${'x'.repeat(Math.max(0, size - head.length - 2))}"}`,
  };
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

function body(
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

const auth = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Auth>('user') },
  { weight: 4, arbitrary: fc.constant<Auth>('council') },
  { weight: 1, arbitrary: fc.constant<Auth>('service') },
  { weight: 1, arbitrary: fc.constant<Auth>('none') },
  { weight: 1, arbitrary: fc.constant<Auth>('garbage') },
);

/** Words every route's 400 may name: the body parser speaks of JSON, express of params. */
const GENERIC_NAMES = ['JSON', 'request body', 'param'];

function defineRoute(
  method: Method,
  template: string,
  spec: {
    query?: Record<string, Texts>;
    body?: Record<string, Values>;
    /** More valid-looking bodies than the field record gives, e.g. a batch. */
    bodies?: (context: FuzzContext) => fc.Arbitrary<unknown>;
    ids?: (context: FuzzContext) => string[];
    /** The id list a 201 of this route adds to. */
    creates?: 'waiverIds' | 'reviewIds';
    /** Nouns the route's messages use besides its field and parameter names. */
    nouns?: string[];
    /** Who calls, when the route is mostly for others than users. */
    callers?: fc.Arbitrary<Auth>;
  },
): FuzzRoute {
  const query = spec.query ?? {};
  const fields = spec.body ?? {};
  const sendsBody = method === 'post' || method === 'patch';
  return {
    name: `${method.toUpperCase()} ${template}`,
    names: [
      ...Object.keys(query),
      ...Object.keys(fields),
      ...specNames(method, template),
      ...(spec.nouns ?? []),
      ...GENERIC_NAMES,
    ],
    creates: spec.creates,
    limits: context => {
      const known = spec.ids?.(context)[0] ?? 'x';
      const limitRequest = (
        id: string,
        b?: FuzzRequest['body'],
      ): FuzzRequest => ({
        method,
        path: template.replace(':id', id),
        query: '',
        ...(b ? { body: b } : {}),
        auth: 'user',
      });
      const field = Object.keys(fields)[0] ?? 'a';
      return [
        ...[
          `${'{"a":'.repeat(MAX_FUZZ_DEPTH)}1${'}'.repeat(MAX_FUZZ_DEPTH)}`,
          `${'['.repeat(MAX_FUZZ_DEPTH)}1${']'.repeat(MAX_FUZZ_DEPTH)}`,
        ].map(text => limitRequest(known, { type: 'application/json', text })),
        limitRequest(known, bigBody(field, MAX_BODY_BYTES, false)),
        limitRequest(known, bigBody(field, MAX_BODY_BYTES + 1, false)),
        limitRequest(known, bigBody(field, MAX_BODY_BYTES, true)),
        ...(template.includes(':id')
          ? [
              '%00',
              '%1B',
              'x'.repeat(MAX_PATH_PARAMETER_LENGTH + 1),
              encode('💥'.repeat(MAX_PATH_PARAMETER_LENGTH)),
            ].map(id => limitRequest(id))
          : []),
      ];
    },
    requests: context => {
      const fromContract = specBody(method, template);
      return fc
        .record({
          id: template.includes(':id')
            ? pathId(spec.ids?.(context) ?? [])
            : fc.constant(''),
          // Requests drawn from the contract's schemas, beside those of the table below,
          // which knows the backend's ids and the values that reach deeper checks.
          query: fc.oneof(
            { weight: 3, arbitrary: queryString(query, context) },
            { weight: 2, arbitrary: specQuery(method, template) },
          ),
          body: sendsBody
            ? fc.oneof(
                {
                  weight: 3,
                  arbitrary: body(fields, context, spec.bodies?.(context)),
                },
                ...(fromContract
                  ? [{ weight: 2, arbitrary: fromContract }]
                  : []),
              )
            : fc.oneof(
                { weight: 8, arbitrary: fc.constant(undefined) },
                { weight: 1, arbitrary: body({}, context) },
              ),
          auth: spec.callers ?? auth,
        })
        .map(({ id, query: q, body: b, auth: a }) => ({
          method,
          path: template.replace(':id', id),
          query: q,
          ...(b ? { body: b } : {}),
          auth: a,
        }));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The routes

const JANE = 'user:default/jane';
const GRACE = 'user:default/grace';

const entityRef: Texts = ({ entityRefs }) =>
  fc.oneof(
    // The entities with a tier have checks, so waivers and facts for them get further.
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'component:default/payments',
        'component:default/checkout-web',
      ),
    },
    { weight: 3, arbitrary: fc.constantFrom(...entityRefs) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'payments',
        'Component:Default/Payments',
        'component:default/ghost',
        'component:payments',
        'component:default/a/b',
        'component:default/',
        ':default/payments',
      ),
    },
  );
const userRef = () =>
  fc.constantFrom(
    JANE,
    GRACE,
    'user:default/mock',
    'jane',
    'user:default/ghost',
  );
const owner = () =>
  fc.constantFrom(
    'group:default/team-a',
    'team-a',
    'group:default/team-web',
    '',
  );
const system = () => fc.constantFrom('system:default/payments', 'payments', '');
const domain = () => fc.constantFrom('domain:default/commerce', '');
const tier = () =>
  fc.constantFrom(...DEFAULT_TIER_POLICIES.map(p => p.name), 'bogus', '');
const filter = { owner, system, domain, tier };
const page = {
  offset: () => wholeNumber(0, 50),
  limit: () => wholeNumber(1, 100),
};
const list = (values: readonly string[]) =>
  fc.subarray([...values], { minLength: 1 }).map(v => v.join(','));
const text = (max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: max }) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ') },
  );

/** A value of the fact's own type, near its bounds, or now and then of another type. */
function factValue(definition: FactDefinition): fc.Arbitrary<unknown> {
  const min = definition.min ?? -1e6;
  const max = definition.max ?? 1e6;
  const typed = {
    number: fc.oneof(
      fc.double({ min: min - 10, max: max + 10, noNaN: true }),
      fc.constantFrom(min, max, min - 1, max + 1),
    ),
    boolean: fc.boolean(),
    date: fc.oneof(pastDay, dateLike),
    'string-list': fc.subarray([...(definition.allowedValues ?? []), 'chaos']),
  }[definition.type];
  return fc.oneof(
    { weight: 4, arbitrary: typed },
    { weight: 1, arbitrary: leaf },
  );
}

const fact = (context: FuzzContext) =>
  fc
    .record({
      entityRef: entityRef(context),
      nameAndValue: fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .constantFrom(...BUILT_IN_FACTS)
            .chain(definition =>
              factValue(definition).map(value => [definition.name, value]),
            ),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(fc.constantFrom('speed', ''), leaf),
        },
      ),
      source: fc.constantFrom('ci/github-actions', 'slo/nightly', ' ci', ''),
      observedAt: fc.option(
        fc.oneof(
          fc.integer({ min: -400, max: 2 }).map(inDays),
          dateLike,
          fc.constantFrom('yesterday', '0', '-271821-04-20T00:00:00Z'),
        ),
        { nil: undefined },
      ),
    })
    .map(({ nameAndValue: [name, value], ...rest }) =>
      objectOf(
        Object.entries({ ...rest, name, value }).filter(
          ([, v]) => v !== undefined,
        ),
      ),
    );

/** Every route of router.ts, complianceRoutes.ts, adrRoutes.ts and reviewRoutes.ts. */
export const FUZZ_ROUTES: FuzzRoute[] = [
  // router.ts
  defineRoute('get', '/summary', { query: { entityRef }, nouns: ['entity'] }),
  defineRoute('post', '/scorecard/refresh', {
    query: { entityRef },
    nouns: ['entity'],
  }),
  defineRoute('get', '/scorecard/trend', {
    query: { entityRef, days: () => wholeNumber(1, 366) },
    nouns: ['entity'],
  }),
  defineRoute('get', '/waivers', { query: { entityRef }, nouns: ['entity'] }),
  defineRoute('post', '/waivers', {
    body: {
      entityRef,
      checkId: () =>
        fc.constantFrom(
          'coverage',
          'availability',
          'p95-latency',
          'security-review',
          'testing',
          'nope',
        ),
      reason: () => text(60),
      expiresAt: () =>
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc.integer({ min: 1, max: 365 }).map(inDays),
          },
          fc.integer({ min: -2, max: 400 }).map(inDays),
          fc.integer({ min: 1, max: 30 }).map(d => inDays(d).slice(0, 10)),
          dateLike,
        ),
    },
    creates: 'waiverIds',
    nouns: ['waiver', 'entity', 'check'],
  }),
  defineRoute('delete', '/waivers/:id', {
    ids: c => c.waiverIds,
    nouns: ['waiver'],
  }),
  defineRoute('post', '/facts', {
    body: {
      entityRef,
      name: () => fc.constantFrom(...BUILT_IN_FACTS.map(f => f.name)),
      value: () => fc.double({ min: 0, max: 100, noNaN: true }),
      source: () => fc.constant('ci/github-actions'),
      observedAt: () => fc.integer({ min: -30, max: 0 }).map(inDays),
    },
    bodies: context =>
      fc.oneof(
        { weight: 4, arbitrary: fact(context) },
        {
          weight: 4,
          arbitrary: fc
            .array(fact(context), { maxLength: 5 })
            .map(facts => ({ facts })),
        },
        { weight: 1, arbitrary: fc.constant({ facts: [] }) },
        {
          weight: 1,
          arbitrary: fc.constant({
            facts: Array.from({ length: 20_001 }, () => 1),
          }),
        },
      ),
    nouns: ['fact', 'entit'],
    // Fact writes are for service tokens: users other than fact writers get a 403 before any check.
    callers: fc.oneof(
      { weight: 12, arbitrary: fc.constant<Auth>('service') },
      { weight: 4, arbitrary: fc.constant<Auth>('user') },
      { weight: 1, arbitrary: fc.constant<Auth>('none') },
      { weight: 1, arbitrary: fc.constant<Auth>('garbage') },
    ),
  }),

  // complianceRoutes.ts
  defineRoute('get', '/compliance', {
    query: {
      groupBy: () => fc.constantFrom(...COMPLIANCE_GROUP_BY, 'team'),
      ...filter,
    },
  }),
  defineRoute('get', '/compliance.csv', {
    query: {
      groupBy: () => fc.constantFrom(...COMPLIANCE_GROUP_BY, 'team'),
      ...filter,
    },
  }),
  defineRoute('get', '/compliance/entities', { query: { ...filter, ...page } }),
  defineRoute('get', '/compliance/entities.csv', { query: filter }),
  defineRoute('get', '/compliance/trend', {
    query: { ...filter, days: () => wholeNumber(1, 366) },
  }),

  // adrRoutes.ts
  defineRoute('get', '/adrs', { query: { entityRef }, nouns: ['entity'] }),
  defineRoute('post', '/adrs/refresh', {
    query: { entityRef },
    nouns: ['entity'],
  }),
  defineRoute('get', '/adr-index', {
    query: {
      status: () => list(ADR_STATUSES),
      owner,
      system,
      from: () => dateLike,
      to: () => dateLike,
      q: () => fc.constantFrom('CSS', 'ledger', '%', '_', '\\', "'"),
      retrospective: () =>
        list(['not-applicable', 'not-due', 'due', 'overdue', 'recorded']),
      sort: () => fc.constantFrom('date', 'title', 'entity', 'size'),
      order: () => fc.constantFrom('asc', 'desc', 'up'),
      ...page,
    },
  }),
  defineRoute('get', '/adrs/:id', { ids: c => c.adrIds, nouns: ['ADR'] }),
  defineRoute('get', '/adrs/:id/assets', {
    ids: c => c.adrIds,
    query: {
      path: () =>
        fc.constantFrom(
          'images/request-flow.svg',
          'images/missing.png',
          'x.PNG',
          '../../entities.yaml',
          '../../../../../../tmp/x.png',
          '..\\..\\x.png',
          '\\\\host\\share\\x.png',
          'images/%2e%2e/x.png',
          'a.svg?x=1',
          'a.png#frag',
          '.png',
          'images/',
        ),
    },
    nouns: ['ADR', 'image', 'read', 'file', 'url'],
  }),
  defineRoute('get', '/adrs/:id/impact', {
    ids: c => c.adrIds,
    query: { weeks: () => wholeNumber(1, 26) },
    nouns: ['ADR'],
  }),
  defineRoute('post', '/adrs/:id/retrospectives', {
    ids: c => c.adrIds,
    body: {
      date: () => fc.oneof({ weight: 3, arbitrary: pastDay }, dateLike),
      outcome: () => fc.constantFrom(...RETROSPECTIVE_OUTCOMES, 'maybe'),
      notes: () => text(80),
    },
    nouns: ['retrospective', 'ADR'],
  }),

  // reviewRoutes.ts
  defineRoute('get', '/reviews', {
    query: {
      entityRef,
      assignee: userRef,
      overdue: () => fc.constantFrom('true', 'false', 'yes'),
      status: () => list(REVIEW_STATUSES),
      kind: () => list([...BUILT_IN_REVIEW_KINDS.map(k => k.id), 'lunch']),
      priority: () => list(REVIEW_PRIORITIES),
      ...page,
    },
  }),
  defineRoute('get', '/reviews/settings', {}),
  defineRoute('post', '/reviews', {
    body: {
      entityRef,
      kind: () =>
        fc.constantFrom(...BUILT_IN_REVIEW_KINDS.map(k => k.id), 'lunch'),
      title: () => text(60),
      description: () => text(200),
      adr: () => fc.constantFrom('https://example.com/adr/0007.md', ''),
    },
    creates: 'reviewIds',
    nouns: ['review', 'entity'],
  }),
  defineRoute('get', '/reviews/:id', {
    ids: c => c.reviewIds,
    nouns: ['review'],
  }),
  defineRoute('patch', '/reviews/:id', {
    ids: c => c.reviewIds,
    body: {
      version: () => fc.integer({ min: 1, max: 4 }),
      status: () => fc.constantFrom(...REVIEW_STATUSES),
      priority: () => fc.constantFrom(...REVIEW_PRIORITIES),
      assignee: () =>
        fc.oneof(userRef(), fc.constantFrom(null, '', 'group:default/council')),
      dueDate: () => fc.oneof(dateLike, fc.constantFrom(null, '')),
      rationale: () => text(80),
      decisionAdr: () => fc.constant('https://example.com/adr/0007.md'),
    },
    // One change at a time, as the UI sends them, so more updates are allowed ones.
    bodies: () =>
      fc
        .oneof(
          fc.record({
            version: fc.constant(1),
            change: fc.oneof(
              fc.record({ status: fc.constantFrom(...REVIEW_STATUSES) }),
              fc.record({ priority: fc.constantFrom(...REVIEW_PRIORITIES) }),
              fc.record({ assignee: fc.constantFrom(GRACE, JANE, null) }),
              fc.record({ dueDate: fc.oneof(dateLike, fc.constant(null)) }),
              fc.record({
                status: fc.constantFrom('approved', 'rejected'),
                rationale: text(40),
                decisionAdr: fc.constantFrom('https://example.com/adr/1', ''),
              }),
            ),
          }),
        )
        .map(({ version, change }) => ({ version, ...change })),
    nouns: ['review', 'council', 'decision'],
  }),
  defineRoute('post', '/reviews/:id/comments', {
    ids: c => c.reviewIds,
    body: { body: () => text(200) },
    nouns: ['review', 'comment'],
  }),
];

// ---------------------------------------------------------------------------------------------
// The backend

const examples = resolvePackagePath(
  '@catalog-governance/backstage-plugin-governance-backend',
  '../../examples/governance',
);

const component = (
  name: string,
  annotations: Record<string, string>,
  spec: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: {
      'backstage.io/managed-by-location': `file:${examples}/entities.yaml`,
      ...annotations,
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
    ...spec,
  },
  relations: [
    { type: 'ownedBy', targetRef: spec.owner ?? 'group:default/team-a' },
  ],
});

const ENTITIES: Entity[] = [
  component(
    'payments',
    {
      'governance/tier': 'core',
      'governance/test-coverage': '60',
      'governance/tech-lead': 'jane',
    },
    { system: 'payments' },
  ),
  component('checkout-web', {
    'governance/tier': 'critical',
    'governance/adr-location': 'adrs/checkout-web',
  }),
  component(
    'payments-api',
    { 'backstage.io/adr-location': 'adrs/payments-api' },
    { owner: 'group:default/team-web' },
  ),
  component('misannotated', {
    'governance/tier': 'bogus',
    'governance/test-coverage': 'most',
    'governance/unknown': 'x',
  }),
  component('plain', {}),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments' },
    spec: { owner: 'group:default/team-a', domain: 'commerce' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'council' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: GRACE }],
  },
  ...['jane', 'grace', 'mock'].map(
    (name): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name },
      spec: {},
    }),
  ),
];

/** A started backend with the ids it was seeded with. */
export interface FuzzBackend {
  server: Parameters<typeof request>[0];
  context: FuzzContext;
}

const HEADERS: Record<Auth, string | undefined> = {
  user: mockCredentials.user.header(),
  council: mockCredentials.user.header(GRACE),
  service: mockCredentials.service.header(),
  none: undefined,
  garbage: 'Bearer not-a-token',
};

/** Sends one generated request to the governance plugin of the backend. */
export async function sendFuzzRequest(
  server: FuzzBackend['server'],
  req: FuzzRequest,
): Promise<request.Response> {
  const url = `/api/governance${req.path}${req.query ? `?${req.query}` : ''}`;
  let test = request(server)[req.method](url);
  const header = HEADERS[req.auth];
  if (header) {
    test = test.set('Authorization', header);
  }
  if (req.body) {
    test = test.set('Content-Type', req.body.type).send(req.body.text);
  }
  return await test;
}

/**
 * Starts the governance plugin with a catalog holding annotated entities, permissions that
 * allow everything (so requests get past authorization into validation), a council, ADRs read
 * from examples/governance, and a few waivers and reviews, whose ids the generators then use.
 */
export async function startFuzzBackend(): Promise<FuzzBackend> {
  const auditor = mockServices.auditor.mock();
  auditor.createEvent.mockImplementation(async () => ({
    success: async () => {},
    fail: async () => {},
  }));
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      auditor.factory,
      mockServices.rootConfig.factory({
        data: {
          governance: {
            council: { group: 'group:default/council' },
            adrs: { allowedLocalDirectories: [examples] },
          },
        },
      }),
      catalogServiceMock.factory({ entities: ENTITIES }),
      urlReaderServiceFactory,
      governanceLocalDirectoryUrlReader,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
    ],
  });
  const as = (req: request.Test) =>
    req.set('Authorization', mockCredentials.user.header(GRACE));
  const api = (p: string) => `/api/governance${p}`;
  const seeded = async (res: Promise<request.Response>, status: number) => {
    const answer = await res;
    if (answer.status !== status) {
      throw new Error(
        `Seeding the fuzz backend failed: ${answer.status} ${answer.text}`,
      );
    }
    return answer.body;
  };

  const adrIds: string[] = [];
  for (const name of ['checkout-web', 'payments-api']) {
    const { items } = await seeded(
      as(request(server).get(api(`/adrs?entityRef=component:default/${name}`))),
      200,
    );
    adrIds.push(...items.map((a: { id: string }) => a.id));
  }
  await seeded(
    as(
      request(server).post(
        api('/scorecard/refresh?entityRef=component:default/payments'),
      ),
    ),
    200,
  );
  const waiverIds: string[] = [];
  const reviewIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const waiver = await seeded(
      as(request(server).post(api('/waivers'))).send({
        entityRef: 'component:default/payments',
        checkId: 'coverage',
        reason: 'Rewrite this quarter',
        expiresAt: inDays(30),
      }),
      201,
    );
    waiverIds.push(waiver.id);
    const review = await seeded(
      as(request(server).post(api('/reviews'))).send({
        entityRef: 'component:default/payments',
        kind: 'design-review',
        title: `Review ${i}`,
      }),
      201,
    );
    reviewIds.push(review.id);
  }
  return {
    server,
    context: {
      entityRefs: ENTITIES.map(
        e => `${e.kind.toLocaleLowerCase('en-US')}:default/${e.metadata.name}`,
      ),
      waiverIds,
      reviewIds,
      adrIds,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The checks

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

function seedFromEnv(): number | undefined {
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

// ---------------------------------------------------------------------------------------------
// Annotations

const ANNOTATION_KEYS = [
  ...Object.values(GOVERNANCE_ANNOTATIONS),
  COMMUNITY_ADR_LOCATION_ANNOTATION,
];

const annotationValue = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'core',
      ' critical ',
      'jane',
      'user:default/jane',
      'group:team-a',
      'component:default/x',
      '99.95',
      '99.95%',
      '100.0001',
      '180ms',
      '1.5s',
      '0s',
      '2026-02-29',
      '2024-02-29',
      'unit, load',
      'unit,,chaos',
      'https://grafana.example.com/d/x',
      // Joined, as lint rightly refuses a script URL literal.
      ['javascript', 'alert(1)'].join(':'),
      'docs/adr',
      'adrs\u0007',
    ),
  },
  // YAML may give numbers, booleans or null where a string is declared.
  {
    weight: 1,
    arbitrary: fc.oneof(fc.double(), fc.boolean(), fc.constant(null)),
  },
);

/** Annotation maps with the known keys, unknown governance keys and everyone else's keys. */
export const annotationMaps: fc.Arbitrary<Record<string, string>> = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...ANNOTATION_KEYS) },
        {
          weight: 2,
          arbitrary: shortString.map(s => `governance/${s}`),
        },
        { weight: 1, arbitrary: shortString },
        { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
      ),
      annotationValue,
    ),
    { maxLength: 12 },
  )
  .map(entries => objectOf(entries) as Record<string, string>);

/** Tier names as config could give them, including none. */
export const tierNameLists = fc.oneof(
  fc.constant(DEFAULT_TIER_POLICIES.map(p => p.name)),
  fc.array(shortString, { maxLength: 4 }),
);

/**
 * What is wrong with parsing one annotation map, or undefined: parsing must not throw, and
 * every problem must be about a key of the map and name it in its message.
 */
export function checkAnnotationParsing(
  annotations: Record<string, string>,
  tierNames: string[],
): string | undefined {
  let problems: AnnotationProblem[];
  try {
    problems = parseGovernanceAnnotations(annotations, { tierNames }).problems;
  } catch (error) {
    return `parseGovernanceAnnotations threw ${error}`;
  }
  for (const problem of problems) {
    if (!Object.prototype.hasOwnProperty.call(annotations, problem.key)) {
      return `reported a problem for ${problem.key}, which is not in the map`;
    }
    if (!problem.message.includes(problem.key)) {
      return `the problem "${problem.message}" does not name its key ${problem.key}`;
    }
  }
  return undefined;
}

/** Parses `numRuns` generated annotation maps; throws with a shrunk counterexample. */
export function fuzzAnnotations(options: {
  numRuns: number;
  seed?: number;
  onParsed?: (problems: number) => void;
}): void {
  fc.assert(
    fc.property(annotationMaps, tierNameLists, (annotations, tierNames) => {
      const problem = checkAnnotationParsing(annotations, tierNames);
      if (problem) {
        throw new Error(problem);
      }
      options.onParsed?.(
        parseGovernanceAnnotations(annotations, { tierNames }).problems.length,
      );
    }),
    { numRuns: options.numRuns, seed: options.seed ?? seedFromEnv() },
  );
}
