/*
 * ADR ingestion benchmark: `yarn bench` from the repository root. 1,000 ADR files over 200
 * entities read through the UrlReaderService, then a second pass with nothing changed.
 */
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { DEFAULT_ADR_POLICY } from '@catalog-governance/backstage-plugin-governance-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultAdrIngestor } from '../src/__testUtils__/defaultEngines';
import { LocalDirectoryUrlReader } from '../src/adrs/LocalDirectoryUrlReader';
import { DatabaseAdrStore } from '../src/database/DatabaseAdrStore';
import { migrateGovernanceDatabase } from '../src/database/migrateGovernanceDatabase';
import { writeReportSection } from '../src/testUtils';
import { seconds } from './durations';

const ENTITIES = 200;
const ADRS_PER_ENTITY = 5;
const report: string[] = [];
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function writeAdrFolders(root: string): Entity[] {
  const statuses = [
    'accepted',
    'proposed',
    'superseded by [ADR-0001](0001-a.md)',
    'deprecated',
  ];
  return Array.from({ length: ENTITIES }, (_, e) => {
    const dir = path.join(root, `service-${e}`, 'docs', 'adr');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(root, `service-${e}`, 'catalog-info.yaml'),
      'kind: Component\n',
    );
    for (let n = 1; n <= ADRS_PER_ENTITY; n++) {
      const madr = n % 2 === 0;
      fs.writeFileSync(
        path.join(dir, `${String(n).padStart(4, '0')}-decision-${n}.md`),
        madr
          ? `---\nstatus: ${statuses[n % 4]}\ndate: 2026-0${
              (n % 9) + 1
            }-15\ndecision-makers: Ann, Bo\n---\n\n# Decision ${n} of service ${e}\n\n## Context and Problem Statement\n\n${'Some context. '.repeat(
              60,
            )}\n\n## Decision Outcome\n\nChosen option: the first.\n`
          : `# ${n}. Decision ${n} of service ${e}\n\nDate: 2025-1${
              n % 3
            }-01\n\n## Status\n\nAccepted\n\n## Context\n\n${'Some context. '.repeat(
              60,
            )}\n\n## Decision\n\nWe will do it.\n`,
      );
    }
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `service-${e}`,
        annotations: {
          'backstage.io/managed-by-location': `file:${path.join(
            root,
            `service-${e}`,
            'catalog-info.yaml',
          )}`,
          'governance/adr-location': 'docs/adr',
        },
      },
      spec: { type: 'service', owner: `team-${e % 20}` },
    };
  });
}

describe('ADR ingestion benchmark', () => {
  afterAll(() => {
    writeReportSection(
      'adrs',
      [
        '## ADR ingestion',
        '',
        `${ENTITIES} entities with ${ADRS_PER_ENTITY} ADR files each (MADR and Nygard), in local folders read`,
        "through Backstage's UrlReaderService (the `file:` reader of this plugin, inside",
        '`governance.adrs.allowedLocalDirectories`), parsed and stored.',
        '',
        '| database | measurement | result | target |',
        '|---|---|---|---|',
        ...report,
      ].join('\n'),
    );
  });

  it.each(databases.eachSupportedId())('ingests on %s', async databaseId => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-adr-bench-'));
    const entities = writeAdrFolders(root);
    const urlReader = UrlReaders.create({
      config: new ConfigReader({
        governance: { adrs: { allowedLocalDirectories: [root] } },
      }),
      logger: mockServices.logger.mock(),
      factories: [LocalDirectoryUrlReader.factory],
    });
    // Counts file contents actually read, to show an unchanged pass reads none.
    let contentsRead = 0;
    const readTree = urlReader.readTree.bind(urlReader);
    urlReader.readTree = async (url, options) => {
      const response = await readTree(url, options);
      const files = response.files.bind(response);
      response.files = async () =>
        (await files()).map(file => ({
          ...file,
          content: () => {
            contentsRead += 1;
            return file.content();
          },
        }));
      return response;
    };
    const knex = await databases.init(databaseId);
    await migrateGovernanceDatabase(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const store = new DatabaseAdrStore(knex, {
      policy: DEFAULT_ADR_POLICY.retrospective,
    });
    const ingestor = defaultAdrIngestor({ entities, urlReader, store });
    const label =
      databaseId === 'POSTGRES_15' ? 'PostgreSQL 15' : 'SQLite (in memory)';

    let start = Date.now();
    const first = await ingestor.ingestAll();
    const firstMs = Date.now() - start;
    const firstReads = contentsRead;
    expect(first.read).toBe(ENTITIES);
    report.push(
      `| ${label} | first pass: ${ENTITIES} locations, ${firstReads} ADR files read, parsed and stored | ${seconds(
        firstMs,
      ).toFixed(2)} s | <= 10 s |`,
    );

    contentsRead = 0;
    start = Date.now();
    const second = await ingestor.ingestAll();
    const secondMs = Date.now() - start;
    expect(second.unchanged).toBe(ENTITIES);
    report.push(
      `| ${label} | second pass, nothing changed: file contents read | ${contentsRead} (${seconds(
        secondMs,
      ).toFixed(2)} s, ETags compared) | 0 |`,
    );
    fs.rmSync(root, { recursive: true, force: true });
  });
});
