import { DateTime } from 'luxon';

// The Governance tab shows and sends calendar days in UTC (`2026-12-06`), wherever the user sits.

function dayOf(day: string): DateTime {
  return DateTime.fromISO(day, { zone: 'utc' });
}

/** Today, as a UTC calendar day. */
export function utcToday(): string {
  return DateTime.utc().toISODate()!;
}

/** Whether the value is a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dayOf(value).isValid;
}

/** The calendar day the given number of days later (or earlier, when negative). */
export function addDays(day: string, days: number): string {
  return dayOf(day).plus({ days }).toISODate()!;
}

/** Whole days from one calendar day to another; negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayOf(to).diff(dayOf(from), 'days').days);
}

/** The last millisecond of the day, UTC, as an ISO timestamp. */
export function endOfUtcDay(day: string): string {
  return dayOf(day).endOf('day').toISO({ suppressMilliseconds: false })!;
}
