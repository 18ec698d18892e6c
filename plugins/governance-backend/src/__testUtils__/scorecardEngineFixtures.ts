import { DateTime } from 'luxon';

// What the scorecard engine's change, skipping and stack tests share: the two services they
// evaluate and the clock their passes run by.

export const PAYMENTS = 'component:default/payments';
export const LEDGER = 'component:default/ledger';
/** When the first pass runs. */
export const NOW = new Date('2026-12-06T12:00:00Z');
/** The moment `hours` after {@link NOW}, when a later pass runs. */
export const later = (hours: number) =>
  DateTime.fromJSDate(NOW).plus({ hours }).toJSDate();
