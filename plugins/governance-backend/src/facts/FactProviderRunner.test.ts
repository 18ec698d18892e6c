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
