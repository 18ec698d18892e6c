import { CheckState } from './scorecard';
import { ComplianceCounts, GovernanceApiSchemas } from './schema';

/**
 * The dimensions the Compliance view rolls scorecard results up by.
 *
 * @public
 */
export const COMPLIANCE_GROUP_BY = [
  'owner',
  'system',
  'domain',
  'tier',
] as const;

/**
 * A dimension of the Compliance view.
 *
 * @public
 */
export type ComplianceGroupBy = (typeof COMPLIANCE_GROUP_BY)[number];

/**
 * The counts on one day, as stored by that day's last scheduled evaluation.
 *
 * @public
 */
export type ComplianceTrendPoint =
  GovernanceApiSchemas['ComplianceTrend']['points'][number];

/**
 * Counts with the passing share worked out.
 *
 * @public
 */
export function complianceCounts(
  states: Partial<Record<CheckState, number>>,
): ComplianceCounts {
  const counts = {
    pass: states.pass ?? 0,
    fail: states.fail ?? 0,
    warn: states.warn ?? 0,
    unknown: states.unknown ?? 0,
    waived: states.waived ?? 0,
  };
  const total =
    counts.pass + counts.fail + counts.warn + counts.unknown + counts.waived;
  return {
    ...counts,
    total,
    passingShare: total === 0 ? 0 : counts.pass / total,
  };
}
