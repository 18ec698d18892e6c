import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { GovernanceAdrParser } from '@catalog-governance/backstage-plugin-governance-node';
import {
  AdrPolicy,
  DEFAULT_ADR_POLICY,
} from '@catalog-governance/backstage-plugin-governance-common';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { DatabaseAdrStore } from '../database/DatabaseAdrStore';
import { LocalDirectoryUrlReader } from './LocalDirectoryUrlReader';
import { adrLocationEntity } from './__testUtils__/adrLocationEntity';
import { decisionLogParser } from './__testUtils__/decisionLogParser';
import { defaultAdrIngestor } from '../__testUtils__/defaultEngines';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const service = (
  name: string,
  catalogFile: string,
  adrLocation: string,
  annotation?: string,
) =>
  adrLocationEntity(
    catalogFile,
    'Component',
    name,
    adrLocation,
    { type: 'service', system: 'shop' },
    annotation,
  );

function localReader(allowed: string): UrlReaderService {
  return UrlReaders.create({
    config: new ConfigReader({
      governance: { adrs: { allowedLocalDirectories: [allowed] } },
    }),
    logger: mockServices.logger.mock(),
    factories: [LocalDirectoryUrlReader.factory],
  });
}

// The example catalog and its ADRs, which the README walks through.
const examples = path.resolve(__dirname, '../../../../examples/governance');
const exampleCatalog = path.join(examples, 'entities.yaml');

describeEachDatabase('ADR ingestion', database => {
  async function setup(
    entities: Entity[],
    urlReader: UrlReaderService,
    policy: Partial<AdrPolicy> = {},
    parsers: GovernanceAdrParser[] = [],
  ) {
    const knex = await database.migrated();
    const store = new DatabaseAdrStore(knex, {
      policy: DEFAULT_ADR_POLICY.retrospective,
    });
    const readTree = jest.spyOn(urlReader, 'readTree');
    const logger = mockServices.logger.mock();
    const ingestor = defaultAdrIngestor({
      entities,
      urlReader,
      store,
      policy: { ...DEFAULT_ADR_POLICY, ...policy },
      logger,
      parsers,
    });
    return { store, ingestor, readTree, knex, logger };
  }

  it('reads the example ADRs from a path relative to the catalog file, with both annotations', async () => {
    const { store, ingestor } = await setup(
      [
        service('checkout-web', exampleCatalog, 'adrs/checkout-web'),
        service(
          'payments-api',
          exampleCatalog,
          'adrs/payments-api',
          'backstage.io/adr-location',
        ),
      ],
      localReader(examples),
    );
    const now = new Date('2026-11-25T12:00:00Z');
    expect(await ingestor.ingestAll(now)).toEqual({
      locations: 2,
      read: 2,
      unchanged: 0,
      failed: 0,
    });

    const adrs = await store.listEntityAdrs(
      'component:default/checkout-web',
      now,
    );
    expect(
      adrs.map(a => [a.number, a.title, a.status, a.retrospective.state]),
    ).toEqual([
      [1, 'Record architecture decisions', 'accepted', 'overdue'],
      [2, 'Render the checkout on the server', 'accepted', 'due'],
      [3, 'Use a CSS-in-JS library', 'superseded', 'not-applicable'],
      [4, 'Use plain CSS modules', 'proposed', 'not-applicable'],
    ]);
    expect(adrs[0].url).toBe(
      pathToFileURL(
        path.join(
          examples,
          'adrs/checkout-web/0001-record-architecture-decisions.md',
        ),
      ).toString(),
    );
    expect(adrs[2].supersededBy).toMatchObject({ number: 4 });
    expect(adrs[1]).toMatchObject({
      owner: 'group:default/team-a',
      system: 'system:default/shop',
      deciders: ['Li Wei', 'Priya Nair'],
    });

    // A file the parser cannot fully read is still listed, with a warning.
    const payments = await store.listEntityAdrs(
      'component:default/payments-api',
      now,
    );
    expect(payments.map(a => a.title)).toEqual([
      'Use PostgreSQL for the ledger',
      'Partition the ledger by month',
    ]);
    expect(payments[1].warnings.join(' ')).toMatch(/last spring/);
  });

  it('indexes the ADRs across entities by retrospective state, status and title', async () => {
    const { store, ingestor } = await setup(
      [
        service('checkout-web', exampleCatalog, 'adrs/checkout-web'),
        service('payments-api', exampleCatalog, 'adrs/payments-api'),
      ],
      localReader(examples),
    );
    const now = new Date('2026-11-25T12:00:00Z');
    await ingestor.ingestAll(now);
    const [first] = await store.listEntityAdrs(
      'component:default/checkout-web',
      now,
    );
    await store.addRetrospective({
      id: 'r1',
      adrId: first.id,
      entityRef: first.entityRef,
      date: '2026-11-20',
      outcome: 'validated',
      notes: 'Still right',
      recordedBy: 'user:default/li.wei',
      recordedAt: now.toISOString(),
    });
    const titles = async (query: Parameters<typeof store.queryIndex>[0]) =>
      (await store.queryIndex(query, now)).items.map(a => a.title);

    expect(
      await titles({
        retrospective: ['due', 'overdue'],
        sort: 'date',
        order: 'asc',
      }),
    ).toEqual([
      'Use PostgreSQL for the ledger',
      'Render the checkout on the server',
    ]);
    expect(await titles({ retrospective: ['recorded'] })).toEqual([
      'Record architecture decisions',
    ]);
    expect(await titles({ q: 'css', status: ['proposed'] })).toEqual([
      'Use plain CSS modules',
    ]);
    // Undated ADRs come last whichever way dates are sorted.
    expect((await titles({ sort: 'date', order: 'asc' })).pop()).toBe(
      'Partition the ledger by month',
    );
    expect(await titles({ q: '100%' })).toEqual([]);
  });

  it('moves retrospective dates when the policy changes, without reading the ADRs again', async () => {
    const { ingestor, knex } = await setup(
      [service('checkout-web', exampleCatalog, 'adrs/checkout-web')],
      localReader(examples),
    );
    const now = new Date('2026-11-25T12:00:00Z');
    await ingestor.ingestAll(now);
    const stricter = new DatabaseAdrStore(knex, {
      policy: { dueAfterMonths: 1, overdueAfterMonths: 2 },
    });
    await stricter.recomputeRetrospectiveDates();
    const [, second] = await stricter.listEntityAdrs(
      'component:default/checkout-web',
      now,
    );
    expect(second.retrospective).toMatchObject({
      state: 'overdue',
      dueAt: '2026-07-10',
      overdueAt: '2026-08-10',
    });
    expect(
      (await stricter.queryIndex({ retrospective: ['overdue'] }, now))
        .totalItems,
    ).toBe(2);
  });

  it('stores what a custom parser reads, and still stores a file it fails on, with a warning', async () => {
    const dir = createMockDirectory({
      content: {
        'docs/adr/0001-first.md':
          '# 1. First\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n',
        'docs/adr/0002-kafka.md':
          'DECISION 2: Use Kafka for events\nState: approved\nOn: 2026-03-01\n',
        'docs/adr/0003-broken.md': 'DECISION three: Use gRPC\n',
      },
    });
    const { store, ingestor } = await setup(
      [service('svc', dir.resolve('catalog-info.yaml'), 'docs/adr')],
      localReader(dir.path),
      {},
      [decisionLogParser],
    );
    expect(await ingestor.ingestAll()).toMatchObject({ read: 1, failed: 0 });
    const adrs = await store.listEntityAdrs(
      'component:default/svc',
      new Date('2026-04-01T00:00:00Z'),
    );
    expect(
      adrs.map(a => [a.number, a.title, a.status, a.date, a.warnings[0]]),
    ).toEqual([
      [1, 'First', 'accepted', '2026-01-01', undefined],
      [2, 'Use Kafka for events', 'accepted', '2026-03-01', undefined],
      [
        3,
        '0003-broken.md',
        undefined,
        undefined,
        "the custom ADR parser 'decision-log' failed on this file (it threw Error: no DECISION line), so the built-in parser read it",
      ],
    ]);
  });

  it('does not read a location again while its ETag is unchanged, and re-reads it after a change', async () => {
    const dir = createMockDirectory({
      content: {
        'catalog-info.yaml': 'kind: Component',
        'docs/adr/0001-first.md':
          '# 1. First\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n',
        'docs/adr/README.md': 'not an ADR',
      },
    });
    const { store, ingestor, readTree } = await setup(
      [service('svc', dir.resolve('catalog-info.yaml'), 'docs/adr')],
      localReader(dir.path),
    );
    expect(await ingestor.ingestAll()).toMatchObject({ read: 1 });
    expect(await ingestor.ingestAll()).toMatchObject({
      read: 0,
      unchanged: 1,
    });
    expect(readTree).toHaveBeenLastCalledWith(
      expect.stringMatching(/docs\/adr\/$/),
      expect.objectContaining({ etag: expect.any(String) }),
    );

    dir.addContent({
      'docs/adr/0002-second.md':
        '# 2. Second\n\nDate: 2026-02-01\n\n## Status\n\nProposed\n',
    });
    expect(await ingestor.ingestAll()).toMatchObject({ read: 1 });
    expect(
      (await store.listEntityAdrs('component:default/svc', new Date())).map(
        a => a.title,
      ),
    ).toEqual(['First', 'Second']);
  });

  it.each([
    [
      'not found',
      new NotFoundError('No directory at file:///srv/backstage/docs/adr/'),
      'Not found: the location does not exist, or Backstage cannot see it',
    ],
    [
      'not allowed',
      new NotAllowedError(
        'Reading file:///srv/backstage/docs/adr/ is not allowed: only inside /srv/backstage/allowed',
      ),
      "Not allowed: the backend's reading rules (backend.reading.allow, and governance.adrs.allowedLocalDirectories for folders on its disk) do not allow reading this location",
    ],
    [
      'unreadable',
      new Error('EACCES: permission denied, open /srv/backstage/docs/adr'),
      "Could not read the location; the backend's log has the details",
    ],
  ])(
    'shows a plain reason why a location cannot be read (%s), logs the detail and keeps the ADRs read before',
    async (_, error, reason) => {
      const dir = createMockDirectory({
        content: { 'docs/adr/0001-first.md': '# 1. First\n' },
      });
      const urlReader = localReader(dir.path);
      const { store, ingestor, logger } = await setup(
        [service('svc', dir.resolve('catalog-info.yaml'), 'docs/adr')],
        urlReader,
      );
      await ingestor.ingestAll();
      jest.spyOn(urlReader, 'readTree').mockRejectedValue(error);
      dir.addContent({ 'docs/adr/0002-second.md': '# 2. Second\n' });
      expect(await ingestor.ingestAll()).toMatchObject({ failed: 1 });

      const location = await store.getLocation('component:default/svc');
      expect(location).toMatchObject({ status: 'error', error: reason });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(error.message),
      );
      expect(
        await store.listEntityAdrs('component:default/svc', new Date()),
      ).toHaveLength(1);
    },
  );

  it('refuses local folders outside the allowed directories, without naming them', async () => {
    const dir = createMockDirectory({
      content: { 'docs/adr/0001-first.md': '# 1. First\n' },
    });
    const { store, ingestor } = await setup(
      [service('svc', dir.resolve('catalog-info.yaml'), 'docs/adr')],
      localReader(path.join(dir.path, 'elsewhere')),
    );
    await ingestor.ingestAll();
    const { error } = (await store.getLocation('component:default/svc'))!;
    expect(error).toMatch(/^Not allowed: /);
    expect(error).not.toContain(dir.path);
  });

  it('says when a relative location has nothing to resolve against', async () => {
    const entity = service('svc', '/x/catalog-info.yaml', 'docs/adr');
    delete entity.metadata.annotations!['backstage.io/managed-by-location'];
    const { store, ingestor } = await setup([entity], localReader('/x'));
    await ingestor.ingestAll();
    expect((await store.getLocation('component:default/svc'))?.error).toMatch(
      /'docs\/adr' is relative, but the entity has no source location/,
    );
  });

  it('reads every page of entities naming a location, asking the catalog only for what it uses', async () => {
    // One more than a page: nothing to resolve against, so each fails without a reading.
    const entities = Array.from({ length: 201 }, (_, i) => {
      const entity = service(`svc-${i}`, '/x/catalog-info.yaml', 'docs/adr');
      delete entity.metadata.annotations!['backstage.io/managed-by-location'];
      return entity;
    });
    const catalog = catalogServiceMock({ entities });
    const queryEntities = jest.spyOn(catalog, 'queryEntities');
    const knex = await database.migrated();
    const ingestor = defaultAdrIngestor({
      catalog,
      urlReader: localReader('/x'),
      store: new DatabaseAdrStore(knex, {
        policy: DEFAULT_ADR_POLICY.retrospective,
      }),
    });

    expect(await ingestor.ingestAll()).toMatchObject({
      locations: 201,
      failed: 201,
    });
    // The first page and the next ask for every field ingestion reads (the ref, the ADR
    // location, owner and system), never the whole entity.
    const [first, next] = queryEntities.mock.calls.map(
      ([request]) => request?.fields,
    );
    expect(first).toEqual(
      expect.arrayContaining([
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.annotations',
        'spec.owner',
        'spec.system',
      ]),
    );
    expect(first).not.toContain('spec');
    expect(next).toEqual(first);
    expect(queryEntities).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['tells sizes, without reading it', true],
    ['does not tell sizes', false],
  ])(
    'lists a file over the size limit by its name when the reader %s',
    async (_, tellsSizes) => {
      const dir = createMockDirectory({
        content: {
          'docs/adr/0001-small.md': '# 1. Small\n\n* Status: accepted\n',
          'docs/adr/0002-huge.md': `# 2. Huge\n\n${'x'.repeat(4096)}`,
        },
      });
      const urlReader = localReader(dir.path);
      const readTree = urlReader.readTree.bind(urlReader);
      const sizes: (number | undefined)[] = [];
      jest.spyOn(urlReader, 'readTree').mockImplementation((url, options) =>
        readTree(url, {
          ...options,
          filter: (filePath, info) => {
            sizes.push(info?.size);
            return options!.filter!(filePath, tellsSizes ? info : undefined);
          },
        }),
      );
      const { store, ingestor } = await setup(
        [service('svc', dir.resolve('catalog-info.yaml'), 'docs/adr')],
        urlReader,
        { maxFileSize: 1024 },
      );
      await ingestor.ingestAll();
      const adrs = await store.listEntityAdrs(
        'component:default/svc',
        new Date(),
      );
      expect(adrs.map(a => [a.number, a.title, a.warnings])).toEqual([
        [1, 'Small', []],
        [
          2,
          '0002-huge.md',
          [
            'the file is larger than 1024 bytes (governance.adrs.maxFileSize), so it is listed by its name only',
          ],
        ],
      ]);
      expect((await store.getAdr(adrs[1].id, new Date()))?.body).toBe('');
      expect(sizes).toEqual([expect.any(Number), expect.any(Number)]);
    },
  );

  it('forgets the ADRs of an entity that no longer names a location', async () => {
    const dir = createMockDirectory({
      content: { 'docs/adr/0001-first.md': '# 1. First\n' },
    });
    const { store, ingestor } = await setup(
      [service('svc', dir.resolve('catalog-info.yaml'), 'docs/adr')],
      localReader(dir.path),
    );
    await ingestor.ingestAll();
    await store.removeLocationsExcept(new Set());
    expect(await store.getLocation('component:default/svc')).toBeUndefined();
    expect(
      await store.listEntityAdrs('component:default/svc', new Date()),
    ).toEqual([]);
  });
});
