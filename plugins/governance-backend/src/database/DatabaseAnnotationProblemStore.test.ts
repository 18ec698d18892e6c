import { AnnotationProblemFinding } from './AnnotationProblemStore';
import { DatabaseAnnotationProblemStore } from './DatabaseAnnotationProblemStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const finding = (
  entityRef: string,
  key: string,
  severity: AnnotationProblemFinding['severity'],
  owner?: string,
): AnnotationProblemFinding => ({
  entityRef,
  key,
  value: 'platinum',
  allowed: 'one of the configured tiers: critical, core, supporting',
  severity,
  ...(owner && { owner }),
  sourceLocation: 'file:/catalog/entities.yaml',
});

const BILLING = 'component:default/billing-legacy';
const SEARCH = 'component:default/search';
const ORPHAN = 'component:default/orphan';
const PAYMENTS_TEAM = 'group:default/team-payments';

describeEachDatabase('annotation problem storage', ({ migrated }) => {
  async function createStore() {
    return new DatabaseAnnotationProblemStore(await migrated());
  }
  const at = new Date('2026-12-06T10:00:00Z');
  const page = { offset: 0, limit: 25 };

  it('lists held-back problems before warnings, with everything the scan found', async () => {
    const store = await createStore();
    await store.replaceAnnotationProblems(
      [
        finding(SEARCH, 'governance/tier', 'warning', 'group:default/search'),
        finding(BILLING, 'governance/tier', 'held-back', PAYMENTS_TEAM),
      ],
      at,
    );

    const { items, totalItems } = await store.listAnnotationProblems(
      {},
      page,
      undefined,
    );
    expect(totalItems).toBe(2);
    expect(items.map(i => [i.entityRef, i.severity])).toEqual([
      [BILLING, 'held-back'],
      [SEARCH, 'warning'],
    ]);
    expect(items[0]).toEqual({
      ...finding(BILLING, 'governance/tier', 'held-back', PAYMENTS_TEAM),
      recordedAt: at.toISOString(),
    });
  });

  it('forgets a problem fixed since the last scan and keeps one row per entity and key', async () => {
    const store = await createStore();
    await store.replaceAnnotationProblems(
      [finding(SEARCH, 'governance/tier', 'warning')],
      at,
    );
    await store.replaceAnnotationProblems(
      [
        finding(BILLING, 'governance/tier', 'held-back'),
        finding(BILLING, 'governance/tier', 'warning'),
      ],
      new Date('2026-12-06T10:05:00Z'),
    );

    const { items } = await store.listAnnotationProblems({}, page, undefined);
    expect(items.map(i => [i.entityRef, i.severity])).toEqual([
      [BILLING, 'held-back'],
    ]);
    expect(await store.listAnnotationProblemEntityRefs()).toEqual([BILLING]);
  });

  it('filters by owner, or by no owner, and leaves hidden entities out of pages and counts', async () => {
    const store = await createStore();
    await store.replaceAnnotationProblems(
      [
        finding(BILLING, 'governance/tier', 'held-back', PAYMENTS_TEAM),
        finding(
          BILLING,
          'governance/availability-slo',
          'held-back',
          PAYMENTS_TEAM,
        ),
        finding(SEARCH, 'governance/tier', 'warning', 'group:default/search'),
        finding(ORPHAN, 'governance/tier', 'warning'),
      ],
      at,
    );

    const owned = await store.listAnnotationProblems(
      { owner: PAYMENTS_TEAM },
      { offset: 1, limit: 1 },
      undefined,
    );
    expect(owned.totalItems).toBe(2);
    expect(owned.items.map(i => i.key)).toEqual(['governance/tier']);

    const ownerless = await store.listAnnotationProblems(
      { owner: '' },
      page,
      undefined,
    );
    expect(ownerless.items.map(i => i.entityRef)).toEqual([ORPHAN]);

    const visible = await store.listAnnotationProblems({}, page, [BILLING]);
    expect(visible.totalItems).toBe(2);
    expect(visible.items.map(i => i.entityRef)).toEqual([ORPHAN, SEARCH]);
    expect(
      (await store.listAnnotationProblems({}, page, 'all')).totalItems,
    ).toBe(0);
  });
});
