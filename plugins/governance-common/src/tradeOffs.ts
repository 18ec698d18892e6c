import { Config } from '@backstage/config';
import { TradeOffCriterion, TradeOffMatrix, TradeOffOption } from './schema';

/**
 * The review kind that carries a trade-off matrix.
 *
 * @public
 */
export const TRADE_OFF_REVIEW_KIND = 'design-review';

/**
 * The score scale: 1 is worst and 5 best on every criterion, so that a weighted sum ranks the
 * options without knowing which criteria are costs.
 *
 * @public
 */
export const TRADE_OFF_SCORES = [1, 2, 3, 4, 5] as const;

/** @public */
export const TRADE_OFF_LIMITS = {
  options: 8,
  criteria: 10,
  note: 500,
  happened: 1000,
  maxWeight: 10,
} as const;

/**
 * The article's three criteria (cost, time, risk), each weighted 1, when
 * `governance.reviews.tradeOffCriteria` is not set.
 *
 * @public
 */
export const DEFAULT_TRADE_OFF_CRITERIA: readonly TradeOffCriterion[] = [
  { id: 'cost', title: 'Cost', weight: 1 },
  { id: 'time', title: 'Time', weight: 1 },
  { id: 'risk', title: 'Risk', weight: 1 },
];

const TRADE_OFF_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The criteria a new matrix starts with: `governance.reviews.tradeOffCriteria`, else cost, time
 * and risk. Throws naming the key on a bad id, title or weight, so a wrong config fails start-up.
 *
 * @public
 */
export function readTradeOffCriteria(config: Config): TradeOffCriterion[] {
  const key = 'governance.reviews.tradeOffCriteria';
  const configured = config.getOptionalConfigArray(key);
  if (!configured) {
    return DEFAULT_TRADE_OFF_CRITERIA.map(c => ({ ...c }));
  }
  if (configured.length < 1 || configured.length > TRADE_OFF_LIMITS.criteria) {
    throw new Error(
      `Invalid config at '${key}': ${configured.length} criteria, expected 1 to ${TRADE_OFF_LIMITS.criteria}`,
    );
  }
  const criteria: TradeOffCriterion[] = [];
  configured.forEach((criterion, index) => {
    const at = `${key}[${index}]`;
    const id = criterion.getString('id');
    if (!TRADE_OFF_ID.test(id) || criteria.some(c => c.id === id)) {
      throw new Error(
        `Invalid config at '${at}.id': '${id}' is repeated or not lower-case letters, digits and dashes`,
      );
    }
    const weight = criterion.getOptionalNumber('weight') ?? 1;
    if (
      !Number.isInteger(weight) ||
      weight < 0 ||
      weight > TRADE_OFF_LIMITS.maxWeight
    ) {
      throw new Error(
        `Invalid config at '${at}.weight': ${weight} is not allowed, expected a whole number from 0 to ${TRADE_OFF_LIMITS.maxWeight}`,
      );
    }
    const title = criterion.getOptionalString('title') ?? id;
    criteria.push({ id, title: title.slice(0, 80), weight });
  });
  return criteria;
}

/**
 * One option's place in the weighted ranking.
 *
 * @public
 */
export interface TradeOffRank {
  option: TradeOffOption;
  /** 1 for the best; options with equal scores share a rank. */
  rank: number;
  /**
   * The weighted mean of the option's scores, on the 1 to 5 scale, rounded to two decimals;
   * undefined while no weighted criterion is scored.
   */
  score?: number;
  /** The weighted criteria this option has no score for yet. */
  unscored: string[];
}

/**
 * Ranks the options by the weighted mean of their scores: Σ(weight × score) / Σ weight over
 * the criteria the option is scored on. Unscored criteria are listed rather than counted as
 * zero, so half-filled options are not pushed to the bottom. Options without any weighted score
 * come last, in their matrix order.
 *
 * @public
 */
export function rankTradeOffOptions(
  matrix: Pick<TradeOffMatrix, 'criteria' | 'options' | 'cells'>,
): TradeOffRank[] {
  const weighted = matrix.criteria.filter(c => c.weight > 0);
  const scored = matrix.options.map((option, order) => {
    let sum = 0;
    let weights = 0;
    const unscored: string[] = [];
    for (const criterion of weighted) {
      const cell = matrix.cells.find(
        c => c.optionId === option.id && c.criterionId === criterion.id,
      );
      if (cell) {
        sum += criterion.weight * cell.score;
        weights += criterion.weight;
      } else {
        unscored.push(criterion.id);
      }
    }
    const score =
      weights > 0 ? Math.round((sum / weights) * 100) / 100 : undefined;
    return { option, order, score, unscored };
  });
  scored.sort((a, b) => {
    // Options without any score rank last, in the order they were listed.
    if (a.score === undefined && b.score === undefined)
      return a.order - b.order;
    if (a.score === undefined) return 1;
    if (b.score === undefined) return -1;
    return b.score - a.score || a.order - b.order;
  });
  return scored.map(({ option, score, unscored }, index) => {
    const firstEqual = scored.findIndex(s => s.score === score);
    return {
      option,
      rank: score === undefined ? index + 1 : firstEqual + 1,
      score,
      unscored,
    };
  });
}

function cellText(text: string): string {
  // A pipe or line break would end the table cell early.
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * The matrix as a Markdown table for an ADR: one row per option (best first) with each
 * criterion's score and note, the weighted score, and the chosen option marked.
 *
 * @public
 */
export function tradeOffMarkdown(
  matrix: Pick<TradeOffMatrix, 'criteria' | 'options' | 'cells'>,
  chosenOption?: string,
): string {
  const header = [
    'Option',
    ...matrix.criteria.map(c => `${cellText(c.title)} (weight ${c.weight})`),
    'Weighted score',
  ];
  const rows = rankTradeOffOptions(matrix).map(({ option, score }) => {
    const title = cellText(option.title);
    return [
      option.id === chosenOption ? `**${title}** (chosen)` : title,
      ...matrix.criteria.map(criterion => {
        const cell = matrix.cells.find(
          c => c.optionId === option.id && c.criterionId === criterion.id,
        );
        if (!cell) {
          return '–';
        }
        return cell.note?.trim()
          ? `${cell.score}: ${cellText(cell.note.trim())}`
          : String(cell.score);
      }),
      score === undefined ? '–' : score.toFixed(2),
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    '',
    'Scores run from 1 (worst) to 5 (best) on every criterion; the weighted score is their weighted mean.',
  ].join('\n');
}
