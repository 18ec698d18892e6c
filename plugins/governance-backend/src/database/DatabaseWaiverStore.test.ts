import { Waiver } from '@catalog-governance/backstage-plugin-governance-common';
import { DatabaseWaiverStore } from './DatabaseWaiverStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

/** Grace's waiver of payments' coverage check; `fields` are what a test cares about. */
function coverageWaiver(fields: Pick<Waiver, 'id'> & Partial<Waiver>): Waiver {
  return {
    entityRef: 'component:default/payments',
    checkId: 'coverage',
    reason: 'Rewrite in progress',
    expiresAt: '2026-12-31T23:59:59.000Z',
    createdBy: 'user:default/grace',
    createdAt: '2026-11-25T10:00:00.000Z',
    ...fields,
  };
}

describeEachDatabase('waivers', ({ migrated }) => {
  async function createStore() {
    return new DatabaseWaiverStore(await migrated());
  }

  it('records grant and revocation, and refuses a second revocation', async () => {
    const store = await createStore();
    await store.createWaiver(
      coverageWaiver({ id: '00000000-0000-4000-8000-000000000001' }),
    );
    const revoked = await store.revokeWaiver(
      '00000000-0000-4000-8000-000000000001',
      'user:default/amir.karimi',
      new Date('2026-11-26T10:00:00.000Z'),
    );
    expect(revoked).toMatchObject({
      revokedBy: 'user:default/amir.karimi',
      revokedAt: '2026-11-26T10:00:00.000Z',
      expiresAt: '2026-12-31T23:59:59.000Z',
    });
    await expect(
      store.revokeWaiver(
        '00000000-0000-4000-8000-000000000001',
        'user:default/x',
        new Date(),
      ),
    ).rejects.toThrow('already revoked by user:default/amir.karimi');
    await expect(
      store.revokeWaiver('nope', 'user:default/x', new Date()),
    ).rejects.toThrow('No waiver with id nope');
    expect(
      await store.listWaivers(['component:default/payments']),
    ).toHaveLength(1);
  });

  it('keeps the review and the ADR a waiver was granted in', async () => {
    const store = await createStore();
    await store.createWaiver(
      coverageWaiver({
        id: '00000000-0000-4000-8000-000000000002',
        review: { id: '00000000-0000-4000-8000-0000000000aa', number: 7 },
        adr: 'adr-1',
      }),
    );
    const [waiver] = await store.listWaivers(['component:default/payments']);
    expect(waiver).toMatchObject({
      review: { id: '00000000-0000-4000-8000-0000000000aa', number: 7 },
      adr: 'adr-1',
    });
  });
});
