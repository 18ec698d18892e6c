import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  MockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  AdrDetail,
  AdrImpact,
  AdrIndexPage,
  EntityAdrs,
} from '@catalog-governance/backstage-plugin-governance-common';
import fs from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import request from 'supertest';
import { governanceLocalDirectoryUrlReader } from '../adrs/LocalDirectoryUrlReader';
import { governancePlugin } from '../plugin';
import {
  callerOf,
  conditionalCatalogRead,
  visibleCatalog,
} from '../__testUtils__/visibleCatalog';

const examples = resolvePath(__dirname, '../../../../examples/governance');

const service = (
  name: string,
  annotations: Record<string, string>,
  owner = 'team-web',
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
  spec: { type: 'service', lifecycle: 'production', owner },
});

const entities = [
  service('checkout-web', { 'governance/adr-location': 'adrs/checkout-web' }),
  service(
    'payments-api',
    { 'backstage.io/adr-location': 'adrs/payments-api' },
    'team-payments',
  ),
  service('ledger', { 'governance/adr-location': 'https://example.com/adrs' }),
  service('plain', {}),
  service('stray', { 'governance/adr-location': `${'../'.repeat(20)}etc` }),
  service('missing', { 'governance/adr-location': 'adrs/missing' }),
];

async function startBackend(
  extraFeatures: Parameters<typeof startTestBackend>[0]['features'] = [],
) {
  const { server } = await startTestBackend({
    features: [
      ...(extraFeatures ?? []),
      governancePlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { governance: { adrs: { allowedLocalDirectories: [examples] } } },
      }),
      urlReaderServiceFactory,
      governanceLocalDirectoryUrlReader,
    ],
  });
  return server;
}

/** A backend reading ADRs from a folder on disk, with entities named by their ADR location. */
async function startLocalBackend(
  root: MockDirectory,
  locations: Record<string, string>,
  adrs: Record<string, unknown> = {},
) {
  const entity = ([name, location]: [string, string]): Entity => ({
    ...service(name, {}),
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': `file:${root.resolve(
          'catalog-info.yaml',
        )}`,
        'governance/adr-location': location,
      },
    },
  });
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      catalogServiceMock.factory({
        entities: Object.entries(locations).map(entity),
      }),
      mockServices.rootConfig.factory({
        data: {
          governance: {
            adrs: { allowedLocalDirectories: [root.path], ...adrs },
          },
        },
      }),
      urlReaderServiceFactory,
      governanceLocalDirectoryUrlReader,
    ],
  });
  return server;
}

type Server = Awaited<ReturnType<typeof startBackend>>;

const get = (server: Server, url: string) =>
  request(server)
    .get(`/api/governance${url}`)
    .set('Authorization', mockCredentials.user.header());

async function adrsOf(server: Server, name: string) {
  return (await get(server, `/adrs?entityRef=component:default/${name}`))
    .body as EntityAdrs;
}

describe('ADR routes', () => {
  it("lists an entity's ADRs, read on first view, with their status and retrospective", async () => {
    const server = await startBackend();
    const adrs = await adrsOf(server, 'checkout-web');
    expect(adrs.location).toMatchObject({ status: 'ok' });
    expect(
      adrs.items.map(a => [a.number, a.status, a.retrospective.state]),
    ).toEqual([
      [1, 'accepted', 'overdue'],
      [2, 'accepted', 'due'],
      [3, 'superseded', 'not-applicable'],
      [4, 'proposed', 'not-applicable'],
    ]);

    expect(await adrsOf(server, 'plain')).toEqual({
      entityRef: 'component:default/plain',
      location: { status: 'not-configured' },
      items: [],
    });
  });

  it('shows why a location cannot be read instead of an empty list', async () => {
    const server = await startBackend();
    const adrs = await adrsOf(server, 'ledger');
    expect(adrs.location).toMatchObject({
      status: 'error',
      url: 'https://example.com/adrs/',
    });
    expect(adrs.items).toEqual([]);
    expect((adrs.location as { error: string }).error.length).toBeGreaterThan(
      10,
    );
  });

  it('gives viewers a plain reason for a location it cannot read, without server paths or settings', async () => {
    const server = await startBackend();
    for (const [name, reason] of [
      ['stray', /^Not allowed: /],
      ['missing', /^Not found: /],
    ] as const) {
      const { location } = await adrsOf(server, name);
      expect(location).toMatchObject({ status: 'error' });
      const { error } = location as { error: string };
      expect(error).toMatch(reason);
      expect(error).not.toContain(examples);
      expect(error).not.toContain('/etc');
    }
  });

  it('opens one ADR with its body and resolves the superseding ADR to its id', async () => {
    const server = await startBackend();
    const { items } = await adrsOf(server, 'checkout-web');
    const superseded = (await get(server, `/adrs/${items[2].id}`))
      .body as AdrDetail;
    expect(superseded.supersededBy).toMatchObject({
      number: 4,
      adrId: items[3].id,
    });
    expect(superseded.body).toContain('Use a CSS-in-JS library');
    expect((await get(server, '/adrs/nope')).status).toBe(404);
  });

  it('serves images next to an ADR with the reading rules, and nothing else', async () => {
    const server = await startBackend();
    const { items } = await adrsOf(server, 'checkout-web');
    const asset = (path: string) =>
      get(server, `/adrs/${items[1].id}/assets`).query({ path });
    for (const path of [
      'images/request-flow.svg',
      './images/request-flow.svg',
      'images//request-flow.svg',
      'images/../images/request-flow.svg',
    ]) {
      const image = await asset(path);
      expect(image.status).toBe(200);
      expect(image.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(image.headers['content-security-policy']).toContain('sandbox');
    }

    const notAnImage = await asset('0001-record-architecture-decisions.md');
    expect(notAnImage.status).toBe(400);
    expect(notAnImage.body.error.message).toBe(
      "Query parameter 'path' must name an image: only images are served next to an ADR (png, jpg, jpeg, gif, webp, svg)",
    );
  });

  it.each([
    ['a query after the extension', '../../entities.yaml?.png', /a query/],
    [
      'a fragment after the extension',
      '../../entities.yaml#.png',
      /a fragment/,
    ],
    ['percent-encoded dots', '%2e%2e/%2e%2e/entities.yaml?.png', /a query/],
    ['backslashes', '..\\..\\entities.yaml', /a backslash/],
    ['a UNC path', '\\\\127.0.0.1:7007\\x.png', /a backslash/],
    ['a parent folder', '../../entities.png', /leads out of the ADR's folder/],
    ['a parent folder inside the path', 'images/../../x.png', /leads out/],
    ['a sibling ADR folder', '../payments-api/x.png', /leads out/],
    ['an absolute path', '/etc/passwd.png', /relative to the ADR/],
    ['a URL', 'file:///etc/passwd.png', /relative to the ADR/],
    ['a folder', 'images/', /must name an image/],
  ])(
    'answers 400 naming the parameter to an image path with %s, before reading anything',
    async (_, path, reason) => {
      const server = await startBackend();
      const { items } = await adrsOf(server, 'checkout-web');
      const res = await get(server, `/adrs/${items[1].id}/assets`).query({
        path,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(/^Query parameter 'path' /);
      expect(res.body.error.message).toMatch(reason);
      expect(JSON.stringify(res.body)).not.toContain(examples);
      expect(res.body.error.stack).toBeUndefined();
    },
  );

  it('takes percent signs in an image path literally, and says a missing image is missing without server paths', async () => {
    const server = await startBackend();
    const { items } = await adrsOf(server, 'checkout-web');
    for (const path of ['%2e%2e/%2e%2e/x.png', 'images/missing.png']) {
      const res = await get(server, `/adrs/${items[1].id}/assets`).query({
        path,
      });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(`No image ${path} next to the ADR`);
      expect(JSON.stringify(res.body)).not.toContain(examples);
    }
  });

  it('lists an ADR file over governance.adrs.maxFileSize by its name, with a warning instead of its body', async () => {
    const root = createMockDirectory({
      content: {
        'docs/adr/0001-small.md': '# 1. Small\n\n* Status: accepted\n',
        'docs/adr/0002-huge.md': `# 2. Huge\n\n${'!['.repeat(1024)}`,
      },
    });
    const server = await startLocalBackend(
      root,
      { docs: 'docs/adr' },
      { maxFileSize: 2048 },
    );
    const { items } = await adrsOf(server, 'docs');
    expect(items.map(a => [a.number, a.title, a.warnings])).toEqual([
      [1, 'Small', []],
      [
        2,
        '0002-huge.md',
        [
          'the file is larger than 2048 bytes (governance.adrs.maxFileSize), so it is listed by its name only',
        ],
      ],
    ]);
    const huge = (await get(server, `/adrs/${items[1].id}`)).body as AdrDetail;
    expect(huge.body).toBe('');
  });

  describe('with links on the local disk', () => {
    const outside = createMockDirectory({
      content: {
        'secret.txt': 'root:x:0:0',
        'adrs/0001-leak.md': '# 1. Leak\n',
      },
    });
    const root = createMockDirectory();

    async function startLinkedBackend() {
      root.setContent({
        'catalog-info.yaml': 'kind: Component',
        'docs/adr/0001-first.md': '# 1. First\n\n* Status: accepted\n',
        'docs/adr/images/flow.png': 'png',
      });
      fs.symlinkSync(
        outside.resolve('secret.txt'),
        root.resolve('docs/adr/images/secret.png'),
      );
      fs.symlinkSync(outside.resolve('adrs'), root.resolve('linked'), 'dir');
      return startLocalBackend(root, { docs: 'docs/adr', linked: 'linked' });
    }

    it('refuses an image that is a link leading out of the allowed directories', async () => {
      const server = await startLinkedBackend();
      const { items } = await adrsOf(server, 'docs');
      const image = await get(server, `/adrs/${items[0].id}/assets`).query({
        path: 'images/flow.png',
      });
      expect(image.status).toBe(200);
      const res = await get(server, `/adrs/${items[0].id}/assets`).query({
        path: 'images/secret.png',
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        "The image images/secret.png may not be read under the backend's reading rules",
      );
      expect(JSON.stringify(res.body)).not.toContain(root.path);
    });

    it('does not read an ADR folder that is a link leading out of the allowed directories', async () => {
      const server = await startLinkedBackend();
      const adrs = await adrsOf(server, 'linked');
      expect(adrs.location).toMatchObject({ status: 'error' });
      expect(adrs.items).toEqual([]);
    });
  });

  it('records a retrospective, after which the ADR is no longer overdue', async () => {
    const server = await startBackend();
    const { items } = await adrsOf(server, 'checkout-web');
    const res = await request(server)
      .post(`/api/governance/adrs/${items[0].id}/retrospectives`)
      .set('Authorization', mockCredentials.user.header('user:default/li.wei'))
      .send({ date: '2026-11-20', outcome: 'keep', notes: 'Still right.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      adrId: items[0].id,
      outcome: 'keep',
      recordedBy: 'user:default/li.wei',
    });
    const after = (await get(server, `/adrs/${items[0].id}`)).body as AdrDetail;
    expect(after.retrospective.state).toBe('recorded');
    expect(after.retrospectives).toHaveLength(1);

    const bad = await request(server)
      .post(`/api/governance/adrs/${items[0].id}/retrospectives`)
      .set('Authorization', mockCredentials.user.header())
      .send({ date: '2999-01-01', outcome: 'maybe', notes: '' });
    expect(bad.status).toBe(400);
    // The contract's checks answer first, every problem at once; the date's, once it has the
    // contract's shape.
    expect(bad.body.error.message).toMatch(
      /outcome "maybe" is not allowed, expected one of keep, revise, supersede.*notes is required/,
    );
    const ahead = await request(server)
      .post(`/api/governance/adrs/${items[0].id}/retrospectives`)
      .set('Authorization', mockCredentials.user.header())
      .send({ date: '2999-01-01', outcome: 'keep', notes: ' ' });
    expect(ahead.status).toBe(400);
    expect(ahead.body.error.message).toMatch(
      /date 2999-01-01 is in the future.*notes are required/,
    );
  });

  it('answers 403 to a user without governance.retrospective.create', async () => {
    const server = await startBackend([
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    const { items } = await adrsOf(server, 'checkout-web');
    const res = await request(server)
      .post(`/api/governance/adrs/${items[0].id}/retrospectives`)
      .set('Authorization', mockCredentials.user.header())
      .send({ date: '2026-11-20', outcome: 'keep', notes: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('governance.retrospective.create');
  });

  it('compares measurements before and after a dated decision, and explains when there is no date', async () => {
    const server = await startBackend();
    const { items } = await adrsOf(server, 'checkout-web');
    const impact = (await get(server, `/adrs/${items[1].id}/impact?weeks=2`))
      .body as AdrImpact;
    expect(impact).toMatchObject({ date: '2026-06-10', weeks: 2 });
    expect(impact.checks.map(c => c.checkId)).toEqual([
      'p95-latency',
      'availability',
      'coverage',
    ]);

    const payments = await adrsOf(server, 'payments-api');
    const undated = payments.items.find(a => !a.date)!;
    const res = await get(server, `/adrs/${undated.id}/impact`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('has no date');
  });

  it('indexes ADRs across entities with filters, sorting and pages', async () => {
    const server = await startBackend();
    await adrsOf(server, 'checkout-web');
    await adrsOf(server, 'payments-api');

    const due = (
      await get(
        server,
        '/adr-index?retrospective=due&retrospective=overdue&sort=date&order=asc',
      )
    ).body as AdrIndexPage;
    expect(due.items.map(a => [a.entityRef, a.number])).toEqual([
      ['component:default/payments-api', 1],
      ['component:default/checkout-web', 1],
      ['component:default/checkout-web', 2],
    ]);

    const css = (await get(server, '/adr-index?q=CSS&sort=title'))
      .body as AdrIndexPage;
    expect(css.items.map(a => a.title)).toEqual([
      'Use a CSS-in-JS library',
      'Use plain CSS modules',
    ]);

    const page = (
      await get(
        server,
        '/adr-index?owner=group:default/team-web&status=accepted&limit=1&offset=1&sort=date',
      )
    ).body as AdrIndexPage;
    expect(page).toMatchObject({ totalItems: 2, offset: 1, limit: 1 });
    expect(page.items.map(a => a.number)).toEqual([1]);

    for (const [query, message] of [
      ['status=maybe', `'status' has "maybe"`],
      ['limit=500', "'limit' must be a whole number from 1 to 100"],
      ['from=yesterday', "'from' must be a YYYY-MM-DD date"],
    ]) {
      const res = await get(server, `/adr-index?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
  });

  it('leaves the ADRs of entities the caller cannot see out of the index, with exact pages', async () => {
    const JANE = 'user:default/jane';
    // Jane's catalog read permission is conditional; the catalog hides payments-api from her.
    const catalog = visibleCatalog(
      entities,
      (caller, ref) =>
        caller.userEntityRef === JANE &&
        ref === 'component:default/payments-api',
    );
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async (requests, options) =>
        requests.map(
          (): PolicyDecision =>
            callerOf(options).userEntityRef === JANE
              ? conditionalCatalogRead(JANE)
              : { result: AuthorizeResult.ALLOW },
        ),
    });
    const { server } = await startTestBackend({
      features: [
        governancePlugin,
        permissions.factory,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        mockServices.rootConfig.factory({
          data: {
            governance: { adrs: { allowedLocalDirectories: [examples] } },
          },
        }),
        urlReaderServiceFactory,
        governanceLocalDirectoryUrlReader,
      ],
    });
    await adrsOf(server, 'checkout-web');
    await adrsOf(server, 'payments-api');
    const index = async (user: string) =>
      (
        await request(server)
          .get('/api/governance/adr-index?limit=1')
          .set('Authorization', mockCredentials.user.header(user))
      ).body as AdrIndexPage;

    const everyone = await index('user:default/ada');
    const janes = await index(JANE);
    expect(janes.totalItems).toBeLessThan(everyone.totalItems);
    expect(janes.totalItems).toBe(
      (await adrsOf(server, 'checkout-web')).items.length,
    );
    expect(janes.items.map(a => a.entityRef)).toEqual([
      'component:default/checkout-web',
    ]);
  });
});
