import Typography from '@material-ui/core/Typography';
import {
  rankTradeOffOptions,
  TradeOffMatrix,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Muted } from '../Muted';

/** Props for {@link TradeOffRanking}. */
export interface TradeOffRankingProps {
  matrix: Pick<TradeOffMatrix, 'criteria' | 'options' | 'cells'>;
  chosenOption?: string;
}

/**
 * The options best first by the weighted mean of their scores, the same ranking the ADR's
 * table uses, with what each option still lacks.
 */
export function TradeOffRanking(props: TradeOffRankingProps) {
  const { matrix, chosenOption } = props;
  const ranking = rankTradeOffOptions(matrix);
  if (ranking.length === 0) {
    return null;
  }
  const titleOf = (id: string) =>
    matrix.criteria.find(c => c.id === id)?.title ?? id;
  return (
    <ol
      aria-label="Weighted ranking"
      data-testid="governance-trade-off-ranking"
    >
      {ranking.map(({ option, rank, score, unscored }) => (
        <li
          key={option.id}
          data-testid={`governance-trade-off-rank-${option.id}`}
        >
          <Typography variant="body2" component="span">
            <strong>{option.title}</strong>
            {': '}
            {score === undefined
              ? 'not scored yet'
              : `${score.toFixed(2)} of 5 (rank ${rank})`}
            {option.id === chosenOption && ' — chosen'}
          </Typography>
          {score !== undefined && unscored.length > 0 && (
            <Muted> — not scored on {unscored.map(titleOf).join(', ')}</Muted>
          )}
        </li>
      ))}
    </ol>
  );
}
