import { ConfigReader } from '@backstage/config';
import { readTierPolicies } from '@catalog-governance/backstage-plugin-governance-common';
import { jsonRulesChecks, RETRIEVERS } from './jsonRulesChecks';

describe('jsonRulesChecks', () => {
  const policies = [...readTierPolicies(new ConfigReader({})).values()];

  it("gives every tier three checks, each run only on that tier's entities", () => {
    const checks = jsonRulesChecks(policies);

    expect(Object.keys(checks)).toHaveLength(policies.length * 3);
    for (const policy of policies) {
      for (const metric of ['availability', 'p95-latency', 'coverage']) {
        expect(checks[`${policy.name}-${metric}`].filter).toEqual({
          'metadata.annotations.governance/tier': policy.name,
        });
      }
    }
  });

  it("checks the tier's own targets with the same comparisons as governance", () => {
    const critical = policies.find(p => p.name === 'critical')!;
    const checks = jsonRulesChecks([critical]);

    expect(checks['critical-availability'].rule.conditions.all).toEqual([
      {
        fact: 'availability',
        operator: 'greaterThanInclusive',
        value: critical.minAvailabilityPercent,
      },
    ]);
    expect(checks['critical-p95-latency']).toEqual({
      type: 'json-rules-engine',
      name: `${critical.title}: p95 latency`,
      description: 'p95 latency of a critical service',
      factIds: ['apmFactRetriever'],
      filter: { 'metadata.annotations.governance/tier': 'critical' },
      rule: {
        conditions: {
          all: [
            {
              fact: 'p95LatencyMs',
              operator: 'lessThan',
              value: critical.maxP95LatencyMs,
            },
          ],
        },
      },
    });
    expect(checks['critical-coverage'].rule.conditions.all).toEqual([
      {
        fact: 'coverage',
        operator: 'greaterThanInclusive',
        value: critical.testing.minCoveragePercent,
      },
    ]);
  });

  it('reads each fact from the retriever that provides it', () => {
    const checks = jsonRulesChecks(policies);

    for (const check of Object.values(checks)) {
      const [{ fact }] = check.rule.conditions.all;
      expect(check.factIds.map(id => RETRIEVERS[id].fact)).toEqual([fact]);
    }
  });
});
