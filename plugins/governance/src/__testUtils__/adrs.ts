import {
  AdrDetail,
  AdrSummary,
  EntityAdrs,
} from '@catalog-governance/backstage-plugin-governance-common';

/**
 * The ADRs of {@link annotatedEntity} in `docs/adr`: one accepted with a recorded
 * retrospective, one superseded by a later one, one accepted whose retrospective is overdue,
 * one proposed that the parser could only partly read, and the one that superseded the second.
 */
export const paymentsAdrs: AdrSummary[] = [
  {
    id: 'adr-payments-0001',
    entityRef: 'component:default/payments-api',
    path: '0001-record-architecture-decisions.md',
    url: 'https://github.com/acme/payments-api/blob/main/docs/adr/0001-record-architecture-decisions.md',
    number: 1,
    title: 'Record architecture decisions',
    status: 'accepted',
    date: '2025-03-03',
    deciders: ['jane.doe', 'amir.khan'],
    format: 'nygard',
    warnings: [],
    retrospective: {
      state: 'recorded',
      dueAt: '2025-06-03',
      overdueAt: '2025-09-03',
      latest: {
        id: 'retro-1',
        adrId: 'adr-payments-0001',
        date: '2025-06-20',
        outcome: 'validated',
        notes: 'Every decision of the quarter has an ADR.',
        recordedBy: 'user:default/amir.khan',
        recordedAt: '2025-06-20T14:00:00.000Z',
      },
    },
    owner: 'group:default/payments',
    system: 'system:default/checkout',
  },
  {
    id: 'adr-payments-0002',
    entityRef: 'component:default/payments-api',
    path: '0002-use-mysql.md',
    url: 'https://github.com/acme/payments-api/blob/main/docs/adr/0002-use-mysql.md',
    number: 2,
    title: 'Use MySQL for the ledger',
    status: 'superseded',
    supersededBy: {
      relation: 'superseded by',
      target: '0005-use-postgres.md',
      number: 5,
      adrId: 'adr-payments-0005',
    },
    date: '2025-03-10',
    deciders: ['jane.doe'],
    format: 'madr',
    warnings: [],
    retrospective: { state: 'not-applicable' },
    owner: 'group:default/payments',
    system: 'system:default/checkout',
  },
  {
    id: 'adr-payments-0003',
    entityRef: 'component:default/payments-api',
    path: '0003-publish-payment-events-to-kafka.md',
    url: 'https://github.com/acme/payments-api/blob/main/docs/adr/0003-publish-payment-events-to-kafka.md',
    number: 3,
    title: 'Publish payment events to Kafka',
    status: 'accepted',
    date: '2025-04-14',
    deciders: ['jane.doe', 'amir.khan'],
    format: 'madr',
    warnings: [],
    retrospective: {
      state: 'overdue',
      dueAt: '2025-07-14',
      overdueAt: '2025-10-14',
    },
    owner: 'group:default/payments',
    system: 'system:default/checkout',
  },
  {
    id: 'adr-payments-0004',
    entityRef: 'component:default/payments-api',
    path: '0004-retry-card-payments.md',
    url: 'https://github.com/acme/payments-api/blob/main/docs/adr/0004-retry-card-payments.md',
    number: 4,
    title: 'Retry card payments',
    status: 'proposed',
    deciders: [],
    format: 'unknown',
    warnings: [
      'No date: add a "date" to the front matter or a "Date:" line',
      'No deciders listed',
    ],
    retrospective: { state: 'not-applicable' },
    owner: 'group:default/payments',
    system: 'system:default/checkout',
  },
  {
    id: 'adr-payments-0005',
    entityRef: 'component:default/payments-api',
    path: '0005-use-postgres.md',
    url: 'https://github.com/acme/payments-api/blob/main/docs/adr/0005-use-postgres.md',
    number: 5,
    title: 'Use PostgreSQL for the ledger',
    status: 'accepted',
    date: '2025-11-20',
    deciders: ['jane.doe'],
    format: 'madr',
    warnings: [],
    retrospective: {
      state: 'not-due',
      dueAt: '2026-02-20',
      overdueAt: '2026-05-20',
    },
    owner: 'group:default/payments',
    system: 'system:default/checkout',
  },
];

/** {@link annotatedEntity}'s ADR location, read without problems. */
export const paymentsEntityAdrs: EntityAdrs = {
  entityRef: 'component:default/payments-api',
  location: {
    status: 'ok',
    url: 'https://github.com/acme/payments-api/tree/main/docs/adr',
    readAt: '2025-11-24T06:00:00.000Z',
  },
  items: paymentsAdrs,
};

/** The ADR with the given number from {@link paymentsAdrs}, with a body and no retrospectives. */
export function paymentsAdr(
  number: number,
  detail: Partial<AdrDetail> = {},
): AdrDetail {
  const summary = paymentsAdrs.find(adr => adr.number === number)!;
  return {
    ...summary,
    body: `# ${summary.number}. ${summary.title}\n\n## Context\n\nThe ledger needs a store.\n`,
    links: summary.supersededBy ? [summary.supersededBy] : [],
    retrospectives: summary.retrospective.latest
      ? [summary.retrospective.latest]
      : [],
    ...detail,
  };
}

/** Answers the detail of any ADR in {@link paymentsAdrs} by its id, as `getAdr` does. */
export async function paymentsAdrById(id: string): Promise<AdrDetail> {
  return paymentsAdr(paymentsAdrs.find(adr => adr.id === id)!.number!);
}
