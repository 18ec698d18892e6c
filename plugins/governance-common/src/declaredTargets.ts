import { TestingKind } from './annotations';
import { GovernanceAnnotationValues } from './parseAnnotations';
import { TierPolicy } from './tierPolicy';

/**
 * Whether a declared value meets its tier target. `unknown` when nothing was declared.
 *
 * @public
 */
export type TargetStatus = 'met' | 'not-met' | 'unknown';

/**
 * The NFR areas a tier sets targets for.
 *
 * @public
 */
export type TargetId =
  | 'availability'
  | 'p95-latency'
  | 'security-review'
  | 'test-coverage'
  | 'testing-kinds';

/**
 * One row of the declared-only target view: the target the tier demands, the value the entity
 * declares, and whether it meets it.
 *
 * @public
 */
export interface TargetEvaluation {
  id: TargetId;
  title: string;
  /** The target as a sentence fragment, e.g. `>= 99.95%`. */
  target: string;
  /** The declared value as shown to a user, absent when nothing was declared. */
  declared?: string;
  status: TargetStatus;
  /** The annotation the declared value comes from. */
  annotation: string;
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Adds calendar months in UTC, clamping to the last day of a shorter month. */
export function addMonths(isoDate: string, months: number): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  const whole = Math.floor(months);
  const target = new Date(Date.UTC(y, m - 1 + whole, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  // Fractional months (e.g. 1.5) add the remainder as days of a 30-day month.
  target.setUTCDate(target.getUTCDate() + Math.round((months - whole) * 30));
  return target;
}

/**
 * Compares declared annotation values against a tier's targets. This is the first,
 * declared-only view; measured facts arrive with the scorecard engine.
 *
 * @public
 */
export function evaluateDeclaredTargets(
  policy: TierPolicy,
  declared: GovernanceAnnotationValues,
  now: Date,
): TargetEvaluation[] {
  const status = (known: boolean, met: boolean): TargetStatus => {
    if (!known) {
      return 'unknown';
    }
    return met ? 'met' : 'not-met';
  };

  const reviewDue = declared.lastSecurityReview
    ? addMonths(declared.lastSecurityReview, policy.securityReview.everyMonths)
    : undefined;
  const required = policy.testing.requiredKinds;
  const declaredKinds = declared.testing;
  const missingKinds: TestingKind[] = declaredKinds
    ? required.filter(k => !declaredKinds.includes(k))
    : [];

  return [
    {
      id: 'availability',
      title: 'Availability',
      target: `>= ${policy.minAvailabilityPercent}%`,
      declared:
        declared.availabilitySloPercent !== undefined
          ? `${declared.availabilitySloPercent}%`
          : undefined,
      status: status(
        declared.availabilitySloPercent !== undefined,
        (declared.availabilitySloPercent ?? 0) >= policy.minAvailabilityPercent,
      ),
      annotation: 'governance/availability-slo',
    },
    {
      id: 'p95-latency',
      title: 'p95 latency',
      target: `< ${formatMs(policy.maxP95LatencyMs)}`,
      declared:
        declared.p95LatencySloMs !== undefined
          ? formatMs(declared.p95LatencySloMs)
          : undefined,
      status: status(
        declared.p95LatencySloMs !== undefined,
        (declared.p95LatencySloMs ?? Infinity) < policy.maxP95LatencyMs,
      ),
      annotation: 'governance/p95-latency-slo',
    },
    {
      id: 'security-review',
      title: 'Security review',
      target: `${policy.securityReview.kind} every ${policy.securityReview.everyMonths} months`,
      declared: declared.lastSecurityReview
        ? `last on ${declared.lastSecurityReview}, next due ${reviewDue!
            .toISOString()
            .slice(0, 10)}`
        : undefined,
      status: status(
        reviewDue !== undefined,
        // Due on a calendar day: the review still counts on that whole day.
        reviewDue !== undefined &&
          reviewDue.toISOString().slice(0, 10) >=
            now.toISOString().slice(0, 10),
      ),
      annotation: 'governance/last-security-review',
    },
    {
      id: 'test-coverage',
      title: 'Test coverage',
      target: `>= ${policy.testing.minCoveragePercent}%`,
      declared:
        declared.testCoveragePercent !== undefined
          ? `${declared.testCoveragePercent}%`
          : undefined,
      status: status(
        declared.testCoveragePercent !== undefined,
        (declared.testCoveragePercent ?? 0) >=
          policy.testing.minCoveragePercent,
      ),
      annotation: 'governance/test-coverage',
    },
    {
      id: 'testing-kinds',
      title: 'Testing required',
      target: required.length ? `${required.join(', ')} tests` : 'none',
      declared: declaredKinds
        ? `${declaredKinds.join(', ')}${
            missingKinds.length ? ` (missing ${missingKinds.join(', ')})` : ''
          }`
        : undefined,
      status: status(declaredKinds !== undefined, missingKinds.length === 0),
      annotation: 'governance/testing',
    },
  ];
}
