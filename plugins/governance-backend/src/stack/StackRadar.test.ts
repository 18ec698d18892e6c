import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import {
  CheckResult,
  FactObservation,
  GovernanceAnnotationValues,
  parseGovernanceAnnotations,
} from '@catalog-governance/backstage-plugin-governance-common';
import path from 'node:path';
import { LocalDirectoryUrlReader } from '../adrs/LocalDirectoryUrlReader';
import { DatabaseStackStore } from '../database/DatabaseStackStore';
import { entityFacts } from '../scorecards/EvaluationInputs';
import { StackChecks } from './StackChecks';
import { readRadarSource, StackRadar } from './StackRadar';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const examples = path.resolve(__dirname, '../../../../examples');
const exampleRadar = path.join(examples, 'governance/radar.json');

const reader = () =>
  UrlReaders.create({
    config: new ConfigReader({
      governance: { adrs: { allowedLocalDirectories: [examples] } },
    }),
    logger: mockServices.logger.mock(),
    factories: [LocalDirectoryUrlReader.factory],
  });

const stackOf = (annotation: string) =>
  parseGovernanceAnnotations(
    { 'governance/stack': annotation },
    { tierNames: [] },
  ).values;

describe('governance.stack.radar', () => {
  it('takes one of url, file or entries, naming the key when it is wrong', () => {
    expect(readRadarSource(new ConfigReader({})).type).toBe('none');
    expect(
      readRadarSource(
        new ConfigReader({
          governance: {
            stack: { radar: { url: 'https://radar.example.com/r.json' } },
          },
        }),
      ),
    ).toEqual({
      type: 'url',
      url: 'https://radar.example.com/r.json',
      key: 'governance.stack.radar.url',
    });
    // A file is read as a file: URL, and says it came from a file.
    expect(
      readRadarSource(
        new ConfigReader({
          governance: { stack: { radar: { file: 'radar.json' } } },
        }),
      ),
    ).toEqual({
      type: 'file',
      url: expect.stringMatching(/^file:\/\/.*\/radar\.json$/),
      key: 'governance.stack.radar.file',
    });
    expect(() =>
      readRadarSource(
        new ConfigReader({
          governance: { stack: { radar: { url: 'x', file: 'y' } } },
        }),
      ),
    ).toThrow(
      "Invalid config at 'governance.stack.radar': set one of url, file or entries, not url and file",
    );
    expect(() =>
      readRadarSource(
        new ConfigReader({
          governance: {
            stack: { radar: { entries: [{ id: 'go', ring: 'maybe' }] } },
          },
        }),
      ),
    ).toThrow(
      "'governance.stack.radar.entries[0].ring': 'maybe' is not allowed, expected adopt, trial, assess, hold",
    );
  });
});

/**
 * Each entity's check as a pass that evaluates them all gets it, with every entity's
 * technologies recorded.
 */
async function checkAll(
  checks: StackChecks,
  entities: Array<{
    entityRef: string;
    values: GovernanceAnnotationValues;
    measured: Array<Pick<FactObservation, 'name' | 'value' | 'source'>>;
  }>,
): Promise<Map<string, CheckResult>> {
  const reading = await checks.read(
    entities.map(({ entityRef, values, measured }) => ({
      entityRef,
      facts: entityFacts(values, measured),
    })),
  );
  const results = new Map<string, CheckResult>();
  for (const { entityRef } of entities) {
    const check = reading?.check(entityRef);
    if (check) {
      results.set(entityRef, check);
    }
  }
  await reading?.record();
  return results;
}

describeEachDatabase('the approved stack', database => {
  async function setup(config: object, urlReader = reader()) {
    const store = new DatabaseStackStore(await database.migrated());
    const logger = mockServices.logger.mock();
    const radar = new StackRadar({
      source: readRadarSource(
        new ConfigReader({ governance: { stack: { radar: config } } }),
      ),
      urlReader,
      store,
      logger,
    });
    return { store, radar, logger };
  }

  it('reads the example radar file through the URL reader and stores it', async () => {
    const { radar } = await setup({ file: exampleRadar });
    const stored = await radar.refresh(new Date('2027-01-04T09:00:00Z'));
    expect(stored?.error).toBeUndefined();
    expect(stored?.source).toBe('file');
    expect(stored?.readAt).toBe('2027-01-04T09:00:00.000Z');
    expect(stored?.technologies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'mongodb',
          ring: 'hold',
          quadrant: 'Datastores',
        }),
        expect.objectContaining({
          name: 'kafka',
          title: 'Apache Kafka',
          ring: 'adopt',
        }),
      ]),
    );
  });

  it('keeps the last good radar when it cannot be read, with a reason that names the key, not the path', async () => {
    const urlReader = reader();
    const { radar, store } = await setup({ file: exampleRadar }, urlReader);
    await radar.refresh();
    jest
      .spyOn(urlReader, 'readUrl')
      .mockRejectedValue(
        new NotFoundError(`No file at file://${exampleRadar}`),
      );
    const stored = await radar.refresh();
    expect(stored?.error).toBe(
      'The radar at governance.stack.radar.file could not be read: nothing is there (not found)',
    );
    expect(stored?.error).not.toContain(examples);
    expect((await store.getRadar())?.technologies.length).toBeGreaterThan(10);
  });

  it('refuses a file outside the reading allow-list without crashing', async () => {
    const { radar } = await setup({ file: '/etc/hostname' });
    const stored = await radar.refresh();
    expect(stored?.error).toMatch(
      /^The radar at governance.stack.radar.file could not be read: reading it is not allowed/,
    );
    expect(stored?.readAt).toBeUndefined();
  });

  it('checks entities against a radar held in config, honouring accepted ADRs', async () => {
    const { radar, store } = await setup({
      entries: [
        { id: 'go', title: 'Go', ring: 'adopt' },
        { id: 'mongodb', title: 'MongoDB', ring: 'hold' },
      ],
    });
    await radar.refresh();
    const checks = new StackChecks({
      radar,
      store,
      adrs: {
        listAcceptedAdrTexts: async refs =>
          new Map(
            refs
              .filter(r => r === 'component:default/ledger')
              .map(r => [r, ['ADR 0004: Use CouchDB for offline sync']]),
          ),
      },
    });
    const results = await checkAll(checks, [
      {
        entityRef: 'component:default/payments',
        values: stackOf('languages: go; datastores: mongodb, couchdb'),
        measured: [],
      },
      {
        entityRef: 'component:default/ledger',
        values: stackOf('languages: go; datastores: couchdb'),
        measured: [],
      },
      {
        entityRef: 'component:default/search',
        values: stackOf('languages: cobol'),
        // CI's measurement replaces what the annotation declares.
        measured: [
          { name: 'stackLanguages', value: ['Go'], source: 'ci/stack-scan' },
        ],
      },
      { entityRef: 'component:default/docs', values: {}, measured: [] },
    ]);
    expect(results.get('component:default/payments')).toEqual(
      expect.objectContaining({
        state: 'fail',
        reason:
          'On hold: mongodb; not on the radar and named in no accepted ADR: couchdb',
      }),
    );
    expect(results.get('component:default/ledger')).toEqual(
      expect.objectContaining({
        state: 'pass',
        reason: 'Accepted in an ADR though not on the radar: couchdb',
      }),
    );
    expect(results.get('component:default/search')).toEqual(
      expect.objectContaining({
        state: 'pass',
        evidence: 'automated',
        source: 'ci/stack-scan',
      }),
    );
    expect(results.has('component:default/docs')).toBe(false);
    expect(await store.listStackExceptions()).toEqual([
      {
        entityRef: 'component:default/payments',
        category: 'datastores',
        technology: 'couchdb',
      },
    ]);
  });

  it('leaves the check unknown, naming why, while the radar has never been read', async () => {
    const { radar, store } = await setup(
      { url: 'https://radar.example.com/radar.json' },
      {
        readUrl: async () => {
          throw new Error('ECONNREFUSED 10.0.0.7:443');
        },
      } as any,
    );
    await radar.refresh();
    const checks = new StackChecks({ radar, store });
    const results = await checkAll(checks, [
      {
        entityRef: 'component:default/payments',
        values: stackOf('languages: go'),
        measured: [],
      },
    ]);
    expect(results.get('component:default/payments')).toEqual(
      expect.objectContaining({
        state: 'unknown',
        reason:
          'The radar at governance.stack.radar.url could not be read: the reader failed',
      }),
    );
    expect(await store.listStackExceptions()).toEqual([]);
  });
});
