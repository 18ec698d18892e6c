import {
  CheckResultCounts,
  StandardDay,
} from '@catalog-governance/backstage-plugin-governance-common';
import { HiddenEntities } from './util';

/**
 * One standard's counts on one day.
 *
 * @internal
 */
export type StandardDayRow = { standardId: string } & Pick<
  StandardDay,
  'day' | 'counts'
>;

/**
 * What the Standards tab reads: the current check results counted per check, and the daily
 * snapshots of each standard's counts.
 *
 * @internal
 */
export interface StandardsStore {
  /**
   * Counts the current results of every evaluated entity per check id (results, compliant ones,
   * automated ones), leaving out the `hidden` entities.
   */
  countCheckResults(
    hidden?: HiddenEntities,
  ): Promise<Map<string, CheckResultCounts>>;

  /**
   * Counts the current results per check from every entity's own results, and keeps these
   * counts as the running totals {@link StandardsStore.countCheckResults} reads from then on.
   */
  recountCheckResults(): Promise<Map<string, CheckResultCounts>>;

  /** Replaces the day's snapshot with these rows (a later pass of the same day wins). */
  recordStandardsDay(
    day: string,
    rows: Array<{ standardId: string; counts: CheckResultCounts }>,
  ): Promise<void>;

  /** The snapshots from `sinceDay` to `untilDay` (inclusive), oldest first. */
  listStandardsDays(
    sinceDay: string,
    untilDay: string,
  ): Promise<StandardDayRow[]>;

  /** Deletes the snapshots before `beforeDay`; returns how many rows went. */
  pruneStandardsDays(beforeDay: string): Promise<number>;
}
