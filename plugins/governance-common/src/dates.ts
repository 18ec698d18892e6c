import { DateTime, Duration } from 'luxon';

/**
 * One day in milliseconds, from luxon. Staleness windows are whole 24-hour days counted from an
 * instant, so comparing epoch milliseconds is exact, and it keeps luxon's object arithmetic
 * (about 10 µs a call) out of the per-check loop of a full evaluation.
 */
export const DAY_MILLIS = Duration.fromObject({ days: 1 }).as('milliseconds');

// Entities share a handful of review dates and cadences, and a full evaluation asks for the
// same ones thousands of times: each answer is remembered. The bound keeps a long-running
// backend's memory flat whatever dates it meets.
const MEMO_LIMIT = 10_000;
const dueDates = new Map<string, Date>();

/**
 * Adds calendar months to an ISO date in UTC, clamping to the last day of a shorter month, so a
 * cadence that starts on 31 August falls due on the last day of February.
 */
export function addMonths(isoDate: string, months: number): Date {
  const key = `${isoDate}|${months}`;
  let due = dueDates.get(key);
  if (!due) {
    const whole = Math.floor(months);
    due = DateTime.fromISO(isoDate, { zone: 'utc' })
      .plus({ months: whole })
      // Fractional months (e.g. 1.5) add the remainder as days of a 30-day month.
      .plus({ days: Math.round((months - whole) * 30) })
      .toJSDate();
    if (dueDates.size >= MEMO_LIMIT) {
      dueDates.clear();
    }
    dueDates.set(key, due);
  }
  // A copy: callers may treat the Date as their own.
  return new Date(due.getTime());
}
