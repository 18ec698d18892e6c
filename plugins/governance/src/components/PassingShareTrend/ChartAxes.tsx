import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { ReactNode } from 'react';
import useMeasure from 'react-use/esm/useMeasure';

/** Until the browser has measured the chart (and in tests, where nothing is laid out). */
const DEFAULT_WIDTH = 600;
/** Room each date label on the x axis needs, in pixels. */
const TICK_SPACING = 90;

/**
 * The look the governance charts share: the chart fills its width, its line and dots are the
 * colour of passing, then grid, axes, their labels, and invisible hover targets.
 */
export const useChartStyles = makeStyles(theme => ({
  chart: { display: 'block', width: '100%', overflow: 'visible' },
  line: { fill: 'none', stroke: theme.palette.success.main, strokeWidth: 2 },
  dot: { fill: theme.palette.success.main },
  hit: { fill: 'transparent', cursor: 'default' },
  grid: { stroke: theme.palette.divider, strokeWidth: 1 },
  axis: { stroke: theme.palette.text.secondary, strokeWidth: 1 },
  label: {
    fill: theme.palette.text.secondary,
    fontSize: 11,
    fontFamily: theme.typography.fontFamily,
  },
}));

/**
 * A chart's frame: its width as measured (a default until then), its height and margins, the
 * plot inside the margins, the y of its bottom axis, and how many date ticks fit on that axis
 * (at least two).
 */
export function useChartFrame(
  height: number,
  margin: { top: number; right: number; bottom: number; left: number },
) {
  const [measureRef, measured] = useMeasure<HTMLDivElement>();
  const width = measured.width || DEFAULT_WIDTH;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  return {
    measureRef,
    width,
    height,
    margin,
    plotWidth,
    plotHeight,
    bottom: margin.top + plotHeight,
    tickCount: Math.max(2, Math.floor(plotWidth / TICK_SPACING)),
  };
}

/** What {@link useChartFrame} measured and worked out. */
export type ChartFrame = ReturnType<typeof useChartFrame>;

/** A path through the given points, in drawing order, as an SVG line. */
export function linePath(points: Array<[x: number, y: number]>): string {
  return points
    .map(
      ([x, y], i) => `${i === 0 ? 'M' : 'L'} ${x.toFixed(1)} ${y.toFixed(1)}`,
    )
    .join(' ');
}

/**
 * A chart over days, as every governance chart draws one: a labelled image filling the measured
 * width, its value grid and date axis, what `children` draw on them, and a caption under it
 * that says in words what the chart shows.
 */
export function DayChart(props: {
  frame: ChartFrame;
  /** What the chart shows, for assistive technology. */
  label: string;
  /** The values the grid marks, where they go, and how their labels read. */
  grid: {
    values: number[];
    y: (value: number) => number;
    format: (value: number) => string;
  };
  /** The days the date axis marks, and where they go. */
  dates: { ticks: string[]; x: (day: string) => number };
  /** Its date axis gets `<testId>-dates`. */
  testId: string;
  caption: ReactNode;
  children: ReactNode;
}) {
  const classes = useChartStyles();
  const { frame, label, grid, dates, testId, caption, children } = props;
  return (
    <div ref={frame.measureRef}>
      <svg
        role="img"
        aria-label={label}
        width={frame.width}
        height={frame.height}
        className={classes.chart}
      >
        <ValueGrid
          {...grid}
          left={frame.margin.left}
          right={frame.margin.left + frame.plotWidth}
        />
        <DateAxis {...dates} bottom={frame.bottom} testId={`${testId}-dates`} />
        {children}
      </svg>
      <Typography variant="caption" color="textSecondary" display="block">
        {caption}
      </Typography>
    </div>
  );
}

/** A day as a chart's x axis names it, e.g. `6 Dec`. */
export function shortDay(day: string): string {
  return DateTime.fromISO(day, { zone: 'utc' }).toFormat('d LLL');
}

/**
 * Horizontal lines across the plot at the given values, each labelled on the left; the line at
 * the lowest value is drawn as the axis.
 */
export function ValueGrid(props: {
  values: number[];
  left: number;
  right: number;
  y: (value: number) => number;
  format: (value: number) => string;
}) {
  const classes = useChartStyles();
  const { values, left, right, y, format } = props;
  const lowest = Math.min(...values);
  return (
    <>
      {values.map(value => (
        <g key={value}>
          <line
            x1={left}
            x2={right}
            y1={y(value)}
            y2={y(value)}
            className={value === lowest ? classes.axis : classes.grid}
          />
          <text
            x={left - 6}
            y={y(value)}
            textAnchor="end"
            dominantBaseline="middle"
            className={classes.label}
          >
            {format(value)}
          </text>
        </g>
      ))}
    </>
  );
}

/**
 * The x axis's days: a tick and a short date under the plot for each; the first and the last
 * label lean inwards so that they stay inside the chart.
 */
export function DateAxis(props: {
  ticks: string[];
  x: (day: string) => number;
  bottom: number;
  testId: string;
}) {
  const classes = useChartStyles();
  const { ticks, x, bottom, testId } = props;
  const anchor = (i: number) => {
    if (ticks.length === 1) {
      return 'middle';
    }
    if (i === 0) {
      return 'start';
    }
    return i === ticks.length - 1 ? 'end' : 'middle';
  };
  return (
    <g data-testid={testId}>
      {ticks.map((day, i) => (
        <g key={day}>
          <line
            x1={x(day)}
            x2={x(day)}
            y1={bottom}
            y2={bottom + 4}
            className={classes.axis}
          />
          <text
            x={x(day)}
            y={bottom + 16}
            textAnchor={anchor(i)}
            className={classes.label}
          >
            {shortDay(day)}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * A day's hover target: a column of the plot's height around `x`, at least a finger's breadth
 * wide, with the day's tooltip; `children` draws its dot.
 */
export function HoverTarget(props: {
  title: string;
  x: number;
  top: number;
  width: number;
  height: number;
  testId: string;
  children?: ReactNode;
}) {
  const classes = useChartStyles();
  const { title, x, top, width, height, testId, children } = props;
  return (
    <Tooltip title={title} placement="top" arrow>
      <g data-testid={testId}>
        <rect
          x={x - width / 2}
          y={top}
          width={width}
          height={height}
          className={classes.hit}
        />
        {children}
      </g>
    </Tooltip>
  );
}
