import { FactValue } from '@catalog-governance/backstage-plugin-governance-common';
import { Duration } from 'luxon';

const DAY_MS = Duration.fromObject({ days: 1 }).as('milliseconds');

/**
 * One day of a fact's history: the day as a number of UTC days since 1970-01-01, and that
 * day's value. A series is kept on the fact's own row as a JSON array of pairs, oldest first,
 * one per day, each day written as the days since the pair before (the first as its day
 * number): `[[20600,95],[33,50]]` is 95 on day 20600 and 50 on day 20633. About nine bytes a
 * day instead of a row and its index entries.
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
  let day = 0;
  return (history ? (JSON.parse(history) as SeriesPoint[]) : []).map(
    ([days, value]) => {
      day += days;
      return [day, value];
    },
  );
}

/** The columns a series is stored in: the points, and the first day to find old ones by. */
export function seriesColumns(points: SeriesPoint[]): {
  history: string | null;
  history_from_day: number | null;
} {
  if (!points.length) {
    return { history: null, history_from_day: null };
  }
  const packed = points.map(([day, value], i) => [
    i ? day - points[i - 1][0] : day,
    value,
  ]);
  return { history: JSON.stringify(packed), history_from_day: points[0][0] };
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
