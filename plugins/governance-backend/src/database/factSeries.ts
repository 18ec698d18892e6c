import { FactValue } from '@catalog-governance/backstage-plugin-governance-common';
import { Duration } from 'luxon';

const DAY_MS = Duration.fromObject({ days: 1 }).as('milliseconds');

/**
 * One day of a fact's history: the day as a number of UTC days since 1970-01-01, and that
 * day's value. A series is a JSON array of points, oldest first, one per day: kept on the
 * fact's own row, it costs about a dozen bytes a day instead of a row and its index entries.
 */
export type SeriesPoint = [day: number, value: FactValue];

/** The UTC day an instant falls on. */
export function dayNumber(at: Date | string | number): number {
  return Math.floor(new Date(at).getTime() / DAY_MS);
}

/** The start of a UTC day, as an ISO 8601 timestamp. */
export function dayStart(day: number): string {
  return new Date(day * DAY_MS).toISOString();
}

export function parseSeries(history: string | null | undefined): SeriesPoint[] {
  return history ? JSON.parse(history) : [];
}

/** The columns a series is stored in: the points, and the first day to find old ones by. */
export function seriesColumns(points: SeriesPoint[]): {
  history: string | null;
  history_from_day: number | null;
} {
  return points.length
    ? { history: JSON.stringify(points), history_from_day: points[0][0] }
    : { history: null, history_from_day: null };
}

/** Sets a day's value in a series, replacing what the day had. */
export function setDay(
  points: SeriesPoint[],
  day: number,
  value: FactValue,
): void {
  let at = points.length;
  while (at > 0 && points[at - 1][0] > day) {
    at -= 1;
  }
  if (at > 0 && points[at - 1][0] === day) {
    points[at - 1] = [day, value];
  } else {
    points.splice(at, 0, [day, value]);
  }
}
