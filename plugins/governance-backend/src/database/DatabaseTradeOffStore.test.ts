import { DatabaseReviewStore } from './DatabaseReviewStore';
import { DatabaseTradeOffStore } from './DatabaseTradeOffStore';
import { paymentsReviewItem } from '../__testUtils__/paymentsReviewItem';
import { queueTradeOff } from '../__testUtils__/queueTradeOff';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { GRACE, JANE } from '../__testUtils__/users';

describeEachDatabase('trade-off store', ({ migrated }) => {
  async function setUp() {
    const knex = await migrated();
    const reviews = new DatabaseReviewStore(knex);
    const item = (await reviews.createItem(
      paymentsReviewItem({ title: 'Pick a queue', description: '' }),
      JANE,
    ))!;
    return { reviews, store: new DatabaseTradeOffStore(knex), item };
  }

  it('stores a first matrix at revision 1, refuses a stale edit and notes each save in the history', async () => {
    const { reviews, store, item } = await setUp();
    expect(await store.getTradeOff(item.id)).toBeUndefined();
    expect(await store.saveTradeOff(item.id, 0, queueTradeOff, JANE)).toBe(
      'saved',
    );
    // A second "first" save, as from a dialog opened before the first one landed.
    expect(await store.saveTradeOff(item.id, 0, queueTradeOff, GRACE)).toBe(
      'conflict',
    );
    const raised = {
      ...queueTradeOff,
      cells: [{ ...queueTradeOff.cells[0], score: 5 }, queueTradeOff.cells[1]],
    };
    expect(await store.saveTradeOff(item.id, 1, raised, GRACE)).toBe('saved');
    expect(await store.saveTradeOff(item.id, 1, queueTradeOff, JANE)).toBe(
      'conflict',
    );
    expect(await store.getTradeOff(item.id)).toMatchObject({
      reviewId: item.id,
      revision: 2,
      updatedBy: GRACE,
      cells: raised.cells,
      criteria: queueTradeOff.criteria,
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
    await store.saveTradeOff(item.id, 0, queueTradeOff, JANE);
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
      options: queueTradeOff.options,
    });
  });
});
