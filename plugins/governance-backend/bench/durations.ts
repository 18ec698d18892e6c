import { Duration } from 'luxon';

/** Milliseconds as seconds, for the report. */
export const seconds = (ms: number) => Duration.fromMillis(ms).as('seconds');
