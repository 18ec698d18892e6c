import { ScorecardTrendPoint } from '@catalog-governance/backstage-plugin-governance-common';
import { addDays, daysBetween, utcToday } from '../../lib/days';

/** The share of passing checks of a point, 0 to 1. */
export function share(point: ScorecardTrendPoint): number {
  return point.total > 0 ? point.passing / point.total : 0;
}

/** The points in time order, with the days the chart spans. */
export interface TrendSpan {
  /** Oldest first, only those inside the window. */
  points: ScorecardTrendPoint[];
  /** The first day drawn: where the window starts, or later where the history starts. */
  first: string;
  /** The last day drawn: today, or the latest point when a client's clock is behind. */
  last: string;
  /** True when the history starts after the window does, so the chart starts with it. */
  startsWithHistory: boolean;
}

/**
 * What the chart spans: the window of `days` ending today, cut to where the history starts, so a
 * fresh install shows its few days across the whole width instead of a strip at the right.
 */
export function trendSpan(
  days: number,
  trendPoints: ScorecardTrendPoint[],
  today = utcToday(),
): TrendSpan {
  const sorted = [...trendPoints].sort((a, b) => a.date.localeCompare(b.date));
  const latest = sorted[sorted.length - 1].date;
  const last = latest > today ? latest : today;
  const windowStart = addDays(last, -(days - 1));
  const points = sorted.filter(p => p.date >= windowStart);
  const historyStart = points[0]?.date ?? last;
  const startsWithHistory = historyStart > windowStart;
  return {
    points,
    first: startsWithHistory ? historyStart : windowStart,
    last,
    startsWithHistory,
  };
}

/** Runs of consecutive days: a day without results breaks the line instead of bridging it. */
export function consecutiveRuns(
  points: ScorecardTrendPoint[],
): ScorecardTrendPoint[][] {
  const runs: ScorecardTrendPoint[][] = [];
  points.forEach((p, i) => {
    if (i > 0 && daysBetween(points[i - 1].date, p.date) === 1) {
      runs[runs.length - 1].push(p);
    } else {
      runs.push([p]);
    }
  });
  return runs;
}

/**
 * The days the x axis names: the first and the last, and evenly spaced days between them, as
 * many as fit `maxTicks`.
 */
export function dateTicks(
  first: string,
  last: string,
  maxTicks: number,
): string[] {
  const span = daysBetween(first, last);
  if (span === 0) {
    return [first];
  }
  const count = Math.max(2, Math.min(maxTicks, span + 1));
  const step = span / (count - 1);
  const offsets = [
    ...new Set(Array.from({ length: count }, (_, i) => Math.round(i * step))),
  ];
  return offsets.map(offset => addDays(first, offset));
}
