import { Config } from '@backstage/config';
import { DateTime } from 'luxon';

/**
 * How far ahead a waiver may expire unless `governance.waivers.maxMonths` says otherwise.
 *
 * @public
 */
export const DEFAULT_WAIVER_MAX_MONTHS = 12;

const MAX_MONTHS_KEY = 'governance.waivers.maxMonths';

/**
 * Reads `governance.waivers.maxMonths`: how many whole months ahead a waiver may expire (1 to
 * 60, default 12). Throws naming the key on another value, so a wrong config fails start-up.
 *
 * @public
 */
export function readWaiverMaxMonths(config: Config): number {
  const months =
    config.getOptionalNumber(MAX_MONTHS_KEY) ?? DEFAULT_WAIVER_MAX_MONTHS;
  if (!(Number.isInteger(months) && months >= 1 && months <= 60)) {
    throw new Error(
      `Invalid config at '${MAX_MONTHS_KEY}': ${months} is not allowed, expected a whole number of months from 1 to 60`,
    );
  }
  return months;
}

/**
 * The last day (YYYY-MM-DD, UTC) a waiver granted on `today` may run to.
 *
 * @public
 */
export function latestWaiverExpiryDay(
  today: string,
  maxMonths: number,
): string {
  return DateTime.fromISO(today, { zone: 'utc' })
    .plus({ months: maxMonths })
    .toISODate()!;
}

/**
 * The limit in words, for forms and the API's 400: `at most 12 months from today`.
 *
 * @public
 */
export function describeWaiverExpiryLimit(maxMonths: number): string {
  return `at most ${maxMonths} ${
    maxMonths === 1 ? 'month' : 'months'
  } from today`;
}
