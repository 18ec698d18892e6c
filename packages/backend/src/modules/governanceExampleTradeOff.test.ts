import {
  exampleDataDatabases,
  startAndRestart,
} from './__testUtils__/governanceTables';
import {
  EXAMPLE_TRADE_OFF_REVIEW_ID,
  governanceExampleTradeOff,
} from './governanceExampleTradeOff';

const databases = exampleDataDatabases();

describe('the example design review', () => {
  it.each(databases.eachSupportedId())(
    'is written once with its trade-off matrix on %s; a council decision survives a restart',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await startAndRestart(knex, governanceExampleTradeOff, () =>
        knex('review_items')
          .where('id', EXAMPLE_TRADE_OFF_REVIEW_ID)
          .update({ status: 'approved', version: 2 }),
      );

      const items = await knex('review_items');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        kind: 'design-review',
        status: 'approved',
        entity_ref: 'component:default/order-history',
      });
      const [tradeOff] = await knex('review_trade_offs');
      const matrix = JSON.parse(tradeOff.matrix);
      expect(matrix.options.map((o: { id: string }) => o.id)).toEqual([
        'kafka',
        'managed-queue',
        'outbox-polling',
      ]);
      expect(matrix.cells).toHaveLength(9);
    },
  );
});
