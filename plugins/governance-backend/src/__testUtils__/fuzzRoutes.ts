/*
 * Property-based fuzzing of the governance API, shared by service/fuzz.test.ts (CI, a few runs
 * per route) and bench/fuzz.bench.ts (many runs, counted). Test support only: nothing here is
 * exported from the package.
 *
 * The contract (src/schema/openapi.yaml) gives every route, its query parameters and its body
 * fields, and their values inside and just outside its limits (specArbitraries.ts). Hostile
 * values a schema does not describe are mixed into every request (fuzzValues.ts,
 * fuzzRequests.ts). What the contract cannot know (the backend's real ids, entity refs, users and
 * configured names, and values that attack one route) comes from fuzzHints.ts.
 */
import fc from 'fast-check';
import {
  auth,
  body,
  FuzzContext,
  FuzzRequest,
  Method,
  pathId,
  queryString,
  Texts,
  Values,
} from './fuzzRequests';
import { bigBody, encode, MAX_FUZZ_DEPTH } from './fuzzValues';
import {
  CONTRACT_ROUTES,
  schemaValue,
  specBody,
  specFields,
  specNames,
  specQuery,
} from './specArbitraries';
import {
  MAX_BODY_BYTES,
  MAX_PATH_PARAMETER_LENGTH,
} from '../service/inputLimits';
import { KNOWN_VALUES, ROUTE_HINTS, RouteHints } from './fuzzHints';

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

/** Words every route's 400 may name: the body parser speaks of JSON, express of params. */
const GENERIC_NAMES = ['JSON', 'request body', 'param'];

// ---------------------------------------------------------------------------------------------
// Routes from the contract

/** The known values of a parameter or field, never an Object.prototype member of its name. */
const knownValues = (name: string): Values | undefined =>
  Object.hasOwn(KNOWN_VALUES, name) ? KNOWN_VALUES[name] : undefined;

/** A value as a query parameter gives it: lists comma-joined, anything else as text. */
function queryText(value: unknown): string {
  const text = (v: unknown) =>
    typeof v === 'string' ? v : JSON.stringify(v) ?? '';
  return Array.isArray(value) ? value.map(text).join(',') : text(value);
}

/** The route of the contract with its generators: `METHOD /path/:id`, as the router registers it. */
function contractRoute(name: string): FuzzRoute {
  const [upper, template] = name.split(' ');
  const method = upper.toLocaleLowerCase('en-US') as Method;
  const hints: RouteHints = Object.hasOwn(ROUTE_HINTS, name)
    ? ROUTE_HINTS[name]
    : {};
  const fields = specFields(method, template);
  const query: Record<string, Texts> = Object.fromEntries(
    fields.query.map(({ name: key, schema }) => [
      key,
      (context: FuzzContext) =>
        (knownValues(key)?.(context) ?? schemaValue(schema)).map(queryText),
    ]),
  );
  const bodyFields: Record<string, Values> = Object.fromEntries(
    fields.body.map(({ name: key, schema }) => [
      key,
      (context: FuzzContext) =>
        knownValues(key)?.(context) ?? schemaValue(schema),
    ]),
  );
  const sendsBody = method === 'post' || method === 'patch';
  return {
    name,
    names: [
      ...specNames(method, template),
      ...(hints.nouns ?? []),
      ...GENERIC_NAMES,
    ],
    creates: hints.creates,
    limits: context => {
      const known = hints.ids?.(context)[0] ?? 'x';
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
      const field = Object.keys(bodyFields)[0] ?? 'a';
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
            ? pathId(hints.ids?.(context) ?? [])
            : fc.constant(''),
          // Each parameter once, or repeated, bracketed and hostile (queryString); or all
          // from their schemas, lists repeated or comma-joined (specQuery).
          query: fc.oneof(
            { weight: 3, arbitrary: queryString(query, context) },
            { weight: 2, arbitrary: specQuery(method, template) },
          ),
          body: sendsBody
            ? fc.oneof(
                {
                  weight: 3,
                  arbitrary: body(bodyFields, context, hints.bodies?.(context)),
                },
                ...(fromContract
                  ? [{ weight: 2, arbitrary: fromContract }]
                  : []),
              )
            : fc.oneof(
                { weight: 8, arbitrary: fc.constant(undefined) },
                { weight: 1, arbitrary: body({}, context) },
              ),
          auth: hints.callers ?? auth,
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

/** Every route of the contract, each with the generator of its hostile requests. */
export const FUZZ_ROUTES: FuzzRoute[] = CONTRACT_ROUTES.map(contractRoute);
