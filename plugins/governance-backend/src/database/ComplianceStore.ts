import {
  CHECK_STATES,
  ComplianceCounts,
  ComplianceEntityPage,
  ComplianceFilter,
  ComplianceGroupBy,
  ComplianceRollup,
  ComplianceTrendPoint,
} from '@catalog-governance/backstage-plugin-governance-common';
import { HiddenEntities } from './util';

/**
 * The counts of a roll-up row, in the order the Compliance views and exports show them: one
 * per check state, in the order the states are read, then the total.
 */
export const COMPLIANCE_COUNT_COLUMNS = [
  ...CHECK_STATES,
  'total',
] as const satisfies readonly (keyof ComplianceCounts)[];

/**
 * The Compliance views: roll-ups of the evaluated entities' current results and their daily
 * history. The roll-up rows are written with the results ({@link ScorecardStore}).
 *
 * @internal
 */
export interface ComplianceStore {
  /** Every entity with current results, for working out which of them a caller may see. */
  listEvaluatedEntityRefs(): Promise<string[]>;

  /**
   * Current results rolled up by one dimension, least passing first, leaving out the `hidden`
   * entities.
   */
  getComplianceRollup(
    groupBy: ComplianceGroupBy,
    filter: ComplianceFilter,
    hidden?: HiddenEntities,
  ): Promise<ComplianceRollup>;

  /**
   * A page of the entities matching the filter, least passing first, leaving out the `hidden`
   * entities (in the query, so pages and counts are exact).
   */
  listComplianceEntities(
    filter: ComplianceFilter,
    page: { offset: number; limit: number },
    hidden?: HiddenEntities,
  ): Promise<ComplianceEntityPage>;

  /**
   * Replaces the day's snapshot with the current roll-up rows; the scheduled evaluation calls it
   * after each full pass, so the last pass of a day is the one kept.
   */
  recordComplianceDay(day: string): Promise<void>;

  /**
   * Daily counts for the filter from `sinceDay` to `untilDay` (`YYYY-MM-DD`, inclusive), oldest
   * first; a day without a recorded change carries the previous counts forward. Days before
   * the first record, or when the filter matches no entity, have no point.
   */
  getComplianceTrend(
    filter: ComplianceFilter,
    sinceDay: string,
    untilDay: string,
  ): Promise<ComplianceTrendPoint[]>;
}
