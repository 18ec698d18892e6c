import type { AdrMetricImpact } from './schema';
import type { FactDefinition } from './facts';

/**
 * A window needs at least this many observations for its median to mean something: one
 * weekly push is noise, three show a level.
 *
 * @public
 */
export const DEFAULT_IMPACT_MIN_POINTS = 3;

/** Changes smaller than this share of the value before are within noise. */
const UNCHANGED_PERCENT = 1;

/**
 * The median of the values, or undefined for none.
 *
 * @public
 */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) {
    return undefined;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Rounds away float noise (0.1 + 0.2) without hiding a real difference. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Compares one metric's observations before a decision with those after it: each window's
 * median when it has `minPoints` observations, and, when both have, the change and whether it
 * is better or worse given the metric's better direction.
 *
 * @public
 */
export function metricImpact(options: {
  definition: Pick<FactDefinition, 'name'> &
    Partial<Pick<FactDefinition, 'unit' | 'description' | 'betterDirection'>>;
  before: AdrMetricImpact['before'];
  after: AdrMetricImpact['after'];
  minPoints?: number;
}): AdrMetricImpact {
  const { definition } = options;
  const minPoints = options.minPoints ?? DEFAULT_IMPACT_MIN_POINTS;
  const window = (w: AdrMetricImpact['before']) => {
    const points = [...w.points].sort((a, b) => a.at.localeCompare(b.at));
    const middle =
      points.length >= minPoints ? median(points.map(p => p.value)) : undefined;
    return {
      from: w.from,
      to: w.to,
      points,
      ...(middle !== undefined && { median: tidy(middle) }),
    };
  };
  const before = window(options.before);
  const after = window(options.after);
  const betterDirection = definition.betterDirection ?? 'higher';
  let change: AdrMetricImpact['change'];
  if (before.median !== undefined && after.median !== undefined) {
    const absolute = tidy(after.median - before.median);
    const percent =
      before.median === 0
        ? undefined
        : tidy((absolute / Math.abs(before.median)) * 100);
    const negligible =
      absolute === 0 ||
      (percent !== undefined && Math.abs(percent) < UNCHANGED_PERCENT);
    const improved = betterDirection === 'higher' ? absolute > 0 : absolute < 0;
    let direction: 'better' | 'worse' | 'unchanged' = 'unchanged';
    if (!negligible) direction = improved ? 'better' : 'worse';
    change = {
      absolute,
      ...(percent !== undefined && { percent }),
      direction,
    };
  }
  return {
    fact: definition.name,
    ...(definition.description && { description: definition.description }),
    ...(definition.unit && { unit: definition.unit }),
    betterDirection,
    minPoints,
    before,
    after,
    ...(change && { change }),
  };
}
