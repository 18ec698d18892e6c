/*
 * What the contract cannot know about the governance API, for the route fuzzing (fuzzRoutes.ts):
 * the backend's real ids, entity refs, users and configured names (check ids, fact names, review
 * kinds, tiers), so that generated requests get past the first check to the deeper ones; the
 * values that attack one route in particular (asset paths, search wildcards); and per route, who
 * calls it and the nouns its messages use. Test support only.
 */
import {
  BUILT_IN_FACTS,
  BUILT_IN_REVIEW_KINDS,
  DEFAULT_TIER_POLICIES,
  FactDefinition,
  REVIEW_PRIORITIES,
  REVIEW_STATUSES,
} from '@catalog-governance/backstage-plugin-governance-common';
import fc from 'fast-check';
import { GRACE, JANE } from './fuzzBackend';
import { Auth, FuzzContext, Texts, Values } from './fuzzRequests';
import { inDays } from './dates';
import { dateLike, leaf, objectOf, pastDay } from './fuzzValues';

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

const ADR_URL = 'https://example.com/adr/0007.md';

/** Values of the parameters and body fields of these names, on whichever route has them. */
export const KNOWN_VALUES: Record<string, Values> = {
  entityRef,
  assignee: () =>
    fc.constantFrom(
      JANE,
      GRACE,
      'user:default/mock',
      'jane',
      'user:default/ghost',
      null,
      '',
      'group:default/council',
    ),
  owner: () =>
    fc.constantFrom(
      'group:default/team-a',
      'team-a',
      'group:default/team-web',
      '',
    ),
  system: () => fc.constantFrom('system:default/payments', 'payments', ''),
  domain: () => fc.constantFrom('domain:default/commerce', ''),
  tier: () =>
    fc.constantFrom(...DEFAULT_TIER_POLICIES.map(p => p.name), 'bogus', ''),
  checkId: () =>
    fc.constantFrom(
      'coverage',
      'availability',
      'p95-latency',
      'security-review',
      'testing',
      'nope',
    ),
  kind: () => fc.constantFrom(...BUILT_IN_REVIEW_KINDS.map(k => k.id), 'lunch'),
  name: () => fc.constantFrom(...BUILT_IN_FACTS.map(f => f.name), 'speed'),
  source: () => fc.constantFrom('ci/github-actions', 'slo/nightly', ' ci', ''),
  // Relative to today: a waiver must expire in the future, a fact be observed in the past.
  expiresAt: () =>
    fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 365 }).map(inDays) },
      fc.integer({ min: -2, max: 400 }).map(inDays),
      fc.integer({ min: 1, max: 30 }).map(d => inDays(d).slice(0, 10)),
      dateLike,
    ),
  observedAt: () =>
    fc.oneof(
      fc.integer({ min: -400, max: 2 }).map(inDays),
      dateLike,
      fc.constantFrom('yesterday', '0', '-271821-04-20T00:00:00Z'),
    ),
  date: () => fc.oneof({ weight: 3, arbitrary: pastDay }, dateLike),
  version: () => fc.integer({ min: 1, max: 4 }),
  adr: () => fc.constantFrom(ADR_URL, ''),
  decisionAdr: () => fc.constantFrom(ADR_URL, ''),
  // The index search runs LIKE: its wildcards and quotes must be taken literally.
  q: () => fc.constantFrom('CSS', 'ledger', '%', '_', '\\', "'"),
  // The asset route reads files: paths that climb out of the ADR folder or name no image.
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
};

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

/** A fact whose value has the type of the configured fact it names. */
const fact = (context: FuzzContext) =>
  fc
    .record({
      entityRef: entityRef(context),
      nameAndValue: fc
        .constantFrom(...BUILT_IN_FACTS)
        .chain(definition =>
          factValue(definition).map(value => [definition.name, value]),
        ),
      source: KNOWN_VALUES.source(context),
      observedAt: fc.option(KNOWN_VALUES.observedAt(context), {
        nil: undefined,
      }),
    })
    .map(({ nameAndValue: [name, value], ...rest }) =>
      objectOf(
        Object.entries({ ...rest, name, value }).filter(
          ([, v]) => v !== undefined,
        ),
      ),
    );

// ---------------------------------------------------------------------------------------------
// What the contract cannot know: per route

/** A route's ids, callers and words, which its schema cannot give. */
export interface RouteHints {
  /** The backend's ids for the route's `:id`. */
  ids?: (context: FuzzContext) => string[];
  /** The id list a 201 of this route adds to. */
  creates?: 'waiverIds' | 'reviewIds';
  /** Nouns the route's messages use besides its field and parameter names. */
  nouns?: string[];
  /** Who calls, when the route is mostly for others than users. */
  callers?: fc.Arbitrary<Auth>;
  /** Valid-looking bodies that field-by-field generation rarely builds, e.g. a batch. */
  bodies?: (context: FuzzContext) => fc.Arbitrary<unknown>;
}

const ENTITY = { nouns: ['entity'] };
const ADR = { ids: (c: FuzzContext) => c.adrIds, nouns: ['ADR'] };
const REVIEW = { ids: (c: FuzzContext) => c.reviewIds, nouns: ['review'] };

/** Per route, as `METHOD /path/:id`: a route without an entry needs none. */
export const ROUTE_HINTS: Record<string, RouteHints> = {
  'GET /summary': ENTITY,
  'POST /scorecard/refresh': ENTITY,
  'GET /scorecard/trend': ENTITY,
  'GET /waivers': ENTITY,
  'POST /waivers': {
    creates: 'waiverIds',
    nouns: ['waiver', 'entity', 'check'],
  },
  'DELETE /waivers/:id': { ids: c => c.waiverIds, nouns: ['waiver'] },
  'POST /facts': {
    nouns: ['fact', 'entit'],
    // Fact writes are for service tokens: users other than fact writers get a 403 before any check.
    callers: fc.oneof(
      { weight: 12, arbitrary: fc.constant<Auth>('service') },
      { weight: 4, arbitrary: fc.constant<Auth>('user') },
      { weight: 1, arbitrary: fc.constant<Auth>('none') },
      { weight: 1, arbitrary: fc.constant<Auth>('garbage') },
    ),
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
  },
  'GET /adrs': ENTITY,
  'POST /adrs/refresh': ENTITY,
  'GET /adrs/:id': ADR,
  'GET /adrs/:id/assets': {
    ...ADR,
    nouns: ['ADR', 'image', 'read', 'file', 'url'],
  },
  'GET /adrs/:id/impact': ADR,
  'POST /adrs/:id/retrospectives': { ...ADR, nouns: ['retrospective', 'ADR'] },
  'POST /reviews': { creates: 'reviewIds', nouns: ['review', 'entity'] },
  'GET /reviews/:id': REVIEW,
  'PATCH /reviews/:id': {
    ...REVIEW,
    nouns: ['review', 'council', 'decision'],
    // One change at a time to a fresh review, as the UI sends them, so more are allowed ones.
    bodies: () =>
      fc
        .record({
          version: fc.constant(1),
          change: fc.oneof(
            fc.record({ status: fc.constantFrom(...REVIEW_STATUSES) }),
            fc.record({ priority: fc.constantFrom(...REVIEW_PRIORITIES) }),
            fc.record({ assignee: fc.constantFrom(GRACE, JANE, null) }),
            fc.record({ dueDate: fc.oneof(dateLike, fc.constant(null)) }),
            fc.record({
              status: fc.constantFrom('approved', 'rejected'),
              rationale: fc.string({ minLength: 1, maxLength: 40 }),
              decisionAdr: fc.constantFrom('https://example.com/adr/1', ''),
            }),
          ),
        })
        .map(({ version, change }) => ({ version, ...change })),
  },
  'POST /reviews/:id/comments': { ...REVIEW, nouns: ['review', 'comment'] },
  'POST /waiver-requests': {
    creates: 'reviewIds',
    nouns: ['waiver', 'entity', 'check'],
  },
  'POST /reviews/:id/waiver': {
    ...REVIEW,
    nouns: ['review', 'waiver', 'check', 'rationale'],
  },
};
