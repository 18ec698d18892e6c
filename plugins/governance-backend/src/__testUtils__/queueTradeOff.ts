import { TradeOffContent } from '../database/TradeOffStore';

/**
 * The trade-off matrix of a design review that picks a queue for payment events: three
 * weighted criteria, Kafka and SQS as options, and a score for each on cost. Route, store and
 * authorization tests save it.
 */
export const queueTradeOff = {
  criteria: [
    { id: 'cost', title: 'Cost', weight: 3 },
    { id: 'time', title: 'Time', weight: 1 },
    { id: 'risk', title: 'Risk', weight: 2 },
  ],
  options: [
    { id: 'kafka', title: 'Kafka' },
    { id: 'sqs', title: 'SQS' },
  ],
  cells: [
    { optionId: 'kafka', criterionId: 'cost', score: 2, note: 'A cluster' },
    { optionId: 'sqs', criterionId: 'cost', score: 4, note: 'Pay per use' },
  ],
} satisfies TradeOffContent;
