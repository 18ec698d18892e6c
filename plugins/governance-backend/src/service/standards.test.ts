import { Entity } from '@backstage/catalog-model';
import { StandardList } from '@catalog-governance/backstage-plugin-governance-common';
import {
  badRequest,
  getAs,
  GovernanceTestBackendOptions,
  pushPaymentsFact,
  startGovernanceTestBackend,
} from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';
import {
  catalogHidingFrom,
  catalogReadPermission,
} from '../__testUtils__/visibleCatalog';
import { readUntil } from '../__testUtils__/readUntil';
import { JANE, NOBODY } from '../__testUtils__/users';

const entities: Entity[] = [
  tieredComponent('checkout', 'core', 'team-a', {
    'governance/test-coverage': '90',
    'governance/testing': 'unit,integration',
  }),
  tieredComponent('ledger', 'core', 'team-a', {
    'governance/test-coverage': '40',
  }),
];

const startBackend = (options: GovernanceTestBackendOptions = {}) =>
  startGovernanceTestBackend({
    entities,
    ...options,
    scheduledAtStartUp: true,
  });

type Server = Awaited<ReturnType<typeof startBackend>>;

/** The standards once the scheduled evaluation stored both entities' results. */
const standardsOnceEvaluated = (
  server: Server,
  testingId = 'testing-requirements',
) =>
  readUntil(
    async () => (await getAs(server, '/standards')).body as StandardList,
    list => (list.items?.find(s => s.id === testingId)?.counts.total ?? 0) >= 4,
    {
      attempts: 50,
      waitingFor: 'the scheduled evaluation to store the results',
    },
  );

const byId = (list: StandardList, id: string) =>
  list.items.find(s => s.id === id)!;

describe('Standards routes', () => {
  it("shows the article's standards with compliance, and automation rising as CI pushes facts", async () => {
    const server = await startBackend();
    const before = await standardsOnceEvaluated(server);
    expect(before.items.map(s => [s.title, s.enforcement])).toEqual([
      ['Coding standards', ['lint', 'code-review']],
      ['Testing requirements', ['ci-gate']],
      ['Security policies', ['static-analysis', 'manual-review']],
      ['Architecture patterns', ['design-review']],
    ]);
    const testing = byId(before, 'testing-requirements');
    // Coverage and integration tests of two core services; only annotations so far.
    expect(testing).toMatchObject({
      counts: { total: 4, compliant: 2, automated: 0 },
      compliancePercent: 50,
      automationPercent: 0,
      targetAutomation: { min: 70, max: 80 },
      belowTarget: true,
    });
    expect(before.unmapped.checks).toEqual([]);

    const push = await pushPaymentsFact(server, {
      entityRef: 'component:default/ledger',
      value: 92,
    });
    expect(push.status).toBe(201);
    const after = byId(
      (await getAs(server, '/standards')).body,
      'testing-requirements',
    );
    expect(after).toMatchObject({
      counts: { total: 4, compliant: 3, automated: 1 },
      automationPercent: 25,
    });
    expect(after.trend.at(-1)?.counts).toEqual(after.counts);
  });

  it('reads standards from config and lists checks no standard covers', async () => {
    const server = await startBackend({
      config: {
        governance: {
          standards: [
            {
              id: 'testing',
              title: 'Tests',
              type: 'testing',
              enforcement: 'ci-gate',
              reviewFrequency: 'per-pr',
              targetAutomation: 90,
              checks: ['coverage', 'testing-*'],
            },
          ],
        },
      },
    });
    const list = await standardsOnceEvaluated(server, 'testing');
    expect(list.items.map(s => [s.id, s.reviewFrequency])).toEqual([
      ['testing', 'per-pr'],
    ]);
    expect(list.unmapped.checks).toEqual(
      expect.arrayContaining(['availability', 'security-review']),
    );
    expect(list.unmapped.counts.total).toBeGreaterThan(0);
  });

  it('counts only the entities the caller may see', async () => {
    const server = await startBackend({
      permission: catalogReadPermission({
        conditional: JANE,
        denied: NOBODY,
      }).factory,
      catalog: catalogHidingFrom(JANE, 'component:default/ledger', entities),
    });
    await standardsOnceEvaluated(server);
    const jane = byId(
      (await getAs(server, '/standards', JANE)).body,
      'testing-requirements',
    );
    expect(jane.counts).toEqual({ total: 2, compliant: 2, automated: 0 });
    expect(jane.trend).toHaveLength(1);
    const nobody = byId(
      (await getAs(server, '/standards', NOBODY)).body,
      'testing-requirements',
    );
    expect(nobody).toMatchObject({
      counts: { total: 0, compliant: 0, automated: 0 },
      compliancePercent: null,
      trend: [],
    });
  });

  it('rejects a bad number of days, naming it', async () => {
    const server = await startBackend();
    expect(await getAs(server, '/standards?days=0')).toMatchObject(
      badRequest("'days' must be a whole number from 1 to 366"),
    );
  });
});
