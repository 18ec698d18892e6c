import { DateTime } from 'luxon';

/**
 * `YYYY-MM-DD` (UTC) of the day `days` from today (negative: before), the way the backend dates
 * its points and the date fields hold a day.
 */
export const utcDayFromNow = (days: number): string =>
  DateTime.utc().plus({ days }).toISODate()!;

/** `YYYY-MM-DD` (UTC) of `days` days before today. */
export const daysAgo = (days: number): string => utcDayFromNow(-days);
