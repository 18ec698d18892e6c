import {
  describeWaiverExpiryLimit,
  latestWaiverExpiryDay,
} from '@catalog-governance/backstage-plugin-governance-common';
import { isCalendarDay } from './days';

/**
 * What is wrong with a waiver's expiry day, in the words the form shows; undefined when it is
 * a day after today and within the configured maximum, as the backend checks it too.
 */
export function waiverExpiryProblem(
  expiryDay: string,
  today: string,
  maxMonths: number,
): string | undefined {
  if (!isCalendarDay(expiryDay)) {
    return 'Choose the day the waiver expires.';
  }
  if (expiryDay <= today) {
    return 'The expiry date must be in the future.';
  }
  const latest = latestWaiverExpiryDay(today, maxMonths);
  if (expiryDay > latest) {
    return `A waiver lasts ${describeWaiverExpiryLimit(
      maxMonths,
    )}: choose ${latest} or earlier.`;
  }
  return undefined;
}
