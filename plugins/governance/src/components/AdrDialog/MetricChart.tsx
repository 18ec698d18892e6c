import { makeStyles } from '@material-ui/core/styles';
import { AdrMetricImpact } from '@catalog-governance/backstage-plugin-governance-common';
import { formatMetricValue, metricTitle } from './impactFormat';

const WIDTH = 240;
const HEIGHT = 64;
const PAD = 6;

const useStyles = makeStyles(theme => ({
  chart: { display: 'block', width: '100%', maxWidth: WIDTH, height: HEIGHT },
  before: { fill: theme.palette.text.secondary },
  after: { fill: theme.palette.primary.main },
  decision: {
    stroke: theme.palette.divider,
    strokeWidth: 1,
    strokeDasharray: '3 3',
  },
  median: { strokeWidth: 2 },
  medianBefore: { stroke: theme.palette.text.secondary },
  medianAfter: { stroke: theme.palette.primary.main },
}));

/**
 * A small chart of one metric's observations: the window before the decision left of the dashed
 * line, the one after right of it, each with its median as a bar. Its label says the same in
 * words, for screen readers.
 */
export function MetricChart(props: { metric: AdrMetricImpact }) {
  const classes = useStyles();
  const { metric } = props;
  const { before, after } = metric;
  const points = [...before.points, ...after.points];
  const start = new Date(before.from).getTime();
  const end = new Date(after.to).getTime();
  const values = points.map(p => p.value);
  const low = Math.min(
    ...values,
    before.median ?? Infinity,
    after.median ?? Infinity,
  );
  const high = Math.max(
    ...values,
    before.median ?? -Infinity,
    after.median ?? -Infinity,
  );
  const x = (at: string | number) =>
    PAD +
    ((new Date(at).getTime() - start) / Math.max(end - start, 1)) *
      (WIDTH - 2 * PAD);
  const y = (value: number) =>
    high === low
      ? HEIGHT / 2
      : HEIGHT - PAD - ((value - low) / (high - low)) * (HEIGHT - 2 * PAD);
  const decidedX = x(before.to);
  const label = `${metricTitle(metric.fact)}: ${
    before.points.length
  } points before, ${after.points.length} after, from ${formatMetricValue(
    low,
    metric.unit,
  )} to ${formatMetricValue(high, metric.unit)}`;

  return (
    <svg
      className={classes.chart}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      data-testid={`governance-adr-metric-chart-${metric.fact}`}
    >
      <line
        className={classes.decision}
        x1={decidedX}
        x2={decidedX}
        y1={0}
        y2={HEIGHT}
      />
      {before.median !== undefined && (
        <line
          className={`${classes.median} ${classes.medianBefore}`}
          x1={PAD}
          x2={decidedX}
          y1={y(before.median)}
          y2={y(before.median)}
        />
      )}
      {after.median !== undefined && (
        <line
          className={`${classes.median} ${classes.medianAfter}`}
          x1={decidedX}
          x2={WIDTH - PAD}
          y1={y(after.median)}
          y2={y(after.median)}
        />
      )}
      {(
        [
          ['b', before.points, classes.before],
          ['a', after.points, classes.after],
        ] as const
      ).flatMap(([side, sidePoints, className]) =>
        sidePoints.map((p, i) => (
          <circle
            key={`${side}${i}`}
            className={className}
            cx={x(p.at)}
            cy={y(p.value)}
            r={2.5}
          >
            <title>{`${p.at.slice(0, 10)} ${p.entityRef}: ${formatMetricValue(
              p.value,
              metric.unit,
            )}`}</title>
          </circle>
        )),
      )}
    </svg>
  );
}
