import { StackTechnology } from '@catalog-governance/backstage-plugin-governance-common';
import { entityTechnology } from '../__testUtils__/entityTechnology';
import { DatabaseStackStore } from './DatabaseStackStore';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const NOW = new Date('2027-01-04T09:00:00.000Z');
const LATER = new Date('2027-01-04T10:00:00.000Z');
const PAYMENTS = 'component:default/payments';
const LEDGER = 'component:default/ledger';

const postgres: StackTechnology = {
  name: 'postgresql',
  title: 'PostgreSQL',
  ring: 'adopt',
  aliases: ['postgresql'],
};

describeEachDatabase('approved-stack storage', ({ migrated }) => {
  async function createStore() {
    return new DatabaseStackStore(await migrated());
  }

  it('keeps the last good radar when a later read fails, with the reason', async () => {
    const store = await createStore();
    expect(await store.getRadar()).toBeUndefined();
    await store.storeRadar(
      {
        source: 'url',
        technologies: [postgres],
        problems: ['x has no ring'],
      },
      NOW,
    );
    await store.storeRadarError('url', 'The radar could not be read', LATER);
    expect(await store.getRadar()).toEqual({
      source: 'url',
      technologies: [postgres],
      problems: ['x has no ring'],
      readAt: NOW.toISOString(),
      error: 'The radar could not be read',
      attemptedAt: LATER.toISOString(),
    });
    await store.storeRadar(
      { source: 'url', technologies: [], problems: [] },
      LATER,
    );
    expect((await store.getRadar())?.error).toBeUndefined();
  });

  it('counts the entities using each technology, leaving hidden ones out', async () => {
    const store = await createStore();
    await store.replaceEntityTechnologies([
      {
        entityRef: PAYMENTS,
        technologies: [
          entityTechnology('postgresql', { ring: 'adopt' }),
          entityTechnology('cassandra', { clearedByAdr: true }),
          entityTechnology('cobol', { category: 'languages' }),
        ],
      },
      {
        entityRef: LEDGER,
        technologies: [
          entityTechnology('postgresql', { ring: 'adopt' }),
          entityTechnology('cassandra'),
        ],
      },
    ]);
    expect(await store.listTechnologyUsage(undefined)).toEqual([
      {
        technology: 'cassandra',
        category: 'datastores',
        entities: 2,
        clearedByAdr: 1,
      },
      {
        technology: 'cobol',
        category: 'languages',
        entities: 1,
        clearedByAdr: 0,
      },
      {
        technology: 'postgresql',
        category: 'datastores',
        entities: 2,
        clearedByAdr: 0,
      },
    ]);
    expect(await store.listTechnologyUsage([PAYMENTS])).toEqual([
      {
        technology: 'cassandra',
        category: 'datastores',
        entities: 1,
        clearedByAdr: 0,
      },
      {
        technology: 'postgresql',
        category: 'datastores',
        entities: 1,
        clearedByAdr: 0,
      },
    ]);
    expect(await store.listTechnologyUsage('all')).toEqual([]);
    expect(await store.listStackExceptions()).toEqual([
      { entityRef: LEDGER, category: 'datastores', technology: 'cassandra' },
      { entityRef: PAYMENTS, category: 'languages', technology: 'cobol' },
    ]);
  });

  it.each([
    ['one technology without a ring', [[entityTechnology('cobol')]]],
    [
      'many, with and without rings, cleared or not',
      [
        [
          entityTechnology('go', { category: 'languages', ring: 'adopt' }),
          entityTechnology('cassandra', { clearedByAdr: true }),
        ],
        [entityTechnology('o\'reilly \\ "db", {x}', { ring: 'hold' })],
      ],
    ],
    [
      'a name holding a line break',
      [[entityTechnology('two\nlines'), entityTechnology('redis')]],
    ],
  ])('reads back the technologies written: %s', async (_, lists) => {
    const store = await createStore();
    const entities = lists.map((technologies, i) => ({
      entityRef: `component:default/s-${i}`,
      technologies,
    }));
    await store.replaceEntityTechnologies(entities);
    const stored = await store.listEntityTechnologies([
      ...entities.map(e => e.entityRef),
      LEDGER,
    ]);
    expect(
      entities.map(e =>
        [...stored.get(e.entityRef)!].sort((a, b) =>
          a.technology.localeCompare(b.technology),
        ),
      ),
    ).toEqual(
      lists.map(list =>
        [...list].sort((a, b) => a.technology.localeCompare(b.technology)),
      ),
    );
    expect(stored.has(LEDGER)).toBe(false);
  });

  it('replaces an entity’s technologies and forgets entities that left', async () => {
    const store = await createStore();
    await store.replaceEntityTechnologies([
      {
        entityRef: PAYMENTS,
        technologies: [entityTechnology('cobol', { category: 'languages' })],
      },
      {
        entityRef: LEDGER,
        technologies: [
          entityTechnology('go', { category: 'languages', ring: 'adopt' }),
        ],
      },
    ]);
    await store.replaceEntityTechnologies([
      {
        entityRef: PAYMENTS,
        technologies: [
          entityTechnology('java', { category: 'languages', ring: 'trial' }),
        ],
      },
    ]);
    expect(await store.listStackExceptions()).toEqual([]);
    expect(
      await store.removeEntityTechnologiesExcept(new Set([PAYMENTS])),
    ).toBe(1);
    expect(await store.listEntityRefsWithTechnologies()).toEqual([PAYMENTS]);
  });
});
