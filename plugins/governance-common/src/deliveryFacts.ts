import type { FactDefinition } from './facts';

/**
 * The delivery metrics a decision's impact is measured with: the four DORA keys plus error
 * rate, latency percentiles and cost. CI and monitoring push them like any measured fact.
 *
 * @public
 */
export const DELIVERY_FACT_DEFINITIONS: readonly FactDefinition[] = [
  {
    name: 'deploymentFrequencyPerWeek',
    type: 'number',
    unit: 'deploys/week',
    min: 0,
    max: 100_000,
    description: 'Deployments to production per week',
    staleAfterDays: 14,
    betterDirection: 'higher',
  },
  {
    name: 'leadTimeHours',
    type: 'number',
    unit: 'h',
    min: 0,
    max: 100_000,
    description: 'Lead time for changes, from commit to production, in hours',
    staleAfterDays: 14,
    betterDirection: 'lower',
  },
  {
    name: 'changeFailureRate',
    type: 'number',
    unit: '%',
    min: 0,
    max: 100,
    description:
      'Share of deployments that caused a failure in production, in percent',
    staleAfterDays: 30,
    betterDirection: 'lower',
  },
  {
    name: 'errorRatePercent',
    type: 'number',
    unit: '%',
    min: 0,
    max: 100,
    description: 'Share of requests that failed, in percent',
    staleAfterDays: 7,
    betterDirection: 'lower',
  },
  {
    name: 'p50LatencyMs',
    type: 'number',
    unit: 'ms',
    min: 0,
    max: 3_600_000,
    description: 'Measured median (p50) latency, in milliseconds',
    staleAfterDays: 7,
    betterDirection: 'lower',
  },
  {
    name: 'p99LatencyMs',
    type: 'number',
    unit: 'ms',
    min: 0,
    max: 3_600_000,
    description: 'Measured p99 latency, in milliseconds',
    staleAfterDays: 7,
    betterDirection: 'lower',
  },
  {
    name: 'costPerThousandRequests',
    type: 'number',
    unit: 'USD',
    min: 0,
    max: 1_000_000,
    description: 'Infrastructure cost per thousand requests, in US dollars',
    staleAfterDays: 35,
    betterDirection: 'lower',
  },
];

/**
 * The facts an ADR's impact compares, in the order they are shown: the delivery metrics, then
 * the measured facts checks already read.
 *
 * @public
 */
export const IMPACT_FACTS: readonly string[] = [
  ...DELIVERY_FACT_DEFINITIONS.map(f => f.name),
  'p95LatencyMs',
  'availability',
];
