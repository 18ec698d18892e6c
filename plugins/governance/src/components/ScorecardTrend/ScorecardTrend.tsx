import { useGovernanceAsync } from '../../hooks/useGovernanceAsync';
import { PassingShareTrend } from '../PassingShareTrend';
import { LevelDefinition } from '../LevelChip/levels';
import { LevelHistory } from './LevelHistory';

const TREND_DAYS = 90;

/**
 * The daily share of the entity's passing checks over the last 90 days, as a compact chart,
 * and the maturity levels it went through. It reloads when `evaluatedAt` changes, so a
 * refreshed scorecard shows up in the trend.
 */
export function ScorecardTrend(props: {
  entityRef: string;
  evaluatedAt?: string;
  /** The configured levels, for the titles of the level history; none for an untiered entity. */
  levels?: readonly LevelDefinition[];
}) {
  const { entityRef, evaluatedAt, levels } = props;
  const { value, error } = useGovernanceAsync(
    api => api.getScorecardTrend(entityRef, TREND_DAYS),
    [entityRef, evaluatedAt],
  );

  // While a refresh reloads the trend, the previous one stays in place.
  return (
    <>
      <PassingShareTrend
        days={value?.days ?? TREND_DAYS}
        points={value?.points}
        error={error}
        data-testid="governance-scorecard-trend"
      />
      {levels && <LevelHistory points={value?.points} levels={levels} />}
    </>
  );
}
