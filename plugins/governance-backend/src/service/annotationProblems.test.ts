import { Entity } from '@backstage/catalog-model';
import { AnnotationProblemPage } from '@catalog-governance/backstage-plugin-governance-common';
import {
  getAs,
  startGovernanceTestBackend,
} from '../__testUtils__/governanceTestBackend';
import { component } from '../__testUtils__/catalogEntities';
import {
  catalogHidingFrom,
  catalogReadPermission,
} from '../__testUtils__/visibleCatalog';
import { readUntil } from '../__testUtils__/readUntil';
import { JANE, NOBODY } from '../__testUtils__/users';

jest.setTimeout(60_000);

const entities: Entity[] = [
  component(
    'checkout',
    {
      'governance/tier': 'platinum',
      'backstage.io/managed-by-location':
        'url:https://git.example.com/checkout/catalog-info.yaml',
    },
    'team-payments',
  ),
  component(
    'search',
    { 'governance/runbook': '=HYPERLINK("x")' },
    'team-search',
  ),
  component('ledger', { 'governance/tier': 'core' }, 'team-payments'),
];

/** Jane's read is conditional and the catalog shows her no search service; Nobody reads nothing. */
const permission = catalogReadPermission({
  conditional: JANE,
  denied: NOBODY,
}).factory;

const get = (
  server: Awaited<ReturnType<typeof startGovernanceTestBackend>>,
  path: string,
  user = 'user:default/council',
) => getAs(server, path, user);

async function startBackend() {
  const server = await startGovernanceTestBackend({
    catalog: catalogHidingFrom(JANE, 'component:default/search', entities),
    permission,
    scheduledAtStartUp: true,
  });
  // The scan runs in the background; wait until it has stored what it found.
  await readUntil(
    async () => (await get(server, '/annotation-problems')).body,
    problems => problems.totalItems === 2,
    {
      attempts: 150,
      waitingFor: 'the scheduled annotation scan to store its findings',
    },
  );
  return server;
}

describe('GET /annotation-problems', () => {
  it('lists every invalid annotation with its value, what is allowed and where it is read from', async () => {
    const server = await startBackend();
    const res = await get(server, '/annotation-problems');
    expect(res.status).toBe(200);
    const page = res.body as AnnotationProblemPage;
    expect(page.items).toEqual([
      {
        entityRef: 'component:default/checkout',
        owner: 'group:default/team-payments',
        key: 'governance/tier',
        value: 'platinum',
        allowed: 'one of the configured tiers: critical, core, supporting',
        severity: 'warning',
        sourceLocation:
          'url:https://git.example.com/checkout/catalog-info.yaml',
        recordedAt: expect.any(String),
      },
      expect.objectContaining({
        entityRef: 'component:default/search',
        key: 'governance/runbook',
      }),
    ]);

    const owned = await get(
      server,
      '/annotation-problems?owner=group:default/team-search',
    );
    expect(
      owned.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).toEqual(['component:default/search']);
  });

  it('shows callers only the entities the catalog lets them read', async () => {
    const server = await startBackend();
    const jane = await get(server, '/annotation-problems', JANE);
    expect(
      jane.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).toEqual(['component:default/checkout']);
    const nobody = await get(server, '/annotation-problems', NOBODY);
    expect(nobody.body).toMatchObject({ items: [], totalItems: 0 });
  });

  it('refuses a page size above the limit, naming it', async () => {
    const server = await startBackend();
    const res = await get(server, '/annotation-problems?limit=500');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/limit/);
  });

  it('exports the filtered problems as CSV, defusing cells a spreadsheet would run', async () => {
    const server = await startBackend();
    const res = await get(
      server,
      '/annotation-problems.csv?owner=group:default/team-search',
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(
      'annotation-problems_owner-group-default-team-search.csv',
    );
    const [header, row, end] = res.text.split('\r\n');
    expect(header).toBe(
      'entity,title,owner,annotation,value,allowed,severity,source_location,recorded_at',
    );
    expect(row).toContain(
      `component:default/search,,group:default/team-search,governance/runbook,"'=HYPERLINK(""x"")"`,
    );
    expect(end).toBe('');
  });
});
