import {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/**
 * The `schedule` of a job that runs `run` as the scheduler's task `id`: the scheduler runs it
 * on one replica per tick, on the schedule read from config.
 *
 * @internal
 */
export function scheduledJob(id: string, run: () => Promise<unknown>) {
  return async (
    scheduler: SchedulerService,
    schedule: SchedulerServiceTaskScheduleDefinition,
  ): Promise<void> => {
    await scheduler.scheduleTask({
      id,
      ...schedule,
      fn: async () => {
        await run();
      },
    });
  };
}
