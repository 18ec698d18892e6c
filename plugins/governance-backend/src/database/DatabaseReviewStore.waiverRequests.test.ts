import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseReviewStore } from './DatabaseReviewStore';
import { DatabaseWaiverStore } from './DatabaseWaiverStore';
import { NewReviewItem } from './ReviewStore';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const waiverRequest: NewReviewItem = {
  entityRef: 'component:default/payments',
  kind: 'waiver-request',
  title: 'Waive Test coverage',
  description: 'The ledger rewrite lands in January.',
  priority: 'medium',
  requestedBy: 'user:default/jane',
  waiverRequest: { checkId: 'coverage', expiresAt: '2027-01-31T23:59:59.999Z' },
};

describe.each(databases.eachSupportedId())(
  'waiver requests on %s',
  databaseId => {
    it('numbers items in the order they were raised, also when raised at the same time', async () => {
      const knex = await migratedDatabase(databases, databaseId);
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
      const knex = await migratedDatabase(databases, databaseId);
      const store = new DatabaseReviewStore(knex);
      const item = (await store.createItem(
        waiverRequest,
        'user:default/jane',
      ))!;
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
      expect(
        await store.findOpenWaiverRequest(ref, 'coverage'),
      ).toBeUndefined();
    });

    it('keeps the review and the ADR a waiver was granted in', async () => {
      const knex = await migratedDatabase(databases, databaseId);
      const store = new DatabaseWaiverStore(knex);
      await store.createWaiver({
        id: '00000000-0000-4000-8000-000000000002',
        entityRef: 'component:default/payments',
        checkId: 'coverage',
        reason: 'Rewrite in progress',
        expiresAt: '2027-01-31T23:59:59.000Z',
        createdBy: 'user:default/grace',
        createdAt: '2026-12-06T10:00:00.000Z',
        review: { id: '00000000-0000-4000-8000-0000000000aa', number: 7 },
        adr: 'adr-1',
      });
      const [waiver] = await store.listWaivers(['component:default/payments']);
      expect(waiver).toMatchObject({
        review: { id: '00000000-0000-4000-8000-0000000000aa', number: 7 },
        adr: 'adr-1',
      });
    });
  },
);
