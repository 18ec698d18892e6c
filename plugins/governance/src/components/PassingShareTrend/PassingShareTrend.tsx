import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ScorecardTrendPoint } from '@catalog-governance/backstage-plugin-governance-common';
import { reasonOf } from '../../lib/describeError';
import { TrendChart } from './TrendChart';

/** Props for {@link PassingShareTrend}. */
export interface PassingShareTrendProps {
  /** How many days the window spans, ending today. */
  days: number;
  /** The daily points, in any order; undefined while they load. */
  points?: ScorecardTrendPoint[];
  /** Why the points could not be loaded. */
  error?: Error;
  /** Of the wrapper; the chart's lines, points and dates get `<data-testid>-line`, … */
  'data-testid': string;
}

/**
 * The daily share of passing checks as a line chart with axes and a tooltip per day, with its
 * loading, error and no-history states. Days without results break the line; a history shorter
 * than the window is drawn from its first day, and the chart says since when. It only draws:
 * callers load the points, of one entity or of a whole slice of the catalog.
 */
export function PassingShareTrend(props: PassingShareTrendProps) {
  const { days, points, error } = props;
  const testId = props['data-testid'];

  let body;
  if (error) {
    // The trend is an extra: the view around it stays usable without it.
    body = (
      <Typography variant="body2" color="error">
        Trend unavailable: {reasonOf(error)}
      </Typography>
    );
  } else if (!points) {
    body = <Progress />;
  } else if (points.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No history yet: the trend starts with the first evaluation.
      </Typography>
    );
  } else {
    body = <TrendChart days={days} points={points} testId={testId} />;
  }
  return (
    <Box mb={2} data-testid={testId}>
      {body}
    </Box>
  );
}
