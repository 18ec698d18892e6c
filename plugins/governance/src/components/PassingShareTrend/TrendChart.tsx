import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ScorecardTrendPoint } from '@catalog-governance/backstage-plugin-governance-common';
import { daysBetween, utcToday } from '../../lib/days';
import { formatPassingShare } from '../ComplianceView/PassingShare';
import {
  DayChart,
  HoverTarget,
  linePath,
  useChartFrame,
  useChartStyles,
} from './ChartAxes';
import { consecutiveRuns, dateTicks, share, trendSpan } from './trendGeometry';

const HEIGHT = 160;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 44 };
/** Past this many days a dot on every day hides the line; the hover targets stay. */
const MAX_DOTTED_DAYS = 31;

const useStyles = makeStyles(theme => ({
  value: {
    fill: theme.palette.text.primary,
    fontSize: 12,
    fontWeight: 500,
    fontFamily: theme.typography.fontFamily,
  },
}));

function percent(point: ScorecardTrendPoint): string {
  return formatPassingShare({
    pass: point.passing,
    total: point.total,
    passingShare: share(point),
  });
}

/** What a point's tooltip says: its day and its value. */
export function describePoint(point: ScorecardTrendPoint): string {
  return `${point.date}: ${point.passing} of ${
    point.total
  } checks passing (${percent(point)})`;
}

function lastDays(days: number): string {
  return days === 1 ? 'last day' : `last ${days} days`;
}

/** 'today', or the day of the latest point when the history stops before today. */
function describeDay(date: string): string {
  return date === utcToday() ? 'today' : `on ${date}`;
}

/**
 * The share of passing checks per day, with a percentage axis, a date axis and a tooltip per
 * point. It starts where the history starts when that is inside the window, and says so.
 */
export function TrendChart(props: {
  days: number;
  points: ScorecardTrendPoint[];
  /** Its parts get `<testId>-line`, `<testId>-point` and `<testId>-dates`. */
  testId: string;
}) {
  const classes = useStyles();
  const chartClasses = useChartStyles();
  const { days, testId } = props;
  const frame = useChartFrame(HEIGHT, MARGIN);
  const { plotWidth, plotHeight, tickCount } = frame;

  const span = trendSpan(days, props.points);
  const spanDays = daysBetween(span.first, span.last);
  const x = (day: string) =>
    spanDays === 0
      ? MARGIN.left + plotWidth / 2
      : MARGIN.left + (daysBetween(span.first, day) / spanDays) * plotWidth;
  const y = (value: number) => MARGIN.top + (1 - value) * plotHeight;
  // Each day's hover target spans its share of the width, at least a finger's breadth.
  const slot = Math.max(plotWidth / (spanDays + 1), 12);

  const latest = span.points[span.points.length - 1];
  const lone = new Set(
    consecutiveRuns(span.points)
      .filter(run => run.length === 1)
      .map(run => run[0].date),
  );
  // Every day gets a dot on a short history; on a long one only the latest and lone days do.
  const dotted = (point: ScorecardTrendPoint) =>
    spanDays <= MAX_DOTTED_DAYS || point === latest || lone.has(point.date);
  if (!latest) {
    return (
      <Typography variant="body2" color="textSecondary">
        No results in the {lastDays(days)}.
      </Typography>
    );
  }
  const range = span.startsWithHistory
    ? `history since ${span.first}`
    : lastDays(days);
  const when = describeDay(latest.date);
  const ticks = dateTicks(span.first, span.last, tickCount);
  return (
    <DayChart
      frame={frame}
      label={`Share of passing checks, ${range}: ${percent(latest)} ${when}`}
      grid={{ values: [0, 0.5, 1], y, format: value => `${value * 100}%` }}
      dates={{ ticks, x }}
      testId={testId}
      caption={
        <>
          Passing checks, {range}: {latest.passing} of {latest.total} {when}
        </>
      }
    >
      {consecutiveRuns(span.points)
        .filter(run => run.length > 1)
        .map(run => (
          <path
            key={run[0].date}
            d={linePath(run.map(p => [x(p.date), y(share(p))]))}
            className={chartClasses.line}
            data-testid={`${testId}-line`}
          />
        ))}
      {span.points.map(point => (
        <HoverTarget
          key={point.date}
          title={describePoint(point)}
          x={x(point.date)}
          top={MARGIN.top}
          width={slot}
          height={plotHeight}
          testId={`${testId}-point`}
        >
          {dotted(point) && (
            <circle
              cx={x(point.date)}
              cy={y(share(point))}
              r={3.5}
              className={chartClasses.dot}
            />
          )}
        </HoverTarget>
      ))}
      <text
        x={x(latest.date) + (spanDays === 0 ? 8 : -6)}
        y={y(share(latest)) - 8}
        textAnchor={spanDays === 0 ? 'start' : 'end'}
        className={classes.value}
      >
        {percent(latest)}
      </text>
    </DayChart>
  );
}
