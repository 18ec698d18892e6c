/*
 * The Tech Insights side of the comparison, configured as its README shows: fact retrievers named
 * after the tools governance's facts come from, and governance's tier targets as JSON rules checks
 * (`techInsights.factChecker.checks`).
 */
import type { TierPolicy } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * One fact retriever per source the scorecard bench pushes from (CI, APM, SLO tooling), each
 * returning the latest value of its fact for every service, as a real retriever would after
 * asking its tool.
 */
export const RETRIEVERS: Record<string, { fact: string; description: string }> =
  {
    ciFactRetriever: {
      fact: 'coverage',
      description: 'Test coverage, percent',
    },
    apmFactRetriever: {
      fact: 'p95LatencyMs',
      description: 'Measured p95 latency, milliseconds',
    },
    sloFactRetriever: {
      fact: 'availability',
      description: 'Measured availability over the SLO window, percent',
    },
  };

/**
 * Governance's three measured tier checks as JSON rules, one per tier and metric. Tech Insights
 * picks a tier's checks with a check `filter` on the entity's tier annotation, read from the
 * catalog for every entity it checks.
 */
export function jsonRulesChecks(policies: TierPolicy[]) {
  const retrieverOf = (fact: string) =>
    Object.keys(RETRIEVERS).find(id => RETRIEVERS[id].fact === fact)!;
  const check = (
    policy: TierPolicy,
    name: string,
    fact: string,
    operator: string,
    value: number,
  ) => ({
    type: 'json-rules-engine',
    name: `${policy.title}: ${name}`,
    description: `${name} of a ${policy.name} service`,
    factIds: [retrieverOf(fact)],
    filter: { 'metadata.annotations.governance/tier': policy.name },
    rule: { conditions: { all: [{ fact, operator, value }] } },
  });
  return Object.fromEntries(
    policies.flatMap(policy => [
      [
        `${policy.name}-availability`,
        check(
          policy,
          'Availability',
          'availability',
          'greaterThanInclusive',
          policy.minAvailabilityPercent,
        ),
      ],
      [
        `${policy.name}-p95-latency`,
        check(
          policy,
          'p95 latency',
          'p95LatencyMs',
          'lessThan',
          policy.maxP95LatencyMs,
        ),
      ],
      [
        `${policy.name}-coverage`,
        check(
          policy,
          'Test coverage',
          'coverage',
          'greaterThanInclusive',
          policy.testing.minCoveragePercent,
        ),
      ],
    ]),
  );
}
