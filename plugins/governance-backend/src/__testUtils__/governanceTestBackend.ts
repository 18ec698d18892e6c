import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import {
  createServiceFactory,
  PermissionsService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ComplianceRollup } from '@catalog-governance/backstage-plugin-governance-common';
import type { Server } from 'node:http';
import request from 'supertest';
import { governanceLocalDirectoryUrlReader } from '../adrs/LocalDirectoryUrlReader';
import { governancePlugin } from '../plugin';
import { readUntil } from './readUntil';
import { GRACE, JANE } from './users';
import { callerOf } from './visibleCatalog';
import { tieredComponent } from './catalogEntities';

// A test that starts a backend waits for its plugins' init (migrations included), which takes
// seconds and more on a loaded CI machine: jest's 5 s default failed there (ciToken.test.ts). A
// file that also creates test databases raises this again (testDatabases.ts).
jest.setTimeout(30_000);

/**
 * Config that lets a static token in, with `accessRestrictions` as `app-config.yaml` sets
 * them: how CI reaches the backend.
 */
export function staticTokenConfig(
  token: string,
  accessRestrictions: Array<{ plugin: string; permission?: string }>,
) {
  return {
    backend: {
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token, subject: 'ci-facts' },
            accessRestrictions,
          },
        ],
      },
    },
  };
}

/** The governance API of `server` as the caller of this Authorization header sees it. */
export function governanceApi(server: Server, authorization: string) {
  const call =
    (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (path: string) =>
      request(server)
        [method](`/api/governance${path}`)
        .set('Authorization', authorization);
  return {
    get: call('get'),
    post: call('post'),
    put: call('put'),
    patch: call('patch'),
    delete: call('delete'),
  };
}

/**
 * `server` with its API as Grace (the council) and as Jane (an engineer) see it: for route
 * tests in which the two of them may see or do different things.
 */
export const withGraceAndJane = (server: Server) => ({
  server,
  grace: governanceApi(server, mockCredentials.user.header(GRACE)),
  jane: governanceApi(server, mockCredentials.user.header(JANE)),
});

/** What a 400 naming the problem looks like: `expect(res).toMatchObject(badRequest(...))`. */
export const badRequest = (message: string | RegExp) => ({
  status: 400,
  body: {
    error: {
      message:
        typeof message === 'string'
          ? expect.stringContaining(message)
          : expect.stringMatching(message),
    },
  },
});

/** GETs `path` of the governance API as the user `userEntityRef` (the mock user if none). */
export const getAs = (server: Server, path: string, userEntityRef?: string) =>
  governanceApi(server, mockCredentials.user.header(userEntityRef)).get(path);

/**
 * The compliance roll-up (`query` says how it is grouped) once the scheduled evaluation at
 * start-up has stored all `entities`: it runs in the background, so a route test that reads
 * what it stored waits for it first.
 */
export const rollupOnceEvaluated = (
  server: Server,
  entities: number,
  query = 'groupBy=tier',
): Promise<ComplianceRollup> =>
  readUntil(
    async () => (await getAs(server, `/compliance?${query}`)).body,
    (rollup: ComplianceRollup) => rollup.totals?.entities === entities,
    {
      attempts: 100,
      waitingFor: 'the scheduled evaluation to store every entity',
    },
  );

/**
 * The governance API as the user `userEntityRef` sees it, each write sending `body`: for tests
 * that act as several people in turn.
 */
export function userApi(server: Server, userEntityRef: string) {
  const api = governanceApi(server, mockCredentials.user.header(userEntityRef));
  return {
    get: api.get,
    post: (path: string, body: object) => api.post(path).send(body),
    put: (path: string, body: object) => api.put(path).send(body),
    patch: (path: string, body: object) => api.patch(path).send(body),
  };
}

/**
 * Permissions as the council has them: `councilMember` may do everything, everyone else only
 * request reviews. `authorizeConditional` decides the catalog's read permission, if given.
 */
export function councilPermissions(
  councilMember: string,
  authorizeConditional?: PermissionsService['authorizeConditional'],
) {
  return mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(r => ({
        result:
          r.permission.name === 'governance.review.create' ||
          callerOf(options).userEntityRef === councilMember
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
    ...(authorizeConditional && { authorizeConditional }),
  });
}

/** Requests a design review of payments titled `title`: the item review tests act on. */
export const requestPaymentsReview = (
  server: Server,
  authorization: string,
  title = 'Ledger',
) =>
  governanceApi(server, authorization).post('/reviews').send({
    entityRef: 'component:default/payments',
    kind: 'design-review',
    title,
  });

/** Pushes a coverage fact of payments with a service token; `fields` replace the defaults. */
export const pushPaymentsFact = (server: Server, fields: object = {}) =>
  governanceApi(server, mockCredentials.service.header())
    .post('/facts')
    .send({
      entityRef: 'component:default/payments',
      name: 'coverage',
      value: 80,
      source: 'ci/github-actions',
      ...fields,
    });

/** A notification service that sends nothing: the plugin needs one, route tests read none. */
export const silentNotifications = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({ send: async () => {} }),
});

/** A notification service that keeps what it sends in `sent`: for tests of who is told what. */
export function recordedNotifications() {
  const sent: NotificationSendOptions[] = [];
  const factory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      send: async (notification: NotificationSendOptions) =>
        void sent.push(notification),
    }),
  });
  return { sent, factory };
}

type Features = Parameters<typeof startTestBackend>[0]['features'];

/** What the backend needs to read ADRs from the local directories the config allows. */
export const localAdrReading = [
  urlReaderServiceFactory,
  governanceLocalDirectoryUrlReader,
];

/** A backend whose catalog holds one core service, payments, owned by `owner`. */
export const startPaymentsBackend = (owner = 'team-a', features?: Features) =>
  startGovernanceTestBackend({
    entities: [tieredComponent('payments', 'core', owner)],
    features,
  });

/** What {@link startGovernanceTestBackend} is started with. */
export interface GovernanceTestBackendOptions {
  entities?: Entity[];
  catalog?: CatalogService;
  config?: object;
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY | ServiceFactory;
  anonymous?: boolean;
  scheduledAtStartUp?: boolean;
  notifications?: ServiceFactory;
  features?: Features;
}

/**
 * The governance plugin in a test backend where every permission is allowed (unless
 * `permission` denies them, or is a permissions service of its own), the catalog holds
 * `entities` (or is `catalog`), the config is `config` and notifications go nowhere (or to
 * `notifications`): for
 * tests of what the routes accept and answer. `anonymous` makes requests without a token
 * anonymous, as in a real backend. `scheduledAtStartUp` runs the scheduled tasks (the
 * evaluation, the annotation scan) at start-up instead of after their initial delay.
 * `features` adds to it, e.g. a database factory.
 */
export async function startGovernanceTestBackend(
  options: GovernanceTestBackendOptions,
): Promise<Server> {
  const { permission = AuthorizeResult.ALLOW } = options;
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      typeof permission === 'string'
        ? mockServices.permissions.factory({ result: permission })
        : permission,
      options.catalog
        ? createServiceFactory({
            service: catalogServiceRef,
            deps: {},
            factory: () => options.catalog!,
          })
        : catalogServiceMock.factory({ entities: options.entities ?? [] }),
      options.notifications ?? silentNotifications,
      ...(options.config
        ? [mockServices.rootConfig.factory({ data: options.config })]
        : []),
      ...(options.anonymous
        ? [
            mockServices.httpAuth.factory({
              defaultCredentials: mockCredentials.none(),
            }),
          ]
        : []),
      ...(options.scheduledAtStartUp
        ? [
            mockServices.scheduler.factory({
              includeInitialDelayedTasksOnStartup: true,
            }),
          ]
        : []),
      ...(options.features ?? []),
    ],
  });
  return server;
}
