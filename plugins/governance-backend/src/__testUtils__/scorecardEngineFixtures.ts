import { DateTime } from 'luxon';
import { AdrStore, StoredAdr } from '../database/AdrStore';

// What the scorecard engine's change, skipping and stack tests share: the two services they
// evaluate and the clock their passes run by.

export const PAYMENTS = 'component:default/payments';
export const LEDGER = 'component:default/ledger';
/** When the first pass runs. */
export const NOW = new Date('2026-12-06T12:00:00Z');
/** The moment `hours` after {@link NOW}, when a later pass runs. */
export const later = (hours: number) =>
  DateTime.fromJSDate(NOW).plus({ hours }).toJSDate();

/**
 * ADR 0001 of `entityRef`, read from the folder at `folderUrl`: a MADR file decided on
 * 1 November 2026, accepted unless `status` says otherwise, that links nothing.
 */
export const firstAdr = (options: {
  id: string;
  entityRef: string;
  folderUrl: string;
  path: string;
  title: string;
  body: string;
  status?: StoredAdr['status'];
}): StoredAdr => ({
  id: options.id,
  entityRef: options.entityRef,
  path: options.path,
  url: `${options.folderUrl}${options.path}`,
  number: 1,
  title: options.title,
  status: options.status ?? 'accepted',
  date: '2026-11-01',
  deciders: [],
  links: [],
  format: 'madr',
  warnings: [],
  body: options.body,
});

/** The folder payments' ADRs are read from. */
export const ADR_FOLDER = 'https://git.example.com/payments/docs/adr/';

/** An accepted ADR of payments, in the folder at `folderUrl`, that clears its ledger mismatch. */
export const ledgerAdr = (folderUrl: string) =>
  firstAdr({
    id: 'p1',
    entityRef: PAYMENTS,
    folderUrl,
    path: '0001-ledger.md',
    title: 'Depend on the ledger',
    body: 'We accept depending on ledger while it is supporting.',
  });

/** Payments' ADR folder as read at `readAt`, holding {@link ledgerAdr} alone. */
export const readLedgerAdr = (adrs: AdrStore, readAt: Date) =>
  adrs.replaceAdrs({
    entityRef: PAYMENTS,
    url: ADR_FOLDER,
    readAt,
    adrs: [ledgerAdr(ADR_FOLDER)],
  });
