import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityAdrs } from '@catalog-governance/backstage-plugin-governance-common';
import {
  GovernanceAdrParser,
  governanceAdrParserExtensionPoint,
} from '@catalog-governance/backstage-plugin-governance-node';
import request from 'supertest';
import { governanceTestModule } from '../__testUtils__/governanceTestModule';
import { governancePlugin } from '../plugin';
import { governanceLocalDirectoryUrlReader } from './LocalDirectoryUrlReader';
import { adrLocationEntity } from './__testUtils__/adrLocationEntity';
import { decisionLogParser } from './__testUtils__/decisionLogParser';

const adrParserModule = (moduleId: string, ...parsers: GovernanceAdrParser[]) =>
  governanceTestModule(
    moduleId,
    governanceAdrParserExtensionPoint,
    adrParsers => adrParsers.addParser(...parsers),
  );

function startBackend(...modules: ReturnType<typeof adrParserModule>[]) {
  const dir = createMockDirectory({
    content: {
      'docs/adr/0001-record-decisions.md':
        '# 1. Record decisions\n\n* Status: accepted\n* Date: 2026-01-05\n',
      'docs/adr/0002-kafka.md':
        'DECISION 2: Use Kafka for events\nState: approved\nOn: 2026-03-01\nBy: Li Wei\n',
    },
  });
  return startTestBackend({
    features: [
      ...modules,
      governancePlugin,
      catalogServiceMock.factory({
        entities: [
          adrLocationEntity(dir, 'Component', 'orders', 'docs/adr', {
            type: 'service',
            lifecycle: 'production',
            owner: 'team',
          }),
        ],
      }),
      mockServices.rootConfig.factory({
        data: { governance: { adrs: { allowedLocalDirectories: [dir.path] } } },
      }),
      urlReaderServiceFactory,
      governanceLocalDirectoryUrlReader,
    ],
  });
}

describe('governanceAdrParserExtensionPoint', () => {
  it("shows the ADRs a module's parser reads next to those the built-in parser reads", async () => {
    const { server } = await startBackend(
      adrParserModule('decision-log', decisionLogParser),
    );
    const res = await request(server)
      .get('/api/governance/adrs?entityRef=component:default/orders')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(
      (res.body as EntityAdrs).items.map(a => [
        a.number,
        a.title,
        a.status,
        a.date,
        a.deciders,
      ]),
    ).toEqual([
      [1, 'Record decisions', 'accepted', '2026-01-05', []],
      [2, 'Use Kafka for events', 'accepted', '2026-03-01', ['Li Wei']],
    ]);
  });

  it('refuses to start when two modules add parsers with the same id', async () => {
    await expect(
      startBackend(
        adrParserModule('one', decisionLogParser),
        adrParserModule('two', decisionLogParser),
      ),
    ).rejects.toThrow(
      "Custom ADR parser 'decision-log' reuses the id of another ADR parser; give it a unique id",
    );
  });
});
