import { ConfigReader } from '@backstage/config';
import {
  rankTradeOffOptions,
  readTradeOffCriteria,
  tradeOffMarkdown,
} from './tradeOffs';
import { TradeOffMatrix } from './schema';

const matrix: Pick<TradeOffMatrix, 'criteria' | 'options' | 'cells'> = {
  criteria: [
    { id: 'cost', title: 'Cost', weight: 3 },
    { id: 'time', title: 'Time', weight: 1 },
    { id: 'risk', title: 'Risk', weight: 0 },
  ],
  options: [
    { id: 'kafka', title: 'Kafka' },
    { id: 'sqs', title: 'SQS' },
    { id: 'rabbit', title: 'RabbitMQ' },
  ],
  cells: [
    {
      optionId: 'kafka',
      criterionId: 'cost',
      score: 2,
      note: 'A cluster | to run',
    },
    { optionId: 'kafka', criterionId: 'time', score: 5 },
    { optionId: 'sqs', criterionId: 'cost', score: 4, note: 'Pay per use' },
    { optionId: 'sqs', criterionId: 'time', score: 4 },
    { optionId: 'sqs', criterionId: 'risk', score: 1 },
  ],
};

describe('rankTradeOffOptions', () => {
  it('ranks by the weighted mean of the scores, a weight of 0 not counting', () => {
    const ranking = rankTradeOffOptions(matrix);
    expect(
      ranking.map(r => [r.option.id, r.rank, r.score, r.unscored]),
    ).toEqual([
      // (3×4 + 1×4) / 4
      ['sqs', 1, 4, []],
      // (3×2 + 1×5) / 4
      ['kafka', 2, 2.75, []],
      ['rabbit', 3, undefined, ['cost', 'time']],
    ]);
  });

  it('moves an option up when a score changes, and gives equal scores the same rank', () => {
    const raised = rankTradeOffOptions({
      ...matrix,
      cells: matrix.cells.map(c =>
        c.optionId === 'kafka' && c.criterionId === 'cost'
          ? { ...c, score: 5 }
          : c,
      ),
    });
    expect(raised[0].option.id).toBe('kafka');

    const tied = rankTradeOffOptions({
      criteria: [{ id: 'cost', title: 'Cost', weight: 1 }],
      options: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
      ],
      cells: [
        { optionId: 'a', criterionId: 'cost', score: 3 },
        { optionId: 'b', criterionId: 'cost', score: 3 },
      ],
    });
    expect(tied.map(r => r.rank)).toEqual([1, 1]);
  });

  it('scores a half-filled option on what it has, listing what is missing', () => {
    const [only] = rankTradeOffOptions({
      ...matrix,
      options: [{ id: 'kafka', title: 'Kafka' }],
      cells: [{ optionId: 'kafka', criterionId: 'time', score: 5 }],
    });
    expect(only).toMatchObject({ score: 5, unscored: ['cost'] });
  });
});

describe('tradeOffMarkdown', () => {
  it('writes a table, best option first, with notes, weights and the chosen option marked', () => {
    expect(tradeOffMarkdown(matrix, 'kafka')).toBe(
      [
        '| Option | Cost (weight 3) | Time (weight 1) | Risk (weight 0) | Weighted score |',
        '| --- | --- | --- | --- | --- |',
        '| SQS | 4: Pay per use | 4 | 1 | 4.00 |',
        '| **Kafka** (chosen) | 2: A cluster \\| to run | 5 | – | 2.75 |',
        '| RabbitMQ | – | – | – | – |',
        '',
        'Scores run from 1 (worst) to 5 (best) on every criterion; the weighted score is their weighted mean.',
      ].join('\n'),
    );
  });
});

describe('readTradeOffCriteria', () => {
  it('defaults to cost, time and risk', () => {
    expect(readTradeOffCriteria(new ConfigReader({})).map(c => c.id)).toEqual([
      'cost',
      'time',
      'risk',
    ]);
  });

  it('reads configured criteria and refuses a bad weight, naming the key', () => {
    const config = (tradeOffCriteria: object[]) =>
      new ConfigReader({
        governance: { reviews: { tradeOffCriteria } },
      } as ConstructorParameters<typeof ConfigReader>[0]);
    expect(
      readTradeOffCriteria(
        config([{ id: 'cost', title: 'Cost', weight: 3 }, { id: 'lock-in' }]),
      ),
    ).toEqual([
      { id: 'cost', title: 'Cost', weight: 3 },
      { id: 'lock-in', title: 'lock-in', weight: 1 },
    ]);
    expect(() =>
      readTradeOffCriteria(config([{ id: 'cost', weight: 11 }])),
    ).toThrow(
      "Invalid config at 'governance.reviews.tradeOffCriteria[0].weight': 11 is not allowed, expected a whole number from 0 to 10",
    );
  });
});
