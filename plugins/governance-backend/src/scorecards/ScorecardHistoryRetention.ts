import { LoggerService } from '@backstage/backend-plugin-api';
import { DateTime } from 'luxon';
import { ScorecardStore } from '../database/ScorecardStore';

/**
 * Keeps the scorecard history bounded: forgets changes older than the retention, except each
 * check's latest one, so a trend still starts from the right state.
 *
 * @internal
 */
export class ScorecardHistoryRetention {
  constructor(
    private readonly deps: {
      store: ScorecardStore;
      logger: LoggerService;
      retentionDays: number;
    },
  ) {}

  async prune(now = new Date()): Promise<number> {
    const { store, logger, retentionDays } = this.deps;
    const cutoff = DateTime.fromJSDate(now, { zone: 'utc' })
      .minus({ days: retentionDays })
      .toJSDate();
    const pruned = await store.pruneHistory(cutoff);
    logger.info(
      `Pruned ${pruned} scorecard history rows older than ${retentionDays} days`,
    );
    return pruned;
  }
}
