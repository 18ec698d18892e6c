/**
 * The prefix every governance annotation starts with.
 *
 * @public
 */
export const GOVERNANCE_ANNOTATION_PREFIX = 'governance/';

/**
 * Every annotation key the governance plugins read. The README's annotation reference table
 * documents each one; keep both in step.
 *
 * @public
 */
export const GOVERNANCE_ANNOTATIONS = {
  tier: 'governance/tier',
  techLead: 'governance/tech-lead',
  architect: 'governance/architect',
  adrLocation: 'governance/adr-location',
  availabilitySlo: 'governance/availability-slo',
  p95LatencySlo: 'governance/p95-latency-slo',
  lastSecurityReview: 'governance/last-security-review',
  testCoverage: 'governance/test-coverage',
  testing: 'governance/testing',
  monitoring: 'governance/monitoring',
  runbook: 'governance/runbook',
  stack: 'governance/stack',
} as const;

/**
 * The community ADR plugin's annotation, read as a fallback for `governance/adr-location`.
 *
 * @public
 */
export const COMMUNITY_ADR_LOCATION_ANNOTATION = 'backstage.io/adr-location';

/**
 * Kinds of testing a tier can require and an entity can declare.
 *
 * @public
 */
export const TESTING_KINDS = ['unit', 'integration', 'load'] as const;

/**
 * A kind of testing: `unit`, `integration` or `load`.
 *
 * @public
 */
export type TestingKind = (typeof TESTING_KINDS)[number];

/**
 * True when the annotation key belongs to the governance plugins (including the community ADR
 * location that they read as well).
 *
 * @public
 */
export function isGovernanceAnnotation(key: string): boolean {
  return (
    key.startsWith(GOVERNANCE_ANNOTATION_PREFIX) ||
    key === COMMUNITY_ADR_LOCATION_ANNOTATION
  );
}
