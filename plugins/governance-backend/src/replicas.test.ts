import {
  coreServices,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { governanceEscalationTriggersExtensionPoint } from '@catalog-governance/backstage-plugin-governance-node';
import { tieredComponent } from './__testUtils__/catalogEntities';
import { governanceTestModule } from './__testUtils__/governanceTestModule';
import { withReplicas } from './__testUtils__/replicas';
import { governancePlugin } from './plugin';

jest.setTimeout(60_000);

// Replicas share a database only on PostgreSQL; CI requires it (see database/migrations.test).
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

const entities = Array.from({ length: 3 }, (_, i) =>
  tieredComponent(`service-${i}`),
);

/** One backend replica: its own catalog client. */
async function startReplica(knex: Knex) {
  const catalog = catalogServiceMock({ entities });
  // Every full evaluation reads the systems first, so these calls count the runs of this replica.
  const evaluations = jest.spyOn(catalog, 'queryEntities');
  let scheduler: SchedulerService | undefined;
  // A custom trigger seeing the same cause on every run, counting its runs on this replica.
  const triggerRuns = jest.fn(async () => [
    {
      entityRef: 'component:default/service-0',
      kind: 'nfr-escalation',
      title: 'Error budget exhausted',
      description: 'Burned 120% of the monthly budget',
      causeKey: 'service-0:2026-11',
    },
  ]);
  const backend = await startTestBackend({
    features: [
      governancePlugin,
      mockServices.rootConfig.factory({
        data: {
          // The first run is due a second after start-up, the next an hour later.
          governance: {
            scorecard: {
              initialDelay: { seconds: 1 },
              frequency: { hours: 1 },
            },
            reviews: {
              triggers: {
                initialDelay: { seconds: 1 },
                frequency: { hours: 1 },
              },
            },
          },
        },
      }),
      mockServices.database.factory({ knex }),
      schedulerServiceFactory,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      governanceTestModule(
        'test-trigger',
        governanceEscalationTriggersExtensionPoint,
        triggers =>
          triggers.addTriggers({ id: 'error-budget', evaluate: triggerRuns }),
      ),
      governanceTestModule(
        'test-scheduler-handle',
        coreServices.scheduler,
        pluginScheduler => {
          scheduler = pluginScheduler;
        },
      ),
    ],
  });
  return {
    stop: () => backend.stop(),
    scheduler: scheduler!,
    triggerRuns: () => triggerRuns.mock.calls.length,
    runs: () =>
      evaluations.mock.calls.filter(
        ([query]) =>
          query &&
          'filter' in query &&
          (query.filter as any)?.kind === 'system',
      ).length,
  };
}

/**
 * Waits (up to 20 s) until the replicas together ran `n` times, then longer than a poll
 * interval (5 s) to see that no replica runs the same tick a second time.
 */
async function waitForTotal(total: () => number, n: number) {
  for (let waited = 0; total() < n && waited < 20_000; waited += 200) {
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  expect(total()).toBe(n);
  await new Promise(resolve => setTimeout(resolve, 6_000));
  expect(total()).toBe(n);
}

describe.each(databases.eachSupportedId())(
  'two replicas on one %s database',
  databaseId => {
    it('run a scheduled scorecard evaluation once between them', async () => {
      const shared = await databases.init(databaseId);
      await withReplicas(
        { database: shared, start: startReplica },
        async replicas => {
          const task = 'governance-evaluate-scorecards';
          // Both replicas registered the task; each sees the same one stored in the database.
          for (const replica of replicas) {
            expect(
              (await replica.scheduler.getScheduledTasks()).map(t => t.id),
            ).toContain(task);
          }

          const waitForRuns = (n: number) =>
            waitForTotal(() => replicas[0].runs() + replicas[1].runs(), n);

          // The first tick, due shortly after start-up: both workers race to claim it.
          await waitForRuns(1);
          const idle = replicas.find(r => r.runs() === 0)!;

          // A tick made due by hand from the replica that did not run the first one.
          await idle.scheduler.triggerTask(task);
          await waitForRuns(2);

          const stored = await shared('evaluated_entities').count({ n: '*' });
          expect(Number(stored[0].n)).toBe(entities.length);
        },
      );
    });

    it('run the escalation triggers once per tick between them, and raise a cause once', async () => {
      const shared = await databases.init(databaseId);
      await withReplicas(
        { database: shared, start: startReplica },
        async replicas => {
          const waitForRuns = (n: number) =>
            waitForTotal(
              () => replicas[0].triggerRuns() + replicas[1].triggerRuns(),
              n,
            );
          await waitForRuns(1);
          // Both replicas make the next tick due at the same moment: it still runs once.
          await Promise.all(
            replicas.map(r =>
              r.scheduler.triggerTask('governance-escalation-triggers'),
            ),
          );
          await waitForRuns(2);
          const items = await shared('review_items').select('cause_key');
          expect(items).toEqual([
            { cause_key: 'error-budget:service-0:2026-11' },
          ]);
        },
      );
    });
  },
);
