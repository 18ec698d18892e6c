import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  ComplianceEntityPage,
  ComplianceRollup,
  ComplianceTrend,
} from '@catalog-governance/backstage-plugin-governance-common';
import request from 'supertest';
import {
  badRequest,
  getAs,
  GovernanceTestBackendOptions,
  pushPaymentsFact,
  rollupOnceEvaluated,
  startGovernanceTestBackend,
} from '../__testUtils__/governanceTestBackend';
import {
  catalogHidingFrom,
  catalogReadPermission,
  visibleCatalog,
} from '../__testUtils__/visibleCatalog';
import { JANE, NOBODY } from '../__testUtils__/users';

const component = (
  name: string,
  spec: { owner: string; system?: string },
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, title: `The ${name} service`, annotations },
  spec: { type: 'service', lifecycle: 'production', ...spec },
});

const entities: Entity[] = [
  component(
    'checkout',
    { owner: 'team-a', system: 'payments' },
    { 'governance/tier': 'core', 'governance/test-coverage': '60' },
  ),
  component(
    'ledger',
    { owner: 'team-a', system: 'payments' },
    { 'governance/tier': 'core', 'governance/test-coverage': '95' },
  ),
  component(
    'wiki',
    { owner: 'group:default/team-b' },
    { 'governance/tier': 'supporting' },
  ),
  component('untiered', { owner: 'team-b' }, {}),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'payments' },
    spec: { owner: 'team-a', domain: 'commerce' },
  },
];

/** The catalog's read permission: users cannot see the payments system. */
const catalogHidingSystemFromUsers = () =>
  visibleCatalog(
    entities,
    (caller, ref) =>
      caller.type === 'user' && ref === 'system:default/payments',
  );

/** The catalog's read permission: Jane cannot see the ledger service. */
const catalogHidingLedgerFromJane = () =>
  catalogHidingFrom(JANE, 'component:default/ledger', entities);

/**
 * The catalog's read permission: conditional for Jane (the catalog applies the condition),
 * denied to Nobody, allowed to everyone else.
 */
const catalogReadForJaneAndNobody = catalogReadPermission({
  conditional: JANE,
  denied: NOBODY,
});

/** `permission` and `catalog` replace the defaults: everything allowed, every entity seen. */
const startBackend = (options: GovernanceTestBackendOptions = {}) =>
  startGovernanceTestBackend({
    entities,
    ...options,
    scheduledAtStartUp: true,
  });

/** The untiered service and the system are not governed. */
const GOVERNED = 3;

describe('Compliance routes', () => {
  it('rolls the scheduled evaluation up by domain, with entities outside any system grouped apart', async () => {
    const server = await startBackend();
    const rollup = await rollupOnceEvaluated(
      server,
      GOVERNED,
      'groupBy=domain',
    );
    expect(rollup.groups.map(g => [g.key, g.entities, g.counts.total])).toEqual(
      [
        // The supporting tier demands fewer checks than core.
        [undefined, 1, expect.any(Number)],
        ['domain:default/commerce', 2, expect.any(Number)],
      ],
    );
    expect(rollup.totals.counts.total).toBe(
      rollup.groups[0].counts.total + rollup.groups[1].counts.total,
    );
  });

  it('drills down to a group and counts a pushed fact at once', async () => {
    const server = await startBackend();
    await rollupOnceEvaluated(server, GOVERNED, 'groupBy=owner');
    const before = (
      await getAs(server, '/compliance/entities?owner=group:default/team-a')
    ).body as ComplianceEntityPage;
    expect(before.items.map(i => [i.entityRef, i.title])).toEqual([
      ['component:default/checkout', 'The checkout service'],
      ['component:default/ledger', 'The ledger service'],
    ]);
    expect(before.items[0].failing).toContain('coverage');

    const push = await pushPaymentsFact(server, {
      entityRef: 'component:default/checkout',
      value: 92,
    });
    expect(push.status).toBe(201);

    const after = (
      await getAs(server, '/compliance/entities?owner=group:default/team-a')
    ).body as ComplianceEntityPage;
    const checkout = after.items.find(
      i => i.entityRef === 'component:default/checkout',
    )!;
    expect(checkout.failing).not.toContain('coverage');
    expect(checkout.counts.pass).toBe(before.items[0].counts.pass + 1);

    // Today's trend point is live too, not waiting for the next scheduled pass.
    const trend = (
      await getAs(server, '/compliance/trend?days=1&owner=group:default/team-a')
    ).body as ComplianceTrend;
    expect(trend.points.map(p => p.counts.pass)).toEqual([
      after.items.reduce((sum, item) => sum + item.counts.pass, 0),
    ]);
  });

  it("keeps an entity's domain after a refresh by a user who cannot see its system", async () => {
    const server = await startBackend({
      catalog: catalogHidingSystemFromUsers(),
    });
    await rollupOnceEvaluated(server, GOVERNED, 'groupBy=domain');
    const refresh = await request(server)
      .post(
        '/api/governance/scorecard/refresh?entityRef=component:default/checkout',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(refresh.status).toBe(200);

    const commerce = (
      await getAs(server, '/compliance/entities?domain=domain:default/commerce')
    ).body as ComplianceEntityPage;
    expect(commerce.items.map(i => [i.entityRef, i.system])).toEqual(
      expect.arrayContaining([
        ['component:default/checkout', 'system:default/payments'],
      ]),
    );
  });

  describe("under the catalog's read permission", () => {
    async function startWithPermissions() {
      const catalog = catalogHidingLedgerFromJane();
      const server = await startBackend({
        permission: catalogReadForJaneAndNobody.factory,
        catalog,
      });
      await rollupOnceEvaluated(server, GOVERNED, 'groupBy=owner');
      const as = (user: string, path: string) => getAs(server, path, user);
      return { as, batchReads: catalog.batchReads };
    }

    it('shows a user with a conditional decision only the entities they may see: roll-ups, exact pages, exports and the trend', async () => {
      const { as } = await startWithPermissions();
      const rollup = (await as(JANE, '/compliance?groupBy=owner'))
        .body as ComplianceRollup;
      expect(rollup.totals.entities).toBe(2);
      expect(rollup.groups.map(g => [g.key, g.entities])).toEqual(
        expect.arrayContaining([['group:default/team-a', 1]]),
      );

      const page = (
        await as(
          JANE,
          '/compliance/entities?owner=group:default/team-a&limit=1',
        )
      ).body as ComplianceEntityPage;
      expect(page.totalItems).toBe(1);
      expect(page.items.map(i => i.entityRef)).toEqual([
        'component:default/checkout',
      ]);

      const byOwner = (await as(JANE, '/compliance.csv?groupBy=owner')).text;
      expect(byOwner).toMatch(/\r\ngroup:default\/team-a,1,/);
      const drilled = (await as(JANE, '/compliance/entities.csv')).text;
      expect(drilled).toContain('component:default/checkout');
      expect(drilled).not.toContain('component:default/ledger');

      const trend = (await as(JANE, '/compliance/trend?days=30'))
        .body as ComplianceTrend;
      expect(trend.points).toEqual([
        {
          day: new Date().toISOString().slice(0, 10),
          counts: rollup.totals.counts,
        },
      ]);
    });

    it('shows nothing to a caller denied catalog read', async () => {
      const { as } = await startWithPermissions();
      expect(
        (
          (await as(NOBODY, '/compliance?groupBy=tier'))
            .body as ComplianceRollup
        ).totals.entities,
      ).toBe(0);
      expect(
        (await as(NOBODY, '/compliance/entities')).body as ComplianceEntityPage,
      ).toMatchObject({ totalItems: 0, items: [] });
      expect(
        ((await as(NOBODY, '/compliance/trend?days=7')).body as ComplianceTrend)
          .points,
      ).toEqual([]);
      expect(
        (await as(NOBODY, '/compliance/entities.csv')).text
          .trim()
          .split('\r\n'),
      ).toHaveLength(1);
    });

    it('answers an unconditional allow from the stored roll-ups, without asking the catalog', async () => {
      const { as, batchReads } = await startWithPermissions();
      batchReads.mockClear();
      const rollup = (await as('user:default/ada', '/compliance?groupBy=tier'))
        .body as ComplianceRollup;
      expect(rollup.totals.entities).toBe(3);
      expect(batchReads).not.toHaveBeenCalled();
    });
  });

  it('has a trend point for today after the scheduled evaluation', async () => {
    const server = await startBackend();
    await rollupOnceEvaluated(server, GOVERNED, 'groupBy=tier');
    const trend = (await getAs(server, '/compliance/trend?days=7&tier=core'))
      .body as ComplianceTrend;
    expect(trend.points.map(p => p.day)).toEqual([
      new Date().toISOString().slice(0, 10),
    ]);
    expect(trend.points[0].counts.total).toBeGreaterThan(0);
  });

  it('exports the current view as CSV', async () => {
    const server = await startBackend();
    await rollupOnceEvaluated(server, GOVERNED, 'groupBy=owner');
    const groups = await getAs(server, '/compliance.csv?groupBy=tier');
    expect(groups.status).toBe(200);
    expect(groups.headers['content-type']).toMatch(/^text\/csv/);
    expect(groups.headers['content-disposition']).toContain(
      'compliance-by_tier.csv',
    );
    const lines = groups.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'tier,entities,pass,fail,warn,unknown,waived,total,passing_percent,level_bronze,level_silver,level_gold,no_level,below_required_level',
    );
    expect(lines.slice(1).map(l => l.split(',').slice(0, 2))).toEqual(
      expect.arrayContaining([
        ['core', '2'],
        ['supporting', '1'],
      ]),
    );

    const drilled = await getAs(
      server,
      '/compliance/entities.csv?owner=group:default/team-b',
    );
    expect(drilled.text.trim().split('\r\n')).toEqual([
      expect.stringMatching(/^entity,title,owner,system,domain,tier,/),
      expect.stringMatching(
        /^component:default\/wiki,The wiki service,group:default\/team-b,,,supporting,/,
      ),
    ]);
  });

  it.each([
    [
      '/compliance?groupBy=team',
      "'groupBy' must be one of owner, system, domain, tier",
    ],
    [
      '/compliance/entities?limit=500',
      "'limit' must be a whole number from 1 to 100",
    ],
    ['/compliance/entities?offset=-1', "'offset' must be a whole number"],
    ['/compliance/trend?days=0', "'days' must be a whole number from 1 to 366"],
    ['/compliance?owner=a&owner=b', "'owner' may be given only once"],
  ])('answers %s with 400 naming the problem', async (path, message) => {
    const server = await startBackend();
    const res = await getAs(server, path);
    expect(res).toMatchObject(badRequest(message));
  });

  it('needs a signed-in caller', async () => {
    const server = await startBackend({ anonymous: true });
    const res = await request(server).get('/api/governance/compliance');
    expect(res.status).toBe(401);
  });
});
