import { TradeOffMatrix } from '@catalog-governance/backstage-plugin-governance-common';

/** review-1's matrix: two ways to split the ledger out, SQS-like queue ahead on cost. */
export const ledgerTradeOff: TradeOffMatrix = {
  reviewId: 'review-1',
  revision: 3,
  criteria: [
    { id: 'cost', title: 'Cost', weight: 3 },
    { id: 'time', title: 'Time', weight: 1 },
    { id: 'risk', title: 'Risk', weight: 2 },
  ],
  options: [
    { id: 'kafka', title: 'Kafka' },
    { id: 'queue', title: 'Managed queue' },
  ],
  cells: [
    { optionId: 'kafka', criterionId: 'cost', score: 2, note: 'A cluster' },
    { optionId: 'kafka', criterionId: 'time', score: 3 },
    { optionId: 'kafka', criterionId: 'risk', score: 4 },
    { optionId: 'queue', criterionId: 'cost', score: 4 },
    { optionId: 'queue', criterionId: 'time', score: 4 },
    { optionId: 'queue', criterionId: 'risk', score: 3 },
  ],
  outcomes: [],
  updatedBy: 'user:default/jane.doe',
  updatedAt: '2025-11-02T10:00:00.000Z',
};
