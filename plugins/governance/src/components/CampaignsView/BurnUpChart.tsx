import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { CampaignDetail } from '@catalog-governance/backstage-plugin-governance-common';
import { daysBetween } from '../../lib/days';
import {
  DayChart,
  HoverTarget,
  linePath,
  shortDay,
  useChartFrame,
  useChartStyles,
} from '../PassingShareTrend/ChartAxes';
import { dateTicks } from '../PassingShareTrend/trendGeometry';

const HEIGHT = 180;
const MARGIN = { top: 16, right: 16, bottom: 28, left: 40 };

const useStyles = makeStyles(theme => ({
  total: {
    fill: 'none',
    stroke: theme.palette.text.secondary,
    strokeWidth: 1.5,
    strokeDasharray: '4 3',
  },
  deadline: {
    stroke: theme.palette.error.main,
    strokeWidth: 1.5,
    strokeDasharray: '2 2',
  },
  deadlineLabel: {
    fill: theme.palette.error.main,
    fontSize: 11,
    fontFamily: theme.typography.fontFamily,
  },
}));

type ProgressDay = CampaignDetail['history'][number];

/** What a day's tooltip says. */
export function describeProgressDay(point: ProgressDay): string {
  return `${point.day}: ${point.done} of ${
    point.done + point.notDone
  } entities done`;
}

/**
 * A burn-up to the deadline: the entities done per day climbing towards the dashed line of all
 * the campaign's entities, from the day the campaign started to its deadline, which a red line
 * marks. Each recorded day has a tooltip.
 */
export function BurnUpChart(props: {
  /** Oldest first, one point per recorded day. */
  history: ProgressDay[];
  /** The campaign's first day. */
  start: string;
  deadline: string;
  /** Its parts get `<testId>-done`, `<testId>-point`, `<testId>-deadline` and `<testId>-dates`. */
  testId: string;
}) {
  const classes = useStyles();
  const chartClasses = useChartStyles();
  const { start, deadline, testId } = props;
  const history = [...props.history].sort((a, b) => a.day.localeCompare(b.day));
  const frame = useChartFrame(HEIGHT, MARGIN);
  const { plotWidth, plotHeight, bottom, tickCount } = frame;
  const latest = history[history.length - 1];
  if (!latest) {
    return (
      <Typography variant="body2" color="textSecondary">
        No progress recorded yet: the first day is recorded once the campaign's
        entities are evaluated.
      </Typography>
    );
  }

  const days = [start, history[0].day, deadline, latest.day].sort();
  const first = days[0];
  const last = days[days.length - 1];
  const spanDays = Math.max(daysBetween(first, last), 1);
  const total = (p: ProgressDay) => p.done + p.notDone;
  const maxTotal = Math.max(1, ...history.map(total));
  const x = (day: string) =>
    MARGIN.left + (daysBetween(first, day) / spanDays) * plotWidth;
  const y = (value: number) => MARGIN.top + (1 - value / maxTotal) * plotHeight;
  const path = (points: Array<[string, number]>) =>
    linePath(points.map(([day, value]) => [x(day), y(value)]));
  // The total runs on at its latest value to the deadline: what is left to do by then.
  const totalPoints: Array<[string, number]> = history.map(p => [
    p.day,
    total(p),
  ]);
  if (deadline > latest.day) {
    totalPoints.push([deadline, total(latest)]);
  }
  const slot = Math.max(plotWidth / (spanDays + 1), 12);
  const ticks = dateTicks(first, last, tickCount);
  const yTicks = [...new Set([0, Math.round(maxTotal / 2), maxTotal])];
  return (
    <DayChart
      frame={frame}
      label={`Burn-up to the deadline ${deadline}: ${latest.done} of ${total(
        latest,
      )} entities done on ${latest.day}`}
      grid={{ values: yTicks, y, format: String }}
      dates={{ ticks, x }}
      testId={testId}
      caption={
        <>
          Entities done (green) against all entities in the campaign (dashed),
          to the deadline (red): {latest.done} of {total(latest)} on{' '}
          {latest.day}
        </>
      }
    >
      <path d={path(totalPoints)} className={classes.total} />
      <g data-testid={`${testId}-deadline`}>
        <line
          x1={x(deadline)}
          x2={x(deadline)}
          y1={MARGIN.top - 4}
          y2={bottom}
          className={classes.deadline}
        />
        <text
          x={x(deadline) - 4}
          y={MARGIN.top - 6}
          textAnchor="end"
          className={classes.deadlineLabel}
        >
          Deadline {shortDay(deadline)}
        </text>
      </g>
      <path
        d={path(history.map(p => [p.day, p.done]))}
        className={chartClasses.line}
        data-testid={`${testId}-done`}
      />
      {history.map(point => (
        <HoverTarget
          key={point.day}
          title={describeProgressDay(point)}
          x={x(point.day)}
          top={MARGIN.top}
          width={slot}
          height={plotHeight}
          testId={`${testId}-point`}
        >
          <circle
            cx={x(point.day)}
            cy={y(point.done)}
            r={3}
            className={chartClasses.dot}
          />
        </HoverTarget>
      ))}
    </DayChart>
  );
}
