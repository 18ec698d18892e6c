import { DatabaseReviewStore } from './DatabaseReviewStore';
import { paymentsReviewItem } from '../__testUtils__/paymentsReviewItem';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const waiverRequest = paymentsReviewItem({
  kind: 'waiver-request',
  title: 'Waive Test coverage',
  description: 'The ledger rewrite lands in January.',
  waiverRequest: { checkId: 'coverage', expiresAt: '2027-01-31T23:59:59.999Z' },
});

describeEachDatabase('waiver requests', ({ migrated }) => {
  it('numbers items in the order they were raised, also when raised at the same time', async () => {
    const knex = await migrated();
    const store = new DatabaseReviewStore(knex);
    const first = await store.createItem(waiverRequest, 'user:default/jane');
    const concurrent = await Promise.all(
      [1, 2, 3, 4].map(() =>
        store.createItem(
          {
            ...waiverRequest,
            kind: 'design-review',
            waiverRequest: undefined,
          },
          'user:default/jane',
        ),
      ),
    );
    expect(first!.number).toBe(1);
    expect(concurrent.map(i => i!.number).sort()).toEqual([2, 3, 4, 5]);
  });

  it('keeps the check and proposed expiry, and finds the open request until it is decided', async () => {
    const knex = await migrated();
    const store = new DatabaseReviewStore(knex);
    const item = (await store.createItem(waiverRequest, 'user:default/jane'))!;
    expect(item.waiverRequest).toEqual({
      checkId: 'coverage',
      expiresAt: '2027-01-31T23:59:59.999Z',
    });
    const ref = 'component:default/payments';
    expect((await store.findOpenWaiverRequest(ref, 'coverage'))?.id).toBe(
      item.id,
    );
    expect(await store.findOpenWaiverRequest(ref, 'latency')).toBeUndefined();
    await store.updateItem(
      item.id,
      1,
      {
        status: 'rejected',
        decision: { outcome: 'rejected', rationale: 'Fix it instead' },
      },
      'user:default/grace',
    );
    expect(await store.findOpenWaiverRequest(ref, 'coverage')).toBeUndefined();
  });
});
