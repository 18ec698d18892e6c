import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import governancePlugin from '@catalog-governance/backstage-plugin-governance-backend';
import request from 'supertest';
import { governanceErrorBudgetCheck } from './governanceErrorBudgetCheck';

const entity = (name: string, tier: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { 'governance/tier': tier } },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

// Each test starts a backend (the governance plugin's init and migrations): seconds, and more on
// a loaded CI machine, where jest's 5 s default timed out.
jest.setTimeout(30_000);

describe('the example error-budget check', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        governancePlugin,
        governanceErrorBudgetCheck,
        catalogServiceMock.factory({
          entities: [
            entity('payments', 'critical'),
            entity('reports', 'supporting'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            governance: {
              facts: { errorBudgetBurn: { type: 'number', unit: '%', min: 0 } },
            },
          },
        }),
      ],
    });
    return server;
  }

  const checksOf = async (
    server: Awaited<ReturnType<typeof start>>,
    name: string,
  ) =>
    (
      await request(server)
        .get(`/api/governance/summary?entityRef=component:default/${name}`)
        .set('Authorization', mockCredentials.user.header())
    ).body.scorecard.results as Array<{
      checkId: string;
      state: string;
      actual?: string;
    }>;

  it('adds a row to critical scorecards that follows the pushed error-budget burn', async () => {
    const server = await start();
    expect((await checksOf(server, 'payments')).at(-1)).toMatchObject({
      checkId: 'error-budget',
      state: 'unknown',
    });

    await request(server)
      .post('/api/governance/facts')
      .set('Authorization', mockCredentials.service.header())
      .send({
        entityRef: 'component:default/payments',
        name: 'errorBudgetBurn',
        value: 130,
        source: 'slo/monthly',
      })
      .expect(201);

    expect((await checksOf(server, 'payments')).at(-1)).toMatchObject({
      checkId: 'error-budget',
      state: 'fail',
      actual: '130% spent',
    });
  });

  it('leaves scorecards of tiers it does not apply to alone', async () => {
    const server = await start();
    expect(
      (await checksOf(server, 'reports')).map(r => r.checkId),
    ).not.toContain('error-budget');
  });
});
