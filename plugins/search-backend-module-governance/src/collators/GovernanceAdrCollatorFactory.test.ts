import { mockServices } from '@backstage/backend-test-utils';
import { GovernanceAdrDocument } from '@catalog-governance/backstage-plugin-governance-common';
import express from 'express';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { GovernanceAdrCollatorFactory } from './GovernanceAdrCollatorFactory';

function adr(i: number, entityRef = 'component:default/payments') {
  return {
    id: `adr-${i}`,
    entityRef,
    path: `docs/adr/000${i}-choice.md`,
    url: `https://example.com/docs/adr/000${i}-choice.md`,
    number: i,
    title: `Choice ${i}`,
    status: i % 2 ? 'accepted' : 'superseded',
    statusText: i % 2 ? undefined : 'Superseded by ADR 3',
    date: `2024-0${i}-01`,
    deciders: [],
    format: 'madr',
    warnings: [],
    retrospective: { state: 'not-due' },
    owner: 'group:default/team-payments',
    body: `# Choice ${i}\n\nWe use Postgres for ledger ${i}.`,
    links: [],
    retrospectives: [],
  };
}

describe('GovernanceAdrCollatorFactory', () => {
  let server: Server;
  let baseUrl: string;
  let stored: ReturnType<typeof adr>[];
  let removedDuringRun: string | undefined;
  let failIndex: boolean;
  const authHeaders: string[] = [];

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      authHeaders.push(req.headers.authorization ?? '');
      next();
    });
    app.get('/api/governance/adr-index', (req, res) => {
      if (failIndex) {
        res.status(500).json({
          error: { name: 'Error', message: 'database is down' },
          response: { statusCode: 500 },
        });
        return;
      }
      const offset = Number(req.query.offset);
      const limit = Number(req.query.limit);
      const items = stored
        .slice(offset, offset + limit)
        .map(({ body, links, retrospectives, ...summary }) => summary);
      res.json({ items, totalItems: stored.length, offset, limit });
    });
    app.get('/api/governance/adrs/:id', (req, res) => {
      const found = stored.find(a => a.id === req.params.id);
      if (!found || found.id === removedDuringRun) {
        res.status(404).json({
          error: { name: 'NotFoundError', message: 'No ADR' },
          response: { statusCode: 404 },
        });
        return;
      }
      res.json(found);
    });
    server = app.listen(0);
    baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));

  beforeEach(() => {
    stored = [1, 2, 3, 4, 5].map(i => adr(i));
    removedDuringRun = undefined;
    failIndex = false;
    authHeaders.length = 0;
  });

  function factory(options?: { pageSize?: number }) {
    return new GovernanceAdrCollatorFactory({
      auth: mockServices.auth(),
      discovery: mockServices.discovery.mock({
        getBaseUrl: async pluginId => `${baseUrl}/api/${pluginId}`,
      }),
      logger: mockServices.logger.mock(),
      options,
    });
  }

  async function collect(options?: { pageSize?: number }) {
    const documents: GovernanceAdrDocument[] = [];
    for await (const document of await factory(options).getCollator()) {
      documents.push(document);
    }
    return documents;
  }

  it('indexes every stored ADR across pages, with a link into its Governance tab', async () => {
    const documents = await collect({ pageSize: 2 });

    expect(documents.map(d => d.adrId)).toEqual([
      'adr-1',
      'adr-2',
      'adr-3',
      'adr-4',
      'adr-5',
    ]);
    expect(documents[1]).toEqual({
      title: 'ADR 2: Choice 2',
      text: 'Choice 2 We use Postgres for ledger 2.',
      location: '/catalog/default/component/payments/governance?adr=adr-2',
      adrId: 'adr-2',
      entityRef: 'component:default/payments',
      number: 2,
      status: 'superseded',
      statusText: 'Superseded by ADR 3',
      date: '2024-02-01',
      owner: 'group:default/team-payments',
      authorization: { resourceRef: 'component:default/payments' },
    });
  });

  it('shows each ADR only to users who may read its entity', async () => {
    const collator = factory();
    expect(collator.visibilityPermission.name).toBe('catalog.entity.read');
    expect(collator.type).toBe('governance-adr');
  });

  it('calls the governance API with a service token', async () => {
    await collect();
    expect(authHeaders.length).toBeGreaterThan(0);
    expect(authHeaders.every(h => /^Bearer .+/.test(h))).toBe(true);
  });

  it('skips an ADR removed while the index is built', async () => {
    removedDuringRun = 'adr-3';
    const documents = await collect();
    expect(documents.map(d => d.adrId)).toEqual([
      'adr-1',
      'adr-2',
      'adr-4',
      'adr-5',
    ]);
  });

  it('marks an ADR without a readable status as unknown', async () => {
    stored = [{ ...adr(1), status: undefined as unknown as string }];
    const [document] = await collect();
    expect(document.status).toBe('unknown');
  });

  it('fails the run with the API error, so the scheduler logs and retries it', async () => {
    failIndex = true;
    await expect(collect()).rejects.toThrow(/500/);
  });

  it('indexes nothing when no ADR is stored', async () => {
    stored = [];
    expect(await collect()).toEqual([]);
  });
});
