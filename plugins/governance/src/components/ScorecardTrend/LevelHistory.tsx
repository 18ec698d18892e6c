import Typography from '@material-ui/core/Typography';
import { ScorecardTrendPoint } from '@catalog-governance/backstage-plugin-governance-common';
import { LevelChip } from '../LevelChip';
import { WrapRow } from '../WrapRow';
import { LevelDefinition, levelByName } from '../LevelChip/levels';

/** The changes a short history shows; older ones are summed up by "since" of the first. */
const MAX_CHANGES = 5;

/** Each change of level in the points, oldest first, with the day it took effect. */
export function levelChanges(
  points: readonly ScorecardTrendPoint[],
): Array<{ level: string | null; since: string }> {
  const changes: Array<{ level: string | null; since: string }> = [];
  // Days recorded before levels existed carry no level at all: they neither start nor end one.
  const withLevel = points
    .filter(point => point.level !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const point of withLevel) {
    const level = point.level ?? null;
    if (changes.length === 0 || changes.at(-1)!.level !== level) {
      changes.push({ level, since: point.date });
    }
  }
  return changes.slice(-MAX_CHANGES);
}

/**
 * The entity's maturity level over the trend's window, as the levels it went through and the
 * day each began. Nothing when the points carry no level.
 */
export function LevelHistory(props: {
  points?: readonly ScorecardTrendPoint[];
  levels: readonly LevelDefinition[];
}) {
  const changes = levelChanges(props.points ?? []);
  if (changes.length === 0) {
    return null;
  }
  return (
    <WrapRow mb={2} data-testid="governance-level-history">
      <Typography variant="body2" color="textSecondary" component="span">
        Level history:
      </Typography>
      {changes.map((change, index) => (
        <WrapRow
          key={change.since}
          display="inline-flex"
          gap={4}
          data-testid="governance-level-change"
        >
          {index > 0 && (
            <Typography variant="body2" component="span" aria-hidden>
              →
            </Typography>
          )}
          <LevelChip level={levelByName(props.levels, change.level)} />
          <Typography variant="body2" component="span">
            since {change.since}
          </Typography>
        </WrapRow>
      ))}
    </WrapRow>
  );
}
