import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseReviewStore } from './DatabaseReviewStore';
import { DatabaseTradeOffStore } from './DatabaseTradeOffStore';
import { TradeOffContent } from './TradeOffStore';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const JANE = 'user:default/jane';
const GRACE = 'user:default/grace';

const matrix: TradeOffContent = {
  criteria: [
    { id: 'cost', title: 'Cost', weight: 3 },
    { id: 'risk', title: 'Risk', weight: 1 },
  ],
  options: [
    { id: 'kafka', title: 'Kafka' },
    { id: 'sqs', title: 'SQS' },
  ],
  cells: [
    { optionId: 'kafka', criterionId: 'cost', score: 2, note: 'A cluster' },
    { optionId: 'sqs', criterionId: 'cost', score: 4 },
  ],
};

describe.each(databases.eachSupportedId())(
  'trade-off store on %s',
  databaseId => {
    async function setUp() {
      const knex = await migratedDatabase(databases, databaseId);
      const reviews = new DatabaseReviewStore(knex);
      const item = (await reviews.createItem(
        {
          entityRef: 'component:default/payments',
          kind: 'design-review',
          title: 'Pick a queue',
          description: '',
          priority: 'medium',
          requestedBy: JANE,
        },
        JANE,
      ))!;
      return { reviews, store: new DatabaseTradeOffStore(knex), item };
    }

    it('stores a first matrix at revision 1, refuses a stale edit and notes each save in the history', async () => {
      const { reviews, store, item } = await setUp();
      expect(await store.getTradeOff(item.id)).toBeUndefined();
      expect(await store.saveTradeOff(item.id, 0, matrix, JANE)).toBe('saved');
      // A second "first" save, as from a dialog opened before the first one landed.
      expect(await store.saveTradeOff(item.id, 0, matrix, GRACE)).toBe(
        'conflict',
      );
      const raised = {
        ...matrix,
        cells: [{ ...matrix.cells[0], score: 5 }, matrix.cells[1]],
      };
      expect(await store.saveTradeOff(item.id, 1, raised, GRACE)).toBe('saved');
      expect(await store.saveTradeOff(item.id, 1, matrix, JANE)).toBe(
        'conflict',
      );
      expect(await store.getTradeOff(item.id)).toMatchObject({
        reviewId: item.id,
        revision: 2,
        updatedBy: GRACE,
        cells: raised.cells,
        criteria: matrix.criteria,
        outcomes: [],
      });
      const { history } = (await reviews.getDetail(item.id))!;
      expect(history.map(h => h.changes)).toEqual([
        [{ field: 'status', from: null, to: 'open' }],
        [{ field: 'tradeOff', from: null, to: 'revision 1' }],
        [{ field: 'tradeOff', from: 'revision 1', to: 'revision 2' }],
      ]);
    });

    it('records the chosen option with the decision and finds the matrix by the ADR it records', async () => {
      const { reviews, store, item } = await setUp();
      await store.saveTradeOff(item.id, 0, matrix, JANE);
      expect(await store.findReviewOfAdr('adr-7')).toBeUndefined();
      expect(
        await reviews.updateItem(
          item.id,
          1,
          {
            status: 'approved',
            decision: {
              outcome: 'approved',
              rationale: 'Cheaper to run',
              adr: 'adr-7',
              chosenOption: 'sqs',
            },
          },
          GRACE,
        ),
      ).toBe('updated');
      expect((await reviews.getItem(item.id))!.decision).toMatchObject({
        chosenOption: 'sqs',
        adr: 'adr-7',
      });
      expect(await store.findReviewOfAdr('adr-7')).toBe(item.id);

      expect(
        await store.saveOutcomes(
          item.id,
          1,
          [{ criterionId: 'cost', happened: 'Half the forecast' }],
          GRACE,
        ),
      ).toBe('saved');
      expect(await store.saveOutcomes(item.id, 1, [], JANE)).toBe('conflict');
      expect(await store.getTradeOff(item.id)).toMatchObject({
        revision: 2,
        outcomes: [{ criterionId: 'cost', happened: 'Half the forecast' }],
        options: matrix.options,
      });
    });
  },
);
