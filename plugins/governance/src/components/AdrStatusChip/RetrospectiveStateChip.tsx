import { makeStyles, Theme } from '@material-ui/core/styles';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { AdrSummary } from '@catalog-governance/backstage-plugin-governance-common';
import { filledChip } from '../../lib/chipColors';

const useStyles = makeStyles<Theme>(theme => ({
  overdue: filledChip(theme.palette.error),
  due: filledChip(theme.palette.warning),
  recorded: filledChip(theme.palette.success),
}));

/** The retrospective state in words, with the date that matters for it. */
export function retrospectiveLabel(
  retrospective: AdrSummary['retrospective'],
): string {
  const { state, dueAt, overdueAt, latest } = retrospective;
  switch (state) {
    case 'overdue':
      return overdueAt
        ? `Retrospective overdue since ${overdueAt}`
        : 'Retrospective overdue';
    case 'due':
      return dueAt ? `Retrospective due since ${dueAt}` : 'Retrospective due';
    case 'recorded':
      return latest
        ? `Retrospective recorded ${latest.date}: ${latest.outcome}`
        : 'Retrospective recorded';
    case 'not-due':
      return dueAt ? `Not yet due (due ${dueAt})` : 'Not yet due';
    default:
      return 'No retrospective';
  }
}

/** Props for {@link RetrospectiveStateChip}. */
export interface RetrospectiveStateChipProps {
  retrospective: AdrSummary['retrospective'];
}

/**
 * Where the ADR stands with its retrospective: due, overdue, recorded (with the outcome) or
 * not yet due (with the day it falls due). ADRs that get none show a muted dash.
 */
export function RetrospectiveStateChip(props: RetrospectiveStateChipProps) {
  const classes = useStyles();
  const { retrospective } = props;
  const { state } = retrospective;
  if (state === 'not-applicable') {
    return (
      <Typography
        variant="body2"
        component="span"
        color="textSecondary"
        title="Only accepted ADRs with a date get a retrospective"
        data-testid="governance-adr-retrospective"
        data-state={state}
      >
        —
      </Typography>
    );
  }
  return (
    <Chip
      size="small"
      label={retrospectiveLabel(retrospective)}
      className={
        state === 'not-due' ? undefined : classes[state as keyof typeof classes]
      }
      variant={state === 'not-due' ? 'outlined' : 'default'}
      data-testid="governance-adr-retrospective"
      data-state={state}
    />
  );
}
