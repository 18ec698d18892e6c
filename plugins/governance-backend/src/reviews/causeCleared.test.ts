import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { DatabaseEscalationSignals } from '../database/DatabaseEscalationSignals';
import {
  adr,
  after,
  escalationBackend,
  hoursAgo,
  NOW,
  result,
} from '../__testUtils__/escalationBackend';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const ref = 'component:default/search';
const search: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'search', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/team-a' },
};
const checkout: Entity = {
  ...search,
  metadata: { name: 'checkout', namespace: 'default' },
};

describeEachDatabase('escalations whose cause clears,', database => {
  async function securityReview(config: object = {}) {
    const env = await escalationBackend(database, [search], config);
    await env.store.syncTiers([{ entityRef: ref, tier: 'core' }], hoursAgo(72));
    const evaluate = (state: CheckResult['state'], at: Date) =>
      env.store.storeEvaluations(
        [
          {
            entityRef: ref,
            placement: { tier: 'core' },
            results: [result('security-review', state)],
          },
        ],
        at,
      );
    await evaluate('fail', hoursAgo(1));
    expect(await env.createRunner().run(NOW)).toBe(1);
    const [raised] = await env.items();
    return { ...env, evaluate, raised };
  }

  it('closes a security-review escalation as resolved once the check passes, records it and tells the assignee', async () => {
    const { evaluate, raised, reviewStore, createRunner, items, sent } =
      await securityReview();
    await reviewStore.updateItem(
      raised.id,
      raised.version,
      { assignee: 'user:default/grace' },
      'user:default/ada',
    );
    await evaluate('pass', after({ hours: 1 }));
    const runner = createRunner();
    await runner.run(after({ hours: 2 }));
    await runner.run(after({ hours: 3 }));

    const [item] = await items();
    expect(item).toMatchObject({
      status: 'resolved',
      causeCleared: {
        action: 'closed',
        at: after({ hours: 2 }).toISOString(),
      },
    });
    const history = (await reviewStore.getDetail(item.id))!.history;
    // Once: the second run finds nothing left to clear.
    expect(history.filter(h => h.action === 'cause-cleared')).toEqual([
      expect.objectContaining({
        actor: 'trigger:security-review-overdue',
        changes: [
          { field: 'causeCleared', from: null, to: 'closed' },
          { field: 'status', from: 'open', to: 'resolved' },
        ],
      }),
    ]);
    expect(sent).toContainEqual({
      recipients: { type: 'entity', entityRef: ['user:default/grace'] },
      payload: expect.objectContaining({
        title: 'Resolved: Security review overdue',
        topic: 'governance-review',
      }),
    });
  });

  it('records a cleared cause once when two replicas run at the same moment', async () => {
    const { evaluate, reviewStore, createRunner, items } =
      await securityReview();
    await evaluate('pass', after({ hours: 1 }));
    await Promise.all([
      createRunner().run(after({ hours: 2 })),
      createRunner().run(after({ hours: 2 })),
    ]);
    const [item] = await items();
    expect(item.status).toBe('resolved');
    const history = (await reviewStore.getDetail(item.id))!.history;
    expect(history.filter(h => h.action === 'cause-cleared')).toHaveLength(1);
  });

  it('leaves an escalation alone while its trigger fails, and never clears a tier change', async () => {
    const { evaluate, createRunner, items, store } = await securityReview();
    // A tier change is an event: it stays open even once it falls out of the look-back.
    await store.syncTiers([{ entityRef: ref, tier: 'critical' }], hoursAgo(1));
    await createRunner().run(NOW);
    await evaluate('pass', after({ hours: 1 }));
    const failing = jest
      .spyOn(DatabaseEscalationSignals.prototype, 'listFailingChecks')
      .mockRejectedValue(new Error('database gone'));
    await createRunner().run(after({ hours: 2 }));
    expect((await items()).map(i => i.status)).toEqual(['open', 'open']);

    failing.mockRestore();
    await createRunner().run(after({ days: 60 }));
    const byTrigger = Object.fromEntries(
      (await items()).map(i => [
        i.origin.type === 'trigger' ? i.origin.triggerId : '',
        i.status,
      ]),
    );
    expect(byTrigger).toEqual({
      'security-review-overdue': 'resolved',
      'tier-change': 'open',
    });
  });

  it('marks a retrospective escalation "cause cleared" when configured so, for the council to resolve', async () => {
    const env = await escalationBackend(database, [checkout], {
      retrospectiveOverdue: { onCauseCleared: 'mark' },
    });
    await env.adrStore.replaceAdrs({
      entityRef: 'component:default/checkout',
      url: 'file:///adrs',
      readAt: NOW,
      adrs: [adr('pg', { title: 'Use Postgres', date: '2025-01-10' })],
    });
    await env.createRunner().run(NOW);
    const [raised] = await env.items();
    const council = mockCredentials.user('user:default/ada');
    // Nobody may resolve an item whose cause still holds.
    await expect(
      env.reviews.update(
        raised.id,
        { version: raised.version, status: 'resolved' },
        council,
      ),
    ).rejects.toThrow(
      /Only an item whose cause has cleared can be resolved; review .+ is still open for its cause/,
    );

    await env.adrStore.addRetrospective({
      id: 'r-1',
      adrId: 'pg',
      entityRef: 'component:default/checkout',
      date: '2026-11-26',
      outcome: 'validated',
      notes: 'Held up well',
      recordedBy: 'user:default/ada',
      recordedAt: after({ hours: 1 }).toISOString(),
    });
    await env.createRunner().run(after({ hours: 2 }));
    const [marked] = await env.items();
    expect(marked).toMatchObject({
      status: 'open',
      causeCleared: { action: 'marked' },
    });
    // Unassigned: the council hears of it.
    expect(env.sent).toContainEqual({
      recipients: { type: 'entity', entityRef: ['group:default/council'] },
      payload: expect.objectContaining({
        title: 'Cause cleared: Retrospective overdue: Use Postgres',
      }),
    });

    const resolved = await env.reviews.update(
      marked.id,
      { version: marked.version, status: 'resolved' },
      council,
    );
    expect(resolved.status).toBe('resolved');
    expect(resolved.history.map(h => h.action)).toEqual([
      'created',
      'cause-cleared',
      'updated',
    ]);
  });
});
