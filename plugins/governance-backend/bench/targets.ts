/*
 * How a bench row states its target: met, or **MISSED** so a missed one stands out in the report.
 */
import { percentile } from './loadRoutes';

/**
 * The target cell of a row. `met` is undefined where the target is not for this run (it is
 * stated for another catalog size or database): the target is shown without a verdict.
 */
export function targetCell(target: string, met?: boolean): string {
  if (met === undefined) {
    return target;
  }
  return `${target}: ${met ? 'met' : '**MISSED**'}`;
}

/** The 95th percentile of response times, in milliseconds. */
export function p95(latencies: number[]): number {
  return percentile(
    [...latencies].sort((a, b) => a - b),
    95,
  );
}

/** p50, p95 and p99 of response times, as the report's rows state them. */
export function percentiles(latencies: number[]): string {
  if (!latencies.length) {
    return 'no response within the run';
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return [50, 95, 99]
    .map(p => `p${p} ${percentile(sorted, p).toFixed(2)} ms`)
    .join(', ');
}
