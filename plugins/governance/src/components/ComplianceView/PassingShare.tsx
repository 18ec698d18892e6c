import { makeStyles } from '@material-ui/core/styles';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { ComplianceCounts } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * The passing share as a whole percentage. It never rounds up to 100% while a check is not
 * passing, nor down to 0% while one is: both would hide exactly what the council looks for.
 */
export function formatPassingShare(
  counts: Pick<ComplianceCounts, 'pass' | 'total' | 'passingShare'>,
): string {
  if (counts.total === 0) {
    return '—';
  }
  const percent = Math.round(counts.passingShare * 100);
  if (percent === 100 && counts.pass < counts.total) {
    return '99%';
  }
  if (percent === 0 && counts.pass > 0) {
    return '1%';
  }
  return `${percent}%`;
}

const useStyles = makeStyles(theme => ({
  bar: { flexGrow: 1, minWidth: 48, height: 6, borderRadius: 3 },
  barColor: { backgroundColor: theme.palette.success.main },
  value: { minWidth: '3.5em', textAlign: 'right' },
}));

/** The passing share of a group or an entity, in numbers and as a small bar. */
export function PassingShare(props: { counts: ComplianceCounts }) {
  const classes = useStyles();
  const { counts } = props;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <Typography variant="body2" component="span" className={classes.value}>
        {formatPassingShare(counts)}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={counts.passingShare * 100}
        // The number beside it already says it; the bar only shows it at a glance.
        aria-hidden
        classes={{ root: classes.bar, bar: classes.barColor }}
      />
    </Box>
  );
}
