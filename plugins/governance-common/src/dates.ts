/**
 * Adds calendar months to an ISO date in UTC, clamping to the last day of a shorter month, so a
 * cadence that starts on 31 August falls due on the last day of February.
 */
export function addMonths(isoDate: string, months: number): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  const whole = Math.floor(months);
  const target = new Date(Date.UTC(y, m - 1 + whole, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  // Fractional months (e.g. 1.5) add the remainder as days of a 30-day month.
  target.setUTCDate(target.getUTCDate() + Math.round((months - whole) * 30));
  return target;
}
