import { DatabaseReviewStore } from './DatabaseReviewStore';
import { NewReviewItem } from './ReviewStore';
import { paymentsReviewItem } from '../__testUtils__/paymentsReviewItem';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const designReview = paymentsReviewItem();

describeEachDatabase('review store', ({ migrated }) => {
  async function createStore() {
    const knex = await migrated();
    return new DatabaseReviewStore(knex);
  }

  it('stores a requested item with its creation in the history', async () => {
    const store = await createStore();
    const item = await store.createItem(designReview, 'user:default/jane');
    expect(item).toMatchObject({
      status: 'open',
      version: 1,
      origin: { type: 'user', requestedBy: 'user:default/jane' },
      commentCount: 0,
      overdue: false,
    });
    const detail = await store.getDetail(item!.id);
    expect(detail!.history).toEqual([
      expect.objectContaining({
        actor: 'user:default/jane',
        action: 'created',
        changes: [{ field: 'status', from: null, to: 'open' }],
      }),
    ]);
  });

  it('applies an update based on the current version, records what changed, and refuses a stale one', async () => {
    const store = await createStore();
    const item = (await store.createItem(designReview, 'user:default/jane'))!;
    expect(
      await store.updateItem(
        item.id,
        1,
        {
          status: 'in-review',
          assignee: 'user:default/grace',
          priority: 'high',
        },
        'user:default/grace',
      ),
    ).toBe('updated');
    expect(
      await store.updateItem(
        item.id,
        1,
        { priority: 'low' },
        'user:default/ada',
      ),
    ).toBe('conflict');
    expect(
      await store.updateItem(
        item.id,
        2,
        {
          status: 'approved',
          decision: {
            outcome: 'approved',
            rationale: 'Fits the domain model',
            adr: 'adr-1',
          },
        },
        'user:default/grace',
      ),
    ).toBe('updated');

    const detail = (await store.getDetail(item.id))!;
    expect(detail).toMatchObject({
      status: 'approved',
      priority: 'high',
      assignee: 'user:default/grace',
      version: 3,
      decision: {
        outcome: 'approved',
        rationale: 'Fits the domain model',
        adr: 'adr-1',
        decidedBy: 'user:default/grace',
      },
    });
    expect(detail.history.map(h => h.changes)).toEqual([
      [{ field: 'status', from: null, to: 'open' }],
      [
        { field: 'status', from: 'open', to: 'in-review' },
        { field: 'priority', from: 'medium', to: 'high' },
        { field: 'assignee', from: null, to: 'user:default/grace' },
      ],
      [
        { field: 'status', from: 'in-review', to: 'approved' },
        { field: 'decision', from: null, to: 'approved' },
        { field: 'rationale', from: null, to: 'Fits the domain model' },
        { field: 'decisionAdr', from: null, to: 'adr-1' },
      ],
    ]);
  });

  it('lets exactly one of many concurrent updates of the same version through', async () => {
    const store = await createStore();
    const item = (await store.createItem(designReview, 'user:default/jane'))!;
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.updateItem(
          item.id,
          1,
          { dueDate: `2027-01-${String(i + 10).padStart(2, '0')}` },
          `user:default/member-${i}`,
        ),
      ),
    );
    expect(outcomes.filter(o => o === 'updated')).toHaveLength(1);
    expect(outcomes.filter(o => o === 'conflict')).toHaveLength(11);
    const detail = (await store.getDetail(item.id))!;
    expect(detail.version).toBe(2);
    expect(detail.history.filter(h => h.action === 'updated')).toHaveLength(1);
  });

  it('raises one item per trigger cause, even when raised concurrently', async () => {
    const store = await createStore();
    const escalation: NewReviewItem = {
      entityRef: 'component:default/payments',
      kind: 'nfr-escalation',
      title: 'Availability failing',
      description: 'Below 99.99% since Monday',
      priority: 'critical',
      triggerId: 'failing-check',
      causeKey: 'component:default/payments:availability:2026-11-23',
    };
    const raised = await Promise.all(
      Array.from({ length: 6 }, () =>
        store.createItem(escalation, 'trigger:failing-check'),
      ),
    );
    expect(raised.filter(Boolean)).toHaveLength(1);
    expect(raised.find(Boolean)!.origin).toEqual({
      type: 'trigger',
      triggerId: 'failing-check',
      causeKey: 'component:default/payments:availability:2026-11-23',
    });
    // Another trigger may use the same key: keys are namespaced by trigger.
    expect(
      await store.createItem(
        { ...escalation, triggerId: 'other' },
        'trigger:other',
      ),
    ).toBeDefined();
    expect((await store.listItems({})).totalCount).toBe(2);
  });

  it('lists open items first, most urgent first, and filters by status, kind, priority, assignee and overdue', async () => {
    const store = await createStore();
    const now = new Date('2026-11-25T12:00:00Z');
    const low = (await store.createItem(
      { ...designReview, title: 'low', priority: 'low', dueDate: '2026-11-20' },
      'user:default/jane',
      now,
    ))!;
    const critical = (await store.createItem(
      { ...designReview, title: 'critical', priority: 'critical' },
      'user:default/jane',
      now,
    ))!;
    const closed = (await store.createItem(
      {
        ...designReview,
        title: 'closed',
        priority: 'critical',
        kind: 'adr-review',
      },
      'user:default/jane',
      now,
    ))!;
    await store.updateItem(closed.id, 1, { status: 'withdrawn' }, 'x', now);
    await store.updateItem(
      critical.id,
      1,
      { assignee: 'user:default/grace' },
      'x',
      now,
    );

    const all = await store.listItems({}, { now });
    expect(all.items.map(i => i.title)).toEqual(['critical', 'low', 'closed']);
    expect(all.items.find(i => i.title === 'low')!.overdue).toBe(true);

    const titles = async (query: Parameters<typeof store.listItems>[0]) =>
      (await store.listItems(query, { now })).items.map(i => i.title);
    expect(await titles({ status: ['open'] })).toEqual(['critical', 'low']);
    expect(await titles({ kind: ['adr-review'] })).toEqual(['closed']);
    expect(await titles({ priority: ['low'] })).toEqual(['low']);
    expect(await titles({ assignee: 'user:default/grace' })).toEqual([
      'critical',
    ]);
    expect(await titles({ assignee: '' })).toEqual(['low', 'closed']);
    expect(await titles({ overdue: true })).toEqual(['low']);
    expect(await titles({ entityRef: 'component:default/other' })).toEqual([]);
    const page = await store.listItems({ offset: 1, limit: 1 }, { now });
    expect(page).toMatchObject({ totalCount: 3, offset: 1, limit: 1 });
    expect(page.items.map(i => i.title)).toEqual(['low']);
    expect(low.overdue).toBe(true);
  });

  it('leaves the items of hidden entities out of pages and counts', async () => {
    const store = await createStore();
    for (const name of ['payments', 'ledger', 'ledger', 'search']) {
      await store.createItem(
        {
          ...designReview,
          entityRef: `component:default/${name}`,
          title: name,
        },
        'user:default/jane',
      );
    }
    expect((await store.listReviewedEntityRefs()).sort()).toEqual([
      'component:default/ledger',
      'component:default/payments',
      'component:default/search',
    ]);
    const page = await store.listItems(
      { limit: 1 },
      { hidden: ['component:default/ledger'] },
    );
    expect(page.totalCount).toBe(2);
    expect(page.items.map(i => i.title)).toEqual(['payments']);
    const next = await store.listItems(
      { offset: 1, limit: 1 },
      { hidden: ['component:default/ledger'] },
    );
    expect(next.items.map(i => i.title)).toEqual(['search']);
    const none = await store.listItems({}, { hidden: 'all' });
    expect({ total: none.totalCount, items: none.items }).toEqual({
      total: 0,
      items: [],
    });
  });

  it('keeps the discussion without changing the version', async () => {
    const store = await createStore();
    const item = (await store.createItem(designReview, 'user:default/jane'))!;
    // Both in the same millisecond: the second still lists second.
    const at = new Date('2026-12-01T10:00:00.000Z');
    await store.addComment(item.id, 'user:default/grace', 'Which queue?', at);
    await store.addComment(item.id, 'user:default/jane', 'Kafka.', at);
    expect(await store.addComment('missing', 'x', 'y')).toBeUndefined();
    const detail = (await store.getDetail(item.id))!;
    expect(detail.comments.map(c => [c.author, c.body])).toEqual([
      ['user:default/grace', 'Which queue?'],
      ['user:default/jane', 'Kafka.'],
    ]);
    expect(detail).toMatchObject({ version: 1, commentCount: 2 });
  });

  it('reports only dependencies it has not seen, and a trigger first run once', async () => {
    const store = await createStore();
    const a = { sourceRef: 'component:default/a', targetRef: 'api:default/b' };
    const c = { sourceRef: 'component:default/a', targetRef: 'api:default/c' };
    expect(await store.recordTriggerRun('cross-team-dependency')).toBe(true);
    expect(await store.recordTriggerRun('cross-team-dependency')).toBe(false);
    expect(await store.recordDependencies([a])).toEqual([a]);
    expect(await store.recordDependencies([a, c])).toEqual([c]);
    const concurrent = await Promise.all([
      store.recordDependencies([{ ...a, targetRef: 'api:default/d' }]),
      store.recordDependencies([{ ...a, targetRef: 'api:default/d' }]),
    ]);
    expect(concurrent.flat()).toHaveLength(1);
  });
});
