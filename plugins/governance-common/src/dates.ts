import { DateTime } from 'luxon';

/**
 * Adds calendar months to an ISO date in UTC, clamping to the last day of a shorter month, so a
 * cadence that starts on 31 August falls due on the last day of February.
 */
export function addMonths(isoDate: string, months: number): Date {
  const whole = Math.floor(months);
  return (
    DateTime.fromISO(isoDate, { zone: 'utc' })
      .plus({ months: whole })
      // Fractional months (e.g. 1.5) add the remainder as days of a 30-day month.
      .plus({ days: Math.round((months - whole) * 30) })
      .toJSDate()
  );
}
