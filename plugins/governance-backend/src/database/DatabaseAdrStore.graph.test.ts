import {
  AdrLink,
  AdrStatus,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DatabaseAdrStore, StoredAdr } from './DatabaseAdrStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const CHECKOUT = 'component:default/checkout-web';
const PAYMENTS = 'component:default/payments';
const BASE = {
  [CHECKOUT]: 'https://git.example.com/shop/checkout/docs/adr/',
  [PAYMENTS]: 'https://git.example.com/shop/payments/docs/adr/',
};
const NOW = new Date('2026-12-06T12:00:00Z');

function adr(
  entityRef: typeof CHECKOUT | typeof PAYMENTS,
  path: string,
  status: AdrStatus,
  date: string,
  links: AdrLink[] = [],
): StoredAdr {
  const number = Number(path.slice(0, 4));
  return {
    id: `${entityRef === CHECKOUT ? 'c' : 'p'}${number}`,
    entityRef,
    path,
    url: `${BASE[entityRef]}${path}`,
    number,
    title: `Decision ${number}`,
    status,
    date,
    deciders: [],
    links,
    supersededBy: links.find(link => link.relation === 'superseded by'),
    format: 'madr',
    warnings: [],
    body: '',
  };
}

/** A complete reading of the entity's ADR folder. */
const read = (
  store: DatabaseAdrStore,
  entityRef: typeof CHECKOUT | typeof PAYMENTS,
  adrs: StoredAdr[],
) => store.replaceAdrs({ entityRef, url: BASE[entityRef], readAt: NOW, adrs });

async function storeExample(store: DatabaseAdrStore) {
  await read(store, CHECKOUT, [
    adr(CHECKOUT, '0001-cache-in-redis.md', 'accepted', '2024-01-10'),
    adr(CHECKOUT, '0002-css-in-js.md', 'superseded', '2025-05-20', [
      { relation: 'superseded by', target: '0003-css-modules.md', number: 3 },
    ]),
    adr(CHECKOUT, '0003-css-modules.md', 'accepted', '2026-11-02', [
      { relation: 'amends', target: 'ADR-0001', number: 1 },
    ]),
    adr(CHECKOUT, '0004-graphql.md', 'superseded', '2025-01-01', [
      { relation: 'superseded by', target: '0009-rest.md', number: 9 },
    ]),
    adr(CHECKOUT, '0005-session-cookies.md', 'superseded', '2025-02-01'),
    adr(CHECKOUT, '0006-feature-flags.md', 'accepted', '2024-05-01'),
  ]);
  await read(store, PAYMENTS, [
    adr(PAYMENTS, '0001-shared-sessions.md', 'accepted', '2026-11-01', [
      {
        relation: 'supersedes',
        target: `${BASE[CHECKOUT]}0005-session-cookies.md`,
        number: 5,
      },
    ]),
  ]);
  await store.addRetrospective({
    id: 'r1',
    adrId: 'c6',
    entityRef: CHECKOUT,
    date: '2024-11-01',
    outcome: 'validated',
    notes: 'Still right',
    recordedBy: 'user:default/jane',
    recordedAt: '2024-11-01T10:00:00.000Z',
  });
}

describeEachDatabase('the decision graph', ({ migrated }) => {
  async function exampleStore(staleAfterMonths = 12) {
    const knex = await migrated();
    const store = new DatabaseAdrStore(knex, {
      policy: { dueAfterMonths: 3, overdueAfterMonths: 6 },
      staleAfterMonths,
    });
    await storeExample(store);
    return store;
  }

  const ids = (page: { items: { id: string }[] }) =>
    page.items.map(item => item.id).sort();

  it('shows each decision what it supersedes and amends, and what superseded and amended it, across entities', async () => {
    const store = await exampleStore();
    const page = await store.queryIndex({ sort: 'entity' }, NOW);
    const chainOf = (id: string) =>
      page.items.find(item => item.id === id)!.chain;

    expect(chainOf('c2')).toEqual([
      expect.objectContaining({
        relation: 'superseded-by',
        adrId: 'c3',
        number: 3,
        title: 'Decision 3',
        status: 'accepted',
        entityRef: CHECKOUT,
      }),
    ]);
    expect(chainOf('c3')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ relation: 'amends', adrId: 'c1' }),
        expect.objectContaining({
          relation: 'supersedes',
          adrId: 'c2',
          target: '0002-css-in-js.md',
        }),
      ]),
    );
    expect(chainOf('c1')).toEqual([
      expect.objectContaining({ relation: 'amended-by', adrId: 'c3' }),
    ]);
    // Written only by the payments ADR, as a link into the checkout repository.
    expect(chainOf('c5')).toEqual([
      expect.objectContaining({
        relation: 'superseded-by',
        adrId: 'p1',
        entityRef: PAYMENTS,
      }),
    ]);
    expect(chainOf('p1')).toEqual([
      expect.objectContaining({ relation: 'supersedes', adrId: 'c5' }),
    ]);
    // A successor that is not stored is named as written, with no id.
    expect(chainOf('c4')).toEqual([
      { relation: 'superseded-by', target: '0009-rest.md' },
    ]);
  });

  it('never names an ADR of an entity the caller cannot see', async () => {
    const store = await exampleStore();
    expect(await store.chainOf('c5', [PAYMENTS])).toEqual([]);
    expect(await store.chainOf('p1', [CHECKOUT])).toEqual([
      {
        relation: 'supersedes',
        target: `${BASE[CHECKOUT]}0005-session-cookies.md`,
      },
    ]);
  });

  it('filters to superseded decisions with no successor found, and to stale accepted ones with no retrospective', async () => {
    const store = await exampleStore();
    // c2's successor is stored, c5's successor says so from another entity; c4's is missing.
    expect(
      ids(await store.queryIndex({ concern: ['no-successor'] }, NOW)),
    ).toEqual(['c4']);
    // c6 is as old as c1 but had its retrospective; c3 and p1 are recent.
    expect(ids(await store.queryIndex({ concern: ['stale'] }, NOW))).toEqual([
      'c1',
    ]);
    const both = await store.queryIndex(
      { concern: ['no-successor', 'stale'] },
      NOW,
    );
    expect(ids(both)).toEqual(['c1', 'c4']);
    expect(both.totalItems).toBe(2);
    // The filters combine with the others, and hidden entities stay out of pages and counts.
    expect(
      (
        await store.queryIndex({ concern: ['no-successor', 'stale'] }, NOW, [
          CHECKOUT,
        ])
      ).totalItems,
    ).toBe(0);
  });

  it('counts a decision as stale once it is older than the configured age', async () => {
    const store = await exampleStore(1);
    // c3 (2026-11-02) and p1 (2026-11-01) are more than a month before 2026-12-06 too.
    expect(ids(await store.queryIndex({ concern: ['stale'] }, NOW))).toEqual([
      'c1',
      'c3',
      'p1',
    ]);
  });

  it('forgets the links of an ADR that is read again without them', async () => {
    const store = await exampleStore();
    await read(store, PAYMENTS, [
      adr(PAYMENTS, '0001-shared-sessions.md', 'accepted', '2026-11-01'),
    ]);
    expect(await store.chainOf('c5')).toEqual([]);
    expect(
      ids(await store.queryIndex({ concern: ['no-successor'] }, NOW)),
    ).toEqual(['c4', 'c5']);
    await store.removeLocationsExcept(new Set([PAYMENTS]));
    expect(await store.chainOf('c3')).toEqual([]);
  });
});
