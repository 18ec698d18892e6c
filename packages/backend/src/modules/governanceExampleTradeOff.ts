import {
  DEFAULT_TRADE_OFF_CRITERIA,
  TRADE_OFF_REVIEW_KIND,
  TradeOffMatrix,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { createExampleDataModule } from './createExampleDataModule';

/** The example design review's id, fixed so that a restart finds it. */
export const EXAMPLE_TRADE_OFF_REVIEW_ID = 'example-trade-off-review';

/** Jane Doe of team-payments, which owns order-history. */
const REQUESTER = 'user:default/jane.doe';

/** The council of the example weighs cost above time and risk. */
const EXAMPLE_WEIGHTS: Record<string, number> = { cost: 3, time: 2, risk: 2 };

/**
 * Three ways to carry order-history's events, scored 1 (worst) to 5 (best) on the default
 * criteria: the managed queue ahead on cost and time, Kafka on risk at this volume.
 */
const EXAMPLE_MATRIX: Pick<TradeOffMatrix, 'criteria' | 'options' | 'cells'> = {
  criteria: DEFAULT_TRADE_OFF_CRITERIA.map(criterion => ({
    ...criterion,
    weight: EXAMPLE_WEIGHTS[criterion.id],
  })),
  options: [
    { id: 'kafka', title: 'Kafka on the platform cluster' },
    { id: 'managed-queue', title: 'Managed queue (SQS)' },
    { id: 'outbox-polling', title: 'Outbox table with polling' },
  ],
  cells: [
    {
      optionId: 'kafka',
      criterionId: 'cost',
      score: 2,
      note: 'Three brokers more on the shared cluster',
    },
    {
      optionId: 'kafka',
      criterionId: 'time',
      score: 3,
      note: 'Six weeks, the platform team has the runbooks',
    },
    {
      optionId: 'kafka',
      criterionId: 'risk',
      score: 4,
      note: 'Replays and ordering per order id',
    },
    {
      optionId: 'managed-queue',
      criterionId: 'cost',
      score: 4,
      note: 'Pay per message, about 40 USD a month',
    },
    {
      optionId: 'managed-queue',
      criterionId: 'time',
      score: 4,
      note: 'Three weeks',
    },
    {
      optionId: 'managed-queue',
      criterionId: 'risk',
      score: 3,
      note: 'No replay beyond 14 days',
    },
    {
      optionId: 'outbox-polling',
      criterionId: 'cost',
      score: 5,
      note: 'Runs on the existing database',
    },
    { optionId: 'outbox-polling', criterionId: 'time', score: 3 },
    {
      optionId: 'outbox-polling',
      criterionId: 'risk',
      score: 2,
      note: 'Polling load grows with the order volume',
    },
  ],
};

/**
 * Writes the example design review of order-history with its trade-off matrix, unless an item
 * with its id exists: a restart, or a council that decided it, is left as it is. Returns
 * whether it wrote.
 */
export async function seedExampleTradeOff(
  db: Knex,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async tx => {
    if (
      await tx('review_items')
        .where('id', EXAMPLE_TRADE_OFF_REVIEW_ID)
        .first('id')
    ) {
      return false;
    }
    const [{ last }] = await tx('review_items').max({ last: 'number' });
    await tx('review_items').insert({
      id: EXAMPLE_TRADE_OFF_REVIEW_ID,
      number: Number(last ?? 0) + 1,
      entity_ref: 'component:default/order-history',
      kind: TRADE_OFF_REVIEW_KIND,
      title: 'How order-history publishes order events',
      description:
        'Checkout and the recommendations service need order events. Which transport should order-history publish them on? The options are weighed in the trade-off matrix.',
      requested_by: REQUESTER,
      status: 'in-review',
      priority: 'high',
      version: 1,
      comment_count: 0,
      created_at: now,
      updated_at: now,
    });
    await tx('review_trade_offs').insert({
      review_id: EXAMPLE_TRADE_OFF_REVIEW_ID,
      matrix: JSON.stringify(EXAMPLE_MATRIX),
      outcomes: null,
      revision: 1,
      updated_by: REQUESTER,
      updated_at: now,
    });
    await tx('review_history').insert([
      {
        review_id: EXAMPLE_TRADE_OFF_REVIEW_ID,
        actor: REQUESTER,
        at: now,
        action: 'created',
        changes: JSON.stringify([{ field: 'status', from: null, to: 'open' }]),
      },
      {
        review_id: EXAMPLE_TRADE_OFF_REVIEW_ID,
        actor: REQUESTER,
        at: now,
        action: 'updated',
        changes: JSON.stringify([
          { field: 'tradeOff', from: null, to: 'revision 1' },
        ]),
      },
    ]);
    return true;
  });
}

/**
 * Example data for a fresh install: one design review in the council's queue with a trade-off
 * matrix of three options, so the review dialog shows a weighted ranking before anyone has
 * scored their own. Written once into the plugin's tables after its migrations. Leave it out of
 * a real backend.
 */
export const governanceExampleTradeOff = createExampleDataModule({
  moduleId: 'example-trade-off',
  seed: async db =>
    (await seedExampleTradeOff(db))
      ? `the design review ${EXAMPLE_TRADE_OFF_REVIEW_ID} with a trade-off matrix`
      : undefined,
});
