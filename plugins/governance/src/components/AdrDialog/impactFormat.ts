import { AdrMetricImpact } from '@catalog-governance/backstage-plugin-governance-common';

/** What each metric is called in the dialog; unknown facts show their name. */
const METRIC_TITLES: Record<string, string> = {
  deploymentFrequencyPerWeek: 'Deployment frequency',
  leadTimeHours: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  errorRatePercent: 'Error rate',
  p50LatencyMs: 'p50 latency',
  p95LatencyMs: 'p95 latency',
  p99LatencyMs: 'p99 latency',
  availability: 'Availability',
  costPerThousandRequests: 'Cost per 1,000 requests',
};

/** The metric's title for people. */
export function metricTitle(fact: string): string {
  return METRIC_TITLES[fact] ?? fact;
}

/** A value with its unit, rounded to what a reader compares: 3 significant digits. */
export function formatMetricValue(value: number, unit?: string): string {
  const rounded = Number(value.toPrecision(3)).toLocaleString('en-US', {
    maximumFractionDigits: 3,
  });
  if (!unit) {
    return rounded;
  }
  if (unit === 'USD') {
    return `$${rounded}`;
  }
  return unit === '%' ? `${rounded}%` : `${rounded} ${unit}`;
}

/** "−725 ms (−50.9%)", signed, for a metric with a change. */
export function formatChange(
  change: NonNullable<AdrMetricImpact['change']>,
  unit?: string,
): string {
  let sign = '±';
  if (change.absolute > 0) sign = '+';
  else if (change.absolute < 0) sign = '−';
  const absolute = `${sign}${formatMetricValue(
    Math.abs(change.absolute),
    unit,
  )}`;
  if (change.percent === undefined) {
    return absolute;
  }
  const percent = Math.abs(change.percent).toLocaleString('en-US', {
    maximumFractionDigits: 1,
  });
  return `${absolute} (${sign}${percent}%)`;
}

/** A window's median, or why there is none. */
export function describeMedian(
  window: AdrMetricImpact['before'],
  metric: AdrMetricImpact,
): string {
  if (window.median === undefined) {
    return `not enough data (${window.points.length} of ${metric.minPoints} points)`;
  }
  return formatMetricValue(window.median, metric.unit);
}

/**
 * One line per metric with data, for the retrospective's notes: "p99 latency: 1,430 ms → 700 ms,
 * −725 ms (−50.9%), better".
 */
export function impactSummary(metrics: AdrMetricImpact[]): string {
  return metrics
    .filter(m => m.before.points.length > 0 || m.after.points.length > 0)
    .map(m => {
      const numbers = `${metricTitle(m.fact)}: ${describeMedian(
        m.before,
        m,
      )} → ${describeMedian(m.after, m)}`;
      return m.change
        ? `${numbers}, ${formatChange(m.change, m.unit)}, ${m.change.direction}`
        : numbers;
    })
    .join('\n');
}
