import { DateTime } from 'luxon';

/** An ISO timestamp this many days from now (negative: ago). */
export const inDays = (days: number) => DateTime.utc().plus({ days }).toISO()!;
