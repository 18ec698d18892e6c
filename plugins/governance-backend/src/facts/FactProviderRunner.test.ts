import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import {
  GovernanceFactProvider,
  governanceFactProvidersExtensionPoint,
} from '@catalog-governance/backstage-plugin-governance-node';
import type { Server } from 'node:http';
import request from 'supertest';
import { startGovernanceTestBackend } from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';
import { governanceTestModule } from '../__testUtils__/governanceTestModule';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  readFactDefinitions,
  readTierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ConfigReader } from '@backstage/config';
import { scorecardEngineStores } from '../__testUtils__/scorecardEngineStores';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { ScorecardEngine } from '../scorecards/ScorecardEngine';
import { FactProviderRunner } from './FactProviderRunner';

const payments = tieredComponent('payments');

const schedule: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 1 },
  initialDelay: { seconds: 10 },
};

const providersModule = (...providers: GovernanceFactProvider[]) =>
  governanceTestModule(
    'test-fact-providers',
    governanceFactProvidersExtensionPoint,
    extension => extension.addFactProviders(...providers),
  );

async function summaryOnceProvided(server: Server) {
  for (let attempt = 0; attempt < 30; attempt++) {
    const summary = (
      await request(server)
        .get('/api/governance/summary?entityRef=component:default/payments')
        .set('Authorization', mockCredentials.user.header())
    ).body as EntityGovernanceSummary;
    const coverage = summary.scorecard?.results.find(
      r => r.checkId === 'coverage',
    );
    if (coverage?.origin === 'measured') {
      return summary;
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error('The fact provider never ran');
}

describe('fact providers', () => {
  it('stores what a provider collects on its schedule, skips invalid facts, and re-evaluates', async () => {
    const collect = jest.fn<
      ReturnType<GovernanceFactProvider['collect']>,
      Parameters<GovernanceFactProvider['collect']>
    >(async () => [
      {
        entityRef: 'component:default/payments',
        name: 'coverage',
        value: 91,
        observedAt: '2026-11-20T00:00:00.000Z',
      },
      // Each of these is logged and skipped; the valid fact above is still stored.
      { entityRef: 'component:default/payments', name: 'coverage', value: 140 },
      { entityRef: 'component:default/payments', name: 'colour', value: 1 },
      { entityRef: 'component:default/unknown', name: 'coverage', value: 50 },
      // No 31 November: Date would read it as 1 December, newer than the valid fact.
      {
        entityRef: 'component:default/payments',
        name: 'coverage',
        value: 95,
        observedAt: '2026-11-31T00:00:00.000Z',
      },
    ]);
    const server = await startGovernanceTestBackend({
      entities: [payments],
      features: [
        providersModule({ id: 'sonar', schedule, collect }),
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
      ],
    });

    const summary = await summaryOnceProvided(server);
    expect(
      summary.scorecard!.results.find(r => r.checkId === 'coverage'),
    ).toMatchObject({
      state: 'pass',
      actual: '91%',
      origin: 'measured',
      source: 'provider:sonar',
      observedAt: '2026-11-20T00:00:00.000Z',
    });
    expect(collect).toHaveBeenCalledWith(
      [
        expect.objectContaining({
          metadata: expect.objectContaining({ name: 'payments' }),
        }),
      ],
      expect.objectContaining({ logger: expect.anything() }),
    );
  });

  it('fails start-up naming a provider whose id is taken or unusable', () => {
    const collect = async () => [];
    expect(() =>
      FactProviderRunner.validate([
        { id: 'sonar', schedule, collect },
        { id: 'sonar', schedule, collect },
      ]),
    ).toThrow("Two governance fact providers share the id 'sonar'");
    expect(() =>
      FactProviderRunner.validate([{ id: 'Sonar Cloud', schedule, collect }]),
    ).toThrow("Governance fact provider id 'Sonar Cloud' is not allowed");
  });
});

describeEachDatabase('a long fact provider run', database => {
  it('leaves facts a later scheduled pass finds, though evaluating their page failed', async () => {
    const { store } = await scorecardEngineStores(database);
    const start = new Date('2026-12-06T12:00:00Z');
    const written = new Date('2026-12-06T12:40:00Z');
    const times = [start, written];
    const config = new ConfigReader({});
    const runner = new FactProviderRunner({
      catalog: catalogServiceMock({ entities: [payments] }),
      auth: mockServices.auth(),
      store,
      scorecards: {
        readCatalogContext: async () => ({}),
        evaluatePage: async () => {
          throw new Error('The database went away');
        },
      } as unknown as ScorecardEngine,
      tierPolicies: readTierPolicies(config),
      factDefinitions: readFactDefinitions(config),
      logger: mockServices.logger.mock(),
    });
    const collect = async () => [
      {
        entityRef: 'component:default/payments',
        name: 'coverage',
        value: 91,
      },
    ];

    await expect(
      runner.run({ id: 'sonar', schedule, collect }, () => times.shift()!),
    ).rejects.toThrow('The database went away');
    // A pass that ran while the provider collected looks from shortly before its own start.
    const passStart = new Date('2026-12-06T12:30:00Z');
    expect(
      (await store.listFactChangesSince(passStart, ['coverage'])).entityRefs,
    ).toEqual(['component:default/payments']);
  });
});
