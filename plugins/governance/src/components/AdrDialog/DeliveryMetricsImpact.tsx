import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { AdrMetricImpact } from '@catalog-governance/backstage-plugin-governance-common';
import { Muted } from '../Muted';
import { MetricChart } from './MetricChart';
import { describeMedian, formatChange, metricTitle } from './impactFormat';

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: theme.spacing(2),
  },
  metric: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1, 1.5),
  },
  better: { color: theme.palette.success.main, fontWeight: 500 },
  worse: { color: theme.palette.error.main, fontWeight: 500 },
  unchanged: { color: theme.palette.text.secondary },
  table: { '& td, & th': { padding: theme.spacing(0.5, 1, 0.5, 0) } },
}));

const ARROWS = { better: '▲', worse: '▼', unchanged: '●' } as const;

/** The change with an indicator of whether it is good for this metric. */
function Change(props: { metric: AdrMetricImpact }) {
  const classes = useStyles();
  const { change, unit, minPoints } = props.metric;
  if (!change) {
    return (
      <Muted>not enough data: {minPoints} points needed on each side</Muted>
    );
  }
  return (
    <span className={classes[change.direction]}>
      <span aria-hidden>{ARROWS[change.direction]} </span>
      {formatChange(change, unit)}, {change.direction}
    </span>
  );
}

function MetricImpact(props: { metric: AdrMetricImpact }) {
  const classes = useStyles();
  const { metric } = props;
  const title = metricTitle(metric.fact);
  return (
    <Box
      className={classes.metric}
      data-testid={`governance-adr-metric-${metric.fact}`}
    >
      <Typography variant="subtitle2">{title}</Typography>
      <Table size="small" aria-label={title} className={classes.table}>
        <TableHead>
          <TableRow>
            <TableCell>Before</TableCell>
            <TableCell>After</TableCell>
            <TableCell>Change</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell>{describeMedian(metric.before, metric)}</TableCell>
            <TableCell>{describeMedian(metric.after, metric)}</TableCell>
            <TableCell>
              <Change metric={metric} />
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <MetricChart metric={metric} />
    </Box>
  );
}

/**
 * The delivery metrics of the entities an ADR governs, median before against median after, one
 * small table and chart per metric that has data; the others are named in one line.
 */
export function DeliveryMetricsImpact(props: {
  metrics: AdrMetricImpact[];
  windowDays: number;
  entityRefs: string[];
}) {
  const classes = useStyles();
  const measured = props.metrics.filter(
    m => m.before.points.length + m.after.points.length > 0,
  );
  const unmeasured = props.metrics.filter(m => !measured.includes(m));
  return (
    <Box data-testid="governance-adr-delivery-metrics" mb={2}>
      <Typography variant="body2" color="textSecondary" paragraph>
        Medians of the {props.windowDays} days before and after the decision,
        for {props.entityRefs.join(', ')}.
      </Typography>
      {measured.length === 0 ? (
        <Muted>No delivery metrics were pushed around the decision.</Muted>
      ) : (
        <Box className={classes.grid}>
          {measured.map(metric => (
            <MetricImpact key={metric.fact} metric={metric} />
          ))}
        </Box>
      )}
      {measured.length > 0 && unmeasured.length > 0 && (
        <Box mt={1}>
          <Muted>
            No data for {unmeasured.map(m => metricTitle(m.fact)).join(', ')}.
          </Muted>
        </Box>
      )}
    </Box>
  );
}
