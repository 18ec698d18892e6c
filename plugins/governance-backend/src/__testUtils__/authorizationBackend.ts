/*
 * The backend and cells of the route authorization tests: who may call which route, checked
 * anonymous, as a user with and without its permission, and with a service token. Test support
 * only.
 */
import type { Server } from 'node:http';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityAdrs,
  governancePermissions,
} from '@catalog-governance/backstage-plugin-governance-common';
import path from 'node:path';
import request from 'supertest';
import {
  localAdrReading,
  startGovernanceTestBackend,
} from './governanceTestBackend';
import { component, teamGroup, tieredComponent } from './catalogEntities';
import { inDays } from './dates';

const examples = path.resolve(__dirname, '../../../../examples/governance');

/** An entity with a tier and checks. */
export const PAYMENTS = 'component:default/payments';
/** An entity with ADRs in the examples. */
export const CHECKOUT = 'component:default/checkout-web';
/** The user every cell signs in as. */
export const ADA = 'user:default/ada';
/** Someone else, who requested the reviews that are not Ada's. */
export const JANE = 'user:default/jane';

const entities: Entity[] = [
  tieredComponent('payments', 'core', 'team-a', {
    'governance/test-coverage': '60',
  }),
  component(
    'checkout-web',
    {
      'backstage.io/managed-by-location': `file:${examples}/entities.yaml`,
      'governance/adr-location': 'adrs/checkout-web',
    },
    'team-web',
  ),
  teamGroup('fact-writers', [ADA]),
];

/** The permissions the current cell's user lacks; everything else is allowed. */
let denied: readonly string[] = [];

/** Denies these permissions to users from now on; services are decided by their token. */
export function denyToUsers(permissions: readonly string[]) {
  denied = permissions;
}
/** Every governance permission by name. */
export const everyPermission = governancePermissions.map(p => p.name);

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

/** The governance plugin with a catalog, ADRs and fact writers, denying what {@link denyToUsers} says. */
export function startAuthorizationBackend(): Promise<Server> {
  return startGovernanceTestBackend({
    entities,
    permission: permissions.factory,
    anonymous: true,
    config: {
      governance: {
        adrs: { allowedLocalDirectories: [examples] },
        // Users push facts only as members of this group (Ada is one).
        factWriters: { group: 'group:default/fact-writers' },
      },
    },
    features: localAdrReading,
  });
}

/** A method of the router, as supertest names it. */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** A principal type `httpAuth.credentials` may allow. */
export type Principal = 'user' | 'service';

/** Calls a route below /api/governance, with an Authorization header when given. */
export const call = (
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
export interface Fixtures {
  server: Server;
  /** An accepted, dated ADR of checkout-web, with an image next to it. */
  adrId: string;
  /** A review requested by Jane. */
  reviewId: string;
}

/** Fixture set-up fails loudly, naming what the backend answered. */
export function bodyIf(res: request.Response, status: number, what: string) {
  if (res.status !== status) {
    throw new Error(
      `${what} answered ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
  return res.body;
}

/** What a user's POST of `body` to `url` created; set-up fails loudly when it did not. */
async function createdBy(
  server: Server,
  userEntityRef: string,
  url: string,
  body: object,
  what: string,
) {
  const authorization = mockCredentials.user.header(userEntityRef);
  const res = await call(server, 'post', url, authorization, body);
  return bodyIf(res, 201, what);
}

/** A review of payments, requested by the given user. */
export async function createReview(server: Server, requestedBy: string) {
  return (await createdBy(
    server,
    requestedBy,
    '/reviews',
    {
      entityRef: PAYMENTS,
      kind: 'design-review',
      title: 'Move ledger to its own service',
    },
    'Requesting a review',
  )) as { id: string; version: number };
}

/** A waiver of payments' coverage check, granted by Jane. */
export async function createWaiver(server: Server) {
  return (await createdBy(
    server,
    JANE,
    '/waivers',
    {
      entityRef: PAYMENTS,
      checkId: 'coverage',
      reason: 'Legacy module being rewritten this quarter',
      expiresAt: inDays(30),
    },
    'Granting a waiver',
  )) as { id: string };
}

/** A row's prepare for a change of a fresh review requested by `requestedBy`. */
export const reviewPatch =
  (requestedBy: string, change: object) =>
  async ({ server }: Fixtures) => {
    const review = await createReview(server, requestedBy);
    return {
      url: `/reviews/${review.id}`,
      body: { version: review.version, ...change },
    };
  };

export interface Row {
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

/** A row's prepare for a call that needs no fixture. */
export const fixed =
  (url: string, body?: object) =>
  async (): Promise<{ url: string; body?: object }> => ({ url, body });

/** Users and services may call the route. */
export const both: Principal[] = ['user', 'service'];
/** Only users may call the route. */
export const userOnly: Principal[] = ['user'];

/**
 * The row of a route that any signed-in user or service may call without a permission, and
 * that answers 200: most reads. Given a URL, the call needs no fixture.
 */
export const signedInRow = (
  route: string,
  urlOrPrepare: string | Row['prepare'],
): Row => ({
  route,
  principals: both,
  status: 200,
  prepare:
    typeof urlOrPrepare === 'string' ? fixed(urlOrPrepare) : urlOrPrepare,
});

/** One call of a row as one caller, with the status it must get. */
export interface Cell {
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

/** The cells of rows: anonymous, user with and without permission, service. */
export const cellsOf = (rows: Row[]): Cell[] =>
  rows.flatMap(row => {
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

/** Starts the backend with an accepted, dated ADR of checkout-web and a review by Jane. */
export async function startAuthorizationFixtures(): Promise<Fixtures> {
  const server = await startAuthorizationBackend();
  const adrs = await call(
    server,
    'get',
    `/adrs?entityRef=${CHECKOUT}`,
    mockCredentials.user.header(ADA),
  );
  const dated = (bodyIf(adrs, 200, 'Listing ADRs') as EntityAdrs).items.find(
    adr => adr.date && adr.status === 'accepted',
  );
  return {
    server,
    adrId: dated!.id,
    reviewId: (await createReview(server, JANE)).id,
  };
}

/** Calls the cell's route as its caller, denying the user what the cell says. */
export async function callAsCell(
  fixtures: Fixtures,
  cell: Cell,
): Promise<request.Response> {
  const valid = await cell.row.prepare(fixtures);
  const { url, body } = cell.malformed
    ? { url: valid.url.split('?')[0], body: {} }
    : valid;
  denyToUsers(cell.without ?? []);
  const [method] = cell.row.route.split(' ');
  return await call(
    fixtures.server,
    method.toLowerCase() as Method,
    url,
    cell.authorization,
    body,
  );
}
