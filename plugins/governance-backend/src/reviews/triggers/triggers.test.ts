import { Entity } from '@backstage/catalog-model';
import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import {
  adr,
  after,
  escalationBackend,
  hoursAgo,
  NOW,
  result,
} from '../../__testUtils__/escalationBackend';
import { describeEachDatabase } from '../../__testUtils__/describeEachDatabase';

const component = (
  name: string,
  owner: string,
  relations: Entity['relations'] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'governance/tier': 'critical' },
  },
  spec: { type: 'service', owner },
  relations: [{ type: 'ownedBy', targetRef: owner }, ...relations],
});

/** An entity a dependency can point at, owned by `owner`. */
const owned = (kind: string, name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: { owner },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

describeEachDatabase('escalation triggers', database => {
  const setUp = (entities: Entity[] = [], config: object = {}) =>
    escalationBackend(database, entities, config);

  it('escalates a critical service failing longer than the grace period, once per failing run', async () => {
    const { store, createRunner, items, sent } = await setUp();
    const ref = 'component:default/payments';
    await store.syncTiers(
      [{ entityRef: ref, tier: 'critical' }],
      hoursAgo(100),
    );
    const evaluate = (state: CheckResult['state'], at: Date) =>
      store.storeEvaluations(
        [
          {
            entityRef: ref,
            placement: { tier: 'critical' },
            results: [result('availability', state)],
          },
        ],
        at,
      );
    await evaluate('pass', hoursAgo(50));
    await evaluate('fail', hoursAgo(2));
    const runner = createRunner();
    // Inside the 24-hour grace period: nothing yet.
    expect(await runner.run(NOW)).toBe(0);

    await evaluate('fail', hoursAgo(1));
    expect(await runner.run(after({ hours: 23 }))).toBe(1);
    expect(await runner.run(after({ hours: 30 }))).toBe(0);
    const [item] = await items();
    expect(item).toMatchObject({
      entityRef: ref,
      kind: 'nfr-escalation',
      priority: 'critical',
      title: 'Availability failing on a critical service',
      origin: { type: 'trigger', triggerId: 'failing-check' },
    });
    expect(sent).toContainEqual(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: ['group:default/council'] },
      }),
    );

    // Recovering and failing again is a new cause.
    await evaluate('pass', after({ hours: 31 }));
    await evaluate('fail', after({ hours: 32 }));
    expect(await runner.run(after({ hours: 60 }))).toBe(1);
  });

  it('raises each cause once when two runners (replicas) run at the same moment', async () => {
    const { store, createRunner, items } = await setUp();
    const refs = ['a', 'b', 'c'].map(n => `component:default/${n}`);
    await store.syncTiers(
      refs.map(entityRef => ({ entityRef, tier: 'critical' })),
      hoursAgo(100),
    );
    await store.storeEvaluations(
      refs.map(entityRef => ({
        entityRef,
        placement: { tier: 'critical' },
        results: [result('availability', 'fail')],
      })),
      hoursAgo(48),
    );
    const raised = await Promise.all([
      createRunner().run(NOW),
      createRunner().run(NOW),
    ]);
    expect(raised[0] + raised[1]).toBe(3);
    expect(await items()).toHaveLength(3);
  });

  it('ignores tiers not watched, and can be switched off', async () => {
    const { store, createRunner } = await setUp([], {
      failingCheck: { gracePeriod: { hours: 0 } },
    });
    await store.syncTiers(
      [{ entityRef: 'component:default/a', tier: 'core' }],
      hoursAgo(10),
    );
    await store.storeEvaluations(
      [
        {
          entityRef: 'component:default/a',
          placement: { tier: 'core' },
          results: [result('availability', 'fail')],
        },
      ],
      hoursAgo(5),
    );
    expect(await createRunner().run(NOW)).toBe(0);

    const off = await setUp([], { failingCheck: { enabled: false } });
    await off.store.syncTiers(
      [{ entityRef: 'component:default/b', tier: 'critical' }],
      hoursAgo(100),
    );
    await off.store.storeEvaluations(
      [
        {
          entityRef: 'component:default/b',
          placement: { tier: 'critical' },
          results: [result('availability', 'fail')],
        },
      ],
      hoursAgo(50),
    );
    expect(await off.createRunner().run(NOW)).toBe(0);
  });

  it('escalates an overdue security review, a tier change and an expired waiver on a failing check, once each', async () => {
    const { store, createRunner, items } = await setUp();
    const ref = 'component:default/search';
    await store.syncTiers([{ entityRef: ref, tier: 'core' }], hoursAgo(72));
    await store.syncTiers([{ entityRef: ref, tier: 'critical' }], hoursAgo(48));
    await store.createWaiver({
      id: 'w-1',
      entityRef: ref,
      checkId: 'coverage',
      reason: 'Rewrite',
      expiresAt: hoursAgo(3).toISOString(),
      createdBy: 'user:default/grace',
      createdAt: hoursAgo(200).toISOString(),
    });
    await store.storeEvaluations(
      [
        {
          entityRef: ref,
          placement: { tier: 'critical' },
          results: [
            result('security-review', 'fail'),
            result('coverage', 'fail'),
          ],
        },
      ],
      hoursAgo(1),
    );
    const runner = createRunner();
    await runner.run(NOW);
    await runner.run(NOW);
    expect(
      (await items()).map(i => [
        i.origin.type === 'trigger' && i.origin.triggerId,
        i.title,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['security-review-overdue', 'Security review overdue'],
        ['tier-change', 'Tier changed from core to critical'],
        ['expired-waiver', 'Waiver expired on failing check coverage'],
      ]),
    );
    // Only the security review trigger covers security-review; coverage fails for 1 hour only.
    expect(await items()).toHaveLength(3);
  });

  it('escalates overdue retrospectives and ADRs beyond the owning team’s scope, once each', async () => {
    const team: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a', namespace: 'default' },
      spec: { type: 'team' },
      relations: ['a', 'b', 'c'].map(n => ({
        type: 'hasMember',
        targetRef: `user:default/${n}`,
      })),
    };
    const { adrStore, createRunner, items } = await setUp([team]);
    await adrStore.replaceAdrs({
      entityRef: 'component:default/checkout',
      url: 'file:///adrs',
      readAt: NOW,
      adrs: [
        adr('old-decision', { title: 'Use Postgres', date: '2025-01-10' }),
        adr('kafka', {
          title: 'Adopt Kafka',
          scope: 'platform-selection',
          date: '2026-11-01',
        }),
        adr('boundaries', {
          title: 'Split checkout',
          scope: 'service-boundaries',
          date: '2026-11-01',
        }),
        adr('api', {
          title: 'REST API',
          scope: 'api-design',
          date: '2026-11-01',
        }),
      ],
    });
    const runner = createRunner();
    await runner.run(NOW);
    await runner.run(NOW);
    const titles = (await items()).map(i => i.title).sort();
    expect(titles).toEqual([
      "Decision outside the team's scope: Adopt Kafka",
      "Decision outside the team's scope: Split checkout",
      'Retrospective overdue: Use Postgres',
    ]);
  });

  it('escalates a new cross-team dependency but not the ones that existed on its first run', async () => {
    const existing = component('checkout', 'group:default/team-a', [
      { type: 'dependsOn', targetRef: 'resource:default/ledger-db' },
    ]);
    const ledger = owned('Resource', 'ledger-db', 'group:default/team-b');
    const api = owned('API', 'fx-rates', 'group:default/team-c');
    // The spec still names team-c: the owner is read from the relation.
    const own: Entity = {
      ...api,
      metadata: { name: 'cart', namespace: 'default' },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
    };
    const first = await setUp([existing, ledger, api, own]);
    expect(await first.createRunner().run(NOW)).toBe(0);

    // The same database, a catalog where checkout now consumes two more APIs.
    const grown = component('checkout', 'group:default/team-a', [
      { type: 'dependsOn', targetRef: 'resource:default/ledger-db' },
      { type: 'consumesApi', targetRef: 'api:default/fx-rates' },
      { type: 'consumesApi', targetRef: 'api:default/cart' },
    ]);
    expect(await first.items()).toEqual([]);
    const later = first.createRunner([grown, ledger, api, own]);
    expect(await later.run(NOW)).toBe(1);
    expect(await later.run(NOW)).toBe(0);
    expect((await first.items()).map(i => i.title)).toEqual([
      'New cross-team dependency on api:default/fx-rates',
    ]);
  });

  it('raises a cross-team dependency on a later run when its escalation failed, and the failure costs no other escalation', async () => {
    const fxRates = owned('API', 'fx-rates', 'group:default/team-c');
    const ledger = owned('API', 'ledger', 'group:default/team-d');
    const before = component('checkout', 'group:default/team-a');
    const env = await setUp([before, fxRates, ledger]);
    expect(await env.createRunner().run(NOW)).toBe(0);

    const grown = component('checkout', 'group:default/team-a', [
      { type: 'consumesApi', targetRef: 'api:default/fx-rates' },
      { type: 'consumesApi', targetRef: 'api:default/ledger' },
    ]);
    const runner = env.createRunner([grown, fxRates, ledger]);
    const escalate = env.reviews.escalate.bind(env.reviews);
    const spy = jest
      .spyOn(env.reviews, 'escalate')
      .mockImplementation(async (triggerId, escalation) => {
        if (escalation.causeKey.endsWith('api:default/fx-rates')) {
          throw new Error('connection reset');
        }
        return escalate(triggerId, escalation);
      });
    expect(await runner.run(NOW)).toBe(1);
    expect(env.logger.error).toHaveBeenCalledWith(
      expect.stringContaining(
        "could not raise 'component:default/checkout->api:default/fx-rates'",
      ),
      expect.objectContaining({ message: 'connection reset' }),
    );

    spy.mockRestore();
    expect(await runner.run(NOW)).toBe(1);
    expect(await runner.run(NOW)).toBe(0);
    expect((await env.items()).map(i => i.title).sort()).toEqual([
      'New cross-team dependency on api:default/fx-rates',
      'New cross-team dependency on api:default/ledger',
    ]);
  });
});
