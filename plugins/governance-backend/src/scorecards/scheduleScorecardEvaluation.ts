import {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { FactRetention } from '../facts/FactRetention';
import { ScorecardEngine } from './ScorecardEngine';
import { ScorecardHistoryRetention } from './ScorecardHistoryRetention';

/**
 * Schedules the full evaluation, with the retention of the facts it reads and of the history
 * it writes. The scheduler runs it on one replica per tick.
 *
 * @internal
 */
export async function scheduleScorecardEvaluation(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  scorecards: ScorecardEngine;
  facts: FactRetention;
  history: ScorecardHistoryRetention;
}): Promise<void> {
  const { scheduler, schedule, scorecards, facts, history } = options;
  await scheduler.scheduleTask({
    id: 'governance-evaluate-scorecards',
    ...schedule,
    fn: async () => {
      // Facts first, so the evaluation already reads without the ones that go.
      await facts.prune();
      await scorecards.evaluateAll();
      await history.prune();
    },
  });
}
