import { makeStyles } from '@material-ui/core/styles';
import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ScorecardTrendPoint } from '@catalog-governance/backstage-plugin-governance-common';
import { addDays, daysBetween, utcToday } from '../../lib/days';
import { reasonOf } from '../../lib/describeError';

/** Room above 100% and below 0%, in viewBox units, so the line is not cut in half there. */
const PADDING = 4;

const useStyles = makeStyles(theme => ({
  chart: { display: 'block', width: '100%', height: 80 },
  area: { fill: theme.palette.success.main, fillOpacity: 0.15, stroke: 'none' },
  line: { fill: 'none', stroke: theme.palette.success.main, strokeWidth: 2 },
  grid: { stroke: theme.palette.divider, strokeWidth: 1 },
  day: { fill: 'transparent' },
}));

function share(point: ScorecardTrendPoint): number {
  return point.total > 0 ? point.passing / point.total : 0;
}

function lastDays(days: number): string {
  return days === 1 ? 'last day' : `last ${days} days`;
}

/** 'today', or the day of the latest point when the history stops before today. */
function describeDay(date: string): string {
  return date === utcToday() ? 'today' : `on ${date}`;
}

/** Each point in its slot of the window (one slot per day, 0 is the oldest), oldest first. */
function placePoints(days: number, trendPoints: ScorecardTrendPoint[]) {
  const points = [...trendPoints].sort((a, b) => a.date.localeCompare(b.date));
  // The backend ends the window today; a client whose clock is behind still shows the last point.
  const last = points[points.length - 1].date;
  const today = utcToday();
  const start = addDays(last > today ? last : today, -(days - 1));
  return points
    .map(point => ({
      point,
      slot: daysBetween(start, point.date),
      y: Number((100 - share(point) * 100).toFixed(2)),
    }))
    .filter(({ slot }) => slot >= 0 && slot < days);
}

type Placed = ReturnType<typeof placePoints>[number];

/** Runs of consecutive days: a day without results breaks the line instead of bridging it. */
function segments(placed: Placed[]): Placed[][] {
  const runs: Placed[][] = [];
  placed.forEach((p, i) => {
    if (i > 0 && p.slot === placed[i - 1].slot + 1) {
      runs[runs.length - 1].push(p);
    } else {
      runs.push([p]);
    }
  });
  return runs;
}

/** A step line: each day holds its share across its whole slot. */
function linePath(run: Placed[]): string {
  const [first, ...rest] = run;
  return [
    `M ${first.slot} ${first.y} H ${first.slot + 1}`,
    ...rest.map(p => `V ${p.y} H ${p.slot + 1}`),
  ].join(' ');
}

function areaPath(run: Placed[]): string {
  const [first, ...rest] = run;
  return [
    `M ${first.slot} 100 V ${first.y} H ${first.slot + 1}`,
    ...rest.map(p => `V ${p.y} H ${p.slot + 1}`),
    'V 100 Z',
  ].join(' ');
}

function TrendChart(props: {
  days: number;
  points: ScorecardTrendPoint[];
  lineTestId: string;
}) {
  const classes = useStyles();
  const { days, points, lineTestId } = props;
  const placed = placePoints(days, points);
  const latest = points.reduce((a, b) => (b.date > a.date ? b : a));
  const when = describeDay(latest.date);
  return (
    <>
      <svg
        role="img"
        aria-label={`Share of passing checks over the ${lastDays(
          days,
        )}: ${Math.round(share(latest) * 100)}% ${when}`}
        viewBox={`0 ${-PADDING} ${days} ${100 + 2 * PADDING}`}
        // Stretched to the card's width; strokes keep their width thanks to vectorEffect.
        preserveAspectRatio="none"
        className={classes.chart}
      >
        <line
          x1={0}
          y1={0}
          x2={days}
          y2={0}
          className={classes.grid}
          vectorEffect="non-scaling-stroke"
        />
        <line
          x1={0}
          y1={100}
          x2={days}
          y2={100}
          className={classes.grid}
          vectorEffect="non-scaling-stroke"
        />
        {segments(placed).map(run => (
          <g key={run[0].point.date}>
            <path d={areaPath(run)} className={classes.area} />
            <path
              d={linePath(run)}
              className={classes.line}
              vectorEffect="non-scaling-stroke"
              data-testid={lineTestId}
            />
          </g>
        ))}
        {placed.map(({ point, slot }) => (
          <rect
            key={point.date}
            x={slot}
            y={-PADDING}
            width={1}
            height={100 + 2 * PADDING}
            className={classes.day}
          >
            <title>{`${point.date}: ${point.passing} of ${point.total} checks passing`}</title>
          </rect>
        ))}
      </svg>
      <Typography variant="caption" color="textSecondary" display="block">
        Passing checks, {lastDays(days)}: {latest.passing} of {latest.total}{' '}
        {when}
      </Typography>
    </>
  );
}

/** Props for {@link PassingShareTrend}. */
export interface PassingShareTrendProps {
  /** How many days the window spans, ending today. */
  days: number;
  /** The daily points, in any order; undefined while they load. */
  points?: ScorecardTrendPoint[];
  /** Why the points could not be loaded. */
  error?: Error;
  /** Of the wrapper; each line of the chart gets `<data-testid>-line`. */
  'data-testid': string;
}

/**
 * The daily share of passing checks as a compact step chart, with its loading, error and
 * no-history states. Days without results break the line. It only draws: callers load the
 * points, of one entity or of a whole slice of the catalog.
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
    body = (
      <TrendChart days={days} points={points} lineTestId={`${testId}-line`} />
    );
  }
  return (
    <Box mb={2} data-testid={testId}>
      {body}
    </Box>
  );
}
