import { CheckState } from './scorecard';
import { GovernanceApiSchemas } from './schema';

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
 * Narrows the Compliance view to the entities matching every given dimension.
 *
 * @public
 */
export type ComplianceFilter = GovernanceApiSchemas['ComplianceFilter'];

/**
 * How many checks are in each state. `passingShare` is `pass / total` (0 when there are no
 * checks): a waived check is not passing.
 *
 * @public
 */
export type ComplianceCounts = GovernanceApiSchemas['ComplianceCounts'];

/**
 * One row of a roll-up: the entities sharing a value of the grouped dimension. `key` is absent
 * for entities without one (no system, or a system without a domain).
 *
 * @public
 */
export type ComplianceGroup = GovernanceApiSchemas['ComplianceGroup'];

/**
 * `GET /api/governance/compliance`: the current results rolled up by one dimension.
 *
 * @public
 */
export type ComplianceRollup = GovernanceApiSchemas['ComplianceRollup'];

/**
 * An evaluated entity in a drill-down, with where it sits and its current counts.
 *
 * @public
 */
export type ComplianceEntity = GovernanceApiSchemas['ComplianceEntity'];

/**
 * `GET /api/governance/compliance/entities`: one page of the entities matching a filter, least
 * compliant first.
 *
 * @public
 */
export type ComplianceEntityPage = GovernanceApiSchemas['ComplianceEntityPage'];

/**
 * The counts on one day, as stored by that day's last scheduled evaluation.
 *
 * @public
 */
export type ComplianceTrendPoint =
  GovernanceApiSchemas['ComplianceTrend']['points'][number];

/**
 * `GET /api/governance/compliance/trend`.
 *
 * @public
 */
export type ComplianceTrend = GovernanceApiSchemas['ComplianceTrend'];

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
