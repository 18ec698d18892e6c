import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  belowAutomationTarget,
  CheckResultCounts,
  rollUpStandards,
  Standard,
  StandardDay,
  StandardList,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import { StandardsStore } from '../database/StandardsStore';
import { HiddenEntities } from '../database/util';
import { scheduledJob } from '../scheduledJob';

const percent = (part: number, total: number) =>
  total ? Math.round((part / total) * 1000) / 10 : null;

/**
 * Standards as code: rolls the stored check results up per configured standard (compliance and
 * the share evaluated from measured evidence) and keeps a daily snapshot of both for the trend.
 * Reads stored results only; nothing re-runs checks.
 *
 * @internal
 */
export class StandardsService {
  constructor(
    private readonly deps: {
      store: StandardsStore;
      standards: readonly Standard[];
      logger: LoggerService;
      /** Snapshots older than this go, as the scorecard history does. */
      retentionDays: number;
    },
  ) {}

  /**
   * The standards as a caller who cannot see the `hidden` entities sees them. The stored days
   * count every entity, so a caller with hidden entities gets today's live point only.
   */
  async list(options: {
    hidden: HiddenEntities;
    days: number;
    now?: Date;
  }): Promise<StandardList> {
    const { store, standards } = this.deps;
    const today = DateTime.fromJSDate(options.now ?? new Date(), {
      zone: 'utc',
    }).startOf('day');
    const byCheck = await store.countCheckResults(options.hidden);
    const current = rollUpStandards(standards, byCheck);
    const history = new Map<string, StandardDay[]>();
    if (options.hidden === undefined && options.days > 1) {
      for (const row of await store.listStandardsDays(
        today.minus({ days: options.days - 1 }).toISODate()!,
        today.minus({ days: 1 }).toISODate()!,
      )) {
        history.set(row.standardId, [
          ...(history.get(row.standardId) ?? []),
          { day: row.day, counts: row.counts },
        ]);
      }
    }
    return {
      items: current.standards.map(({ standard, counts }) => {
        const automationPercent = percent(counts.automated, counts.total);
        return {
          ...standard,
          counts,
          compliancePercent: percent(counts.compliant, counts.total),
          automationPercent,
          belowTarget:
            counts.total > 0 &&
            belowAutomationTarget(
              counts.automated / counts.total,
              standard.targetAutomation,
            ),
          trend: [
            ...(history.get(standard.id) ?? []),
            ...(counts.total
              ? [{ day: today.toISODate()!, counts: { ...counts } }]
              : []),
          ],
        };
      }),
      unmapped: current.unmapped,
    };
  }

  /**
   * Stores today's counts of every standard over all entities, and forgets snapshots older
   * than the retention.
   */
  async recordDay(now = new Date()): Promise<void> {
    const { store, standards, logger, retentionDays } = this.deps;
    const day = DateTime.fromJSDate(now, { zone: 'utc' });
    // The snapshot counts from scratch, so the running totals cannot drift for more than a day.
    const rollup = rollUpStandards(
      standards,
      await store.recountCheckResults(),
    );
    const rows: Array<{ standardId: string; counts: CheckResultCounts }> =
      rollup.standards
        // A standard without results has no point, as today's live point has none.
        .filter(({ counts }) => counts.total > 0)
        .map(({ standard, counts }) => ({ standardId: standard.id, counts }));
    await store.recordStandardsDay(day.toISODate()!, rows);
    const pruned = await store.pruneStandardsDays(
      day.minus({ days: retentionDays }).toISODate()!,
    );
    logger.info(
      `Recorded the standards snapshot of ${day.toISODate()}${
        pruned ? `, pruned ${pruned} older than ${retentionDays} days` : ''
      }`,
    );
  }

  /** Records the day's snapshot on the schedule, once across replicas. */
  schedule(
    scheduler: SchedulerService,
    schedule: SchedulerServiceTaskScheduleDefinition,
  ): Promise<void> {
    return scheduledJob('governance-standards-snapshot', () =>
      this.recordDay(),
    )(scheduler, schedule);
  }
}
