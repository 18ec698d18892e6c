import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import { createServiceFactory } from '@backstage/backend-plugin-api';
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
  EntityAdrs,
  governancePermissions,
} from '@catalog-governance/backstage-plugin-governance-common';
import path from 'node:path';
import request from 'supertest';
import { governanceLocalDirectoryUrlReader } from '../adrs/LocalDirectoryUrlReader';
import { governancePlugin } from '../plugin';
import { spec } from '../schema/openapi';

/*
 * Who may call which route: one row per route (and per permission rule of a route), each
 * checked anonymous, as a user with and without its permission, and with a service token.
 * The last test fails when a route is added to the router files without a row here.
 */

const examples = path.resolve(__dirname, '../../../../examples/governance');

const PAYMENTS = 'component:default/payments';
const CHECKOUT = 'component:default/checkout-web';
/** The user every cell signs in as. */
const ADA = 'user:default/ada';
/** Someone else, who requested the reviews that are not Ada's. */
const JANE = 'user:default/jane';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments',
      annotations: {
        'governance/tier': 'core',
        'governance/test-coverage': '60',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout-web',
      annotations: {
        'backstage.io/managed-by-location': `file:${examples}/entities.yaml`,
        'governance/adr-location': 'adrs/checkout-web',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-web' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'fact-writers' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: ADA }],
  },
];

/** The permissions the current cell's user lacks; everything else is allowed. */
let denied: readonly string[] = [];
const everyPermission = governancePermissions.map(p => p.name);

const decide = (
  requests: { permission: { name: string } }[],
  options: { credentials: { principal: unknown } },
) =>
  requests.map(r => ({
    // Service principals are decided by their token's access restrictions, not by the
    // policy, as Backstage's ServerPermissionClient does; none are set here.
    result:
      denied.includes(r.permission.name) &&
      (options.credentials.principal as { type: string }).type !== 'service'
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  }));

const permissions = mockServices.permissions.mock({
  authorize: async (requests, options) => decide(requests, options),
  // The catalog's read permission, asked by the views built from stored results.
  authorizeConditional: async (requests, options) => decide(requests, options),
});

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      permissions.factory,
      // Requests without a token are anonymous, as in a real backend.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          governance: {
            adrs: { allowedLocalDirectories: [examples] },
            // Users push facts only as members of this group (Ada is one).
            factWriters: { group: 'group:default/fact-writers' },
          },
        },
      }),
      urlReaderServiceFactory,
      governanceLocalDirectoryUrlReader,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
    ],
  });
  return server;
}

type Server = Awaited<ReturnType<typeof startBackend>>;
type Method = 'get' | 'post' | 'patch' | 'delete';
type Principal = 'user' | 'service';

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString();

const call = (
  server: Server,
  method: Method,
  url: string,
  authorization?: string,
  body?: object,
) => {
  let req = request(server)[method](`/api/governance${url}`);
  if (authorization) {
    req = req.set('Authorization', authorization);
  }
  return body ? req.send(body) : req;
};

/** Fixtures made once; routes that change state make their own in `prepare`. */
interface Fixtures {
  server: Server;
  /** An accepted, dated ADR of checkout-web, with an image next to it. */
  adrId: string;
  /** A review requested by Jane. */
  reviewId: string;
}

/** Fixture set-up fails loudly, naming what the backend answered. */
function bodyIf(res: request.Response, status: number, what: string) {
  if (res.status !== status) {
    throw new Error(
      `${what} answered ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
  return res.body;
}

async function createReview(server: Server, requestedBy: string) {
  const res = await call(
    server,
    'post',
    '/reviews',
    mockCredentials.user.header(requestedBy),
    {
      entityRef: PAYMENTS,
      kind: 'design-review',
      title: 'Move ledger to its own service',
    },
  );
  return bodyIf(res, 201, 'Requesting a review') as {
    id: string;
    version: number;
  };
}

async function createWaiver(server: Server) {
  const res = await call(
    server,
    'post',
    '/waivers',
    mockCredentials.user.header(JANE),
    {
      entityRef: PAYMENTS,
      checkId: 'coverage',
      reason: 'Legacy module being rewritten this quarter',
      expiresAt: inDays(30),
    },
  );
  return bodyIf(res, 201, 'Granting a waiver') as { id: string };
}

interface Row {
  /** As written in the router: method and path pattern. */
  route: string;
  /** Which rule of the route this row exercises, when a route has several. */
  variant?: string;
  /** The principal types `httpAuth.credentials` allows. */
  principals: Principal[];
  /** The permission a user needs; service principals are decided by their token. */
  permission?: string;
  /** The status of a successful call. */
  status: 200 | 201;
  /** The URL (below /api/governance) and body of a valid call. */
  prepare: (fixtures: Fixtures) => Promise<{ url: string; body?: object }>;
}

const fixed =
  (url: string, body?: object) =>
  async (): Promise<{ url: string; body?: object }> => ({ url, body });

const both: Principal[] = ['user', 'service'];
const userOnly: Principal[] = ['user'];

const rows: Row[] = [
  // router.ts
  {
    route: 'GET /summary',
    principals: both,
    status: 200,
    prepare: fixed(`/summary?entityRef=${PAYMENTS}`),
  },
  {
    route: 'POST /scorecard/refresh',
    principals: both,
    status: 200,
    prepare: fixed(`/scorecard/refresh?entityRef=${PAYMENTS}`),
  },
  {
    route: 'GET /scorecard/trend',
    principals: both,
    status: 200,
    prepare: fixed(`/scorecard/trend?entityRef=${PAYMENTS}&days=7`),
  },
  {
    route: 'GET /waivers',
    principals: both,
    status: 200,
    prepare: fixed(`/waivers?entityRef=${PAYMENTS}`),
  },
  {
    route: 'POST /waivers',
    principals: userOnly,
    permission: 'governance.waiver.create',
    status: 201,
    prepare: fixed('/waivers', {
      entityRef: PAYMENTS,
      checkId: 'coverage',
      reason: 'Legacy module being rewritten this quarter',
      expiresAt: inDays(30),
    }),
  },
  {
    route: 'DELETE /waivers/:id',
    principals: userOnly,
    permission: 'governance.waiver.create',
    status: 200,
    prepare: async ({ server }) => ({
      url: `/waivers/${(await createWaiver(server)).id}`,
    }),
  },
  {
    route: 'POST /facts',
    principals: both,
    permission: 'governance.fact.write',
    status: 201,
    prepare: fixed('/facts', {
      facts: [
        {
          entityRef: PAYMENTS,
          name: 'coverage',
          value: 83.2,
          source: 'ci/github-actions',
        },
      ],
    }),
  },

  // complianceRoutes.ts
  {
    route: 'GET /compliance',
    principals: both,
    status: 200,
    prepare: fixed('/compliance?groupBy=tier'),
  },
  {
    route: 'GET /compliance.csv',
    principals: both,
    status: 200,
    prepare: fixed('/compliance.csv?groupBy=owner'),
  },
  {
    route: 'GET /compliance/entities',
    principals: both,
    status: 200,
    prepare: fixed('/compliance/entities?tier=core'),
  },
  {
    route: 'GET /compliance/entities.csv',
    principals: both,
    status: 200,
    prepare: fixed('/compliance/entities.csv'),
  },
  {
    route: 'GET /compliance/trend',
    principals: both,
    status: 200,
    prepare: fixed('/compliance/trend?days=30'),
  },

  // adrRoutes.ts
  {
    route: 'GET /adrs',
    principals: both,
    status: 200,
    prepare: fixed(`/adrs?entityRef=${CHECKOUT}`),
  },
  {
    route: 'POST /adrs/refresh',
    principals: both,
    status: 200,
    prepare: fixed(`/adrs/refresh?entityRef=${CHECKOUT}`),
  },
  {
    route: 'GET /adr-index',
    principals: both,
    status: 200,
    prepare: fixed('/adr-index?status=accepted&sort=date'),
  },
  {
    route: 'GET /adrs/:id',
    principals: both,
    status: 200,
    prepare: async ({ adrId }) => ({ url: `/adrs/${adrId}` }),
  },
  {
    route: 'GET /adrs/:id/assets',
    principals: both,
    status: 200,
    prepare: async ({ adrId }) => ({
      url: `/adrs/${adrId}/assets?path=images/request-flow.svg`,
    }),
  },
  {
    route: 'GET /adrs/:id/impact',
    principals: both,
    status: 200,
    prepare: async ({ adrId }) => ({ url: `/adrs/${adrId}/impact?weeks=2` }),
  },
  {
    route: 'POST /adrs/:id/retrospectives',
    principals: userOnly,
    permission: 'governance.retrospective.create',
    status: 201,
    prepare: async ({ adrId }) => ({
      url: `/adrs/${adrId}/retrospectives`,
      body: { date: '2026-01-20', outcome: 'keep', notes: 'Still right.' },
    }),
  },

  // reviewRoutes.ts
  {
    route: 'GET /reviews',
    principals: both,
    status: 200,
    prepare: fixed('/reviews?status=open&priority=medium'),
  },
  {
    route: 'GET /reviews/settings',
    principals: both,
    status: 200,
    prepare: fixed('/reviews/settings'),
  },
  {
    route: 'POST /reviews',
    principals: userOnly,
    permission: 'governance.review.create',
    status: 201,
    prepare: fixed('/reviews', {
      entityRef: PAYMENTS,
      kind: 'design-review',
      title: 'Split the checkout database',
    }),
  },
  {
    route: 'GET /reviews/:id',
    principals: both,
    status: 200,
    prepare: async ({ reviewId }) => ({ url: `/reviews/${reviewId}` }),
  },
  {
    route: 'PATCH /reviews/:id',
    variant: 'triage',
    principals: userOnly,
    permission: 'governance.review.triage',
    status: 200,
    prepare: async ({ server }) => {
      const review = await createReview(server, JANE);
      return {
        url: `/reviews/${review.id}`,
        body: { version: review.version, priority: 'high' },
      };
    },
  },
  {
    route: 'PATCH /reviews/:id',
    variant: 'decide',
    principals: userOnly,
    permission: 'governance.review.decide',
    status: 200,
    prepare: async ({ server }) => {
      const review = await createReview(server, JANE);
      return {
        url: `/reviews/${review.id}`,
        body: {
          version: review.version,
          status: 'approved',
          rationale: 'The ledger needs its own scaling',
        },
      };
    },
  },
  {
    route: 'PATCH /reviews/:id',
    variant: "withdraw someone else's",
    principals: userOnly,
    permission: 'governance.review.triage',
    status: 200,
    prepare: async ({ server }) => {
      const review = await createReview(server, JANE);
      return {
        url: `/reviews/${review.id}`,
        body: { version: review.version, status: 'withdrawn' },
      };
    },
  },
  {
    route: 'PATCH /reviews/:id',
    variant: 'withdraw own',
    principals: userOnly,
    status: 200,
    prepare: async ({ server }) => {
      const review = await createReview(server, ADA);
      return {
        url: `/reviews/${review.id}`,
        body: { version: review.version, status: 'withdrawn' },
      };
    },
  },
  {
    route: 'POST /reviews/:id/comments',
    principals: userOnly,
    status: 201,
    prepare: async ({ reviewId }) => ({
      url: `/reviews/${reviewId}/comments`,
      body: { body: 'Have we measured the write latency?' },
    }),
  },
];

interface Cell {
  name: string;
  row: Row;
  authorization?: string;
  /** The permissions the user lacks in this cell. */
  without?: readonly string[];
  status: number;
  /** Part of the error message, for refusals. */
  message?: string;
  /** Sent without its query string and with an empty body: credentials are checked first. */
  malformed?: boolean;
}

const label = (row: Row) =>
  `${row.route}${row.variant ? ` (${row.variant})` : ''}`;

const cells: Cell[] = rows.flatMap(row => {
  const own: Cell[] = [
    {
      name: `${label(row)}: anonymous → 401`,
      row,
      status: 401,
      message: 'Missing credentials',
    },
    {
      name: `${label(row)}: anonymous with a malformed request → 401`,
      row,
      malformed: true,
      status: 401,
      message: 'Missing credentials',
    },
  ];
  if (row.permission) {
    own.push(
      {
        name: `${label(row)}: user with permission → ${row.status}`,
        row,
        authorization: mockCredentials.user.header(ADA),
        status: row.status,
      },
      {
        name: `${label(row)}: user without permission → 403`,
        row,
        authorization: mockCredentials.user.header(ADA),
        without: [row.permission],
        status: 403,
        message: row.permission,
      },
    );
  } else {
    own.push({
      name: `${label(row)}: user without any governance permission → ${
        row.status
      }`,
      row,
      authorization: mockCredentials.user.header(ADA),
      without: everyPermission,
      status: row.status,
    });
  }
  const serviceAllowed = row.principals.includes('service');
  own.push({
    name: `${label(row)}: service → ${serviceAllowed ? row.status : 403}`,
    row,
    authorization: mockCredentials.service.header(),
    // Every governance permission is denied to users here: a success shows the token needs none.
    without: everyPermission,
    status: serviceAllowed ? row.status : 403,
    message: serviceAllowed
      ? undefined
      : "This endpoint does not allow 'service' credentials",
  });
  return own;
});

describe('governance route authorization', () => {
  let fixtures: Fixtures;

  beforeAll(async () => {
    const server = await startBackend();
    const adrs = await call(
      server,
      'get',
      `/adrs?entityRef=${CHECKOUT}`,
      mockCredentials.user.header(ADA),
    );
    const dated = (bodyIf(adrs, 200, 'Listing ADRs') as EntityAdrs).items.find(
      adr => adr.date && adr.status === 'accepted',
    );
    fixtures = {
      server,
      adrId: dated!.id,
      reviewId: (await createReview(server, JANE)).id,
    };
  });

  afterEach(() => {
    denied = [];
  });

  it('guards a route with every governance permission, and names no other', () => {
    const named = new Set(
      rows.flatMap(r => (r.permission ? [r.permission] : [])),
    );
    expect([...named].sort()).toEqual([...everyPermission].sort());
  });

  it.each(cells)('$name', async cell => {
    const valid = await cell.row.prepare(fixtures);
    const { url, body } = cell.malformed
      ? { url: valid.url.split('?')[0], body: {} }
      : valid;
    denied = cell.without ?? [];
    const [method] = cell.row.route.split(' ');
    const res = await call(
      fixtures.server,
      method.toLowerCase() as Method,
      url,
      cell.authorization,
      body,
    );
    // The error message travels with the status, so a failing cell says why.
    expect({
      status: res.status,
      message: String(res.body?.error?.message ?? ''),
    }).toEqual({
      status: cell.status,
      message: expect.stringContaining(cell.message ?? ''),
    });
  });

  it('has a row for every route of the contract, and no row for a route that is gone', () => {
    // Every route is in src/schema/openapi.yaml; the router serves only those.
    const inSource = new Set<string>();
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const method of Object.keys(item)) {
        inSource.add(
          `${method.toUpperCase()} ${template.replace(/\{(\w+)\}/g, ':$1')}`,
        );
      }
    }
    expect(inSource.size).toBeGreaterThan(20);
    const inTable = new Set(rows.map(r => r.route));
    expect({
      withoutRow: [...inSource].filter(route => !inTable.has(route)),
      gone: [...inTable].filter(route => !inSource.has(route)),
    }).toEqual({ withoutRow: [], gone: [] });
  });
});
