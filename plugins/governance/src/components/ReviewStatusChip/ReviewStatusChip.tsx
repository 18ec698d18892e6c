import { makeStyles, Theme } from '@material-ui/core/styles';
import Chip from '@material-ui/core/Chip';
import {
  ReviewCauseCleared,
  ReviewStatus,
} from '@catalog-governance/backstage-plugin-governance-common';
import { filledChip, quietChip } from '../../lib/chipColors';
import { REVIEW_STATUS_LABELS } from './reviewLabels';

const useStyles = makeStyles<Theme>(theme => ({
  open: filledChip(theme.palette.info),
  'in-review': filledChip(theme.palette.primary),
  'changes-requested': filledChip(theme.palette.warning),
  approved: filledChip(theme.palette.success),
  rejected: filledChip(theme.palette.error),
  // A withdrawn request asks nothing of anyone any more.
  withdrawn: quietChip(theme),
  // Nothing to decide any more: what raised it went away.
  resolved: quietChip(theme),
  causeCleared: { marginLeft: theme.spacing(0.5) },
  overdue: filledChip(theme.palette.error),
}));

/** Props for {@link ReviewStatusChip}. */
export interface ReviewStatusChipProps {
  status: ReviewStatus;
  /** Set when the trigger that raised the item no longer sees its cause. */
  causeCleared?: ReviewCauseCleared;
}

/**
 * The review item's status as a coloured chip with the status in words, and "cause cleared"
 * beside it once the trigger that raised the item no longer sees its cause.
 */
export function ReviewStatusChip(props: ReviewStatusChipProps) {
  const classes = useStyles();
  const { status, causeCleared } = props;
  return (
    <>
      <Chip
        size="small"
        label={REVIEW_STATUS_LABELS[status] ?? status}
        className={classes[status]}
        data-testid="governance-review-status"
        data-status={status}
      />
      {causeCleared && (
        <Chip
          size="small"
          variant="outlined"
          label="cause cleared"
          className={classes.causeCleared}
          data-testid="governance-review-cause-cleared"
        />
      )}
    </>
  );
}

/** Props for {@link ReviewDueDate}. */
export interface ReviewDueDateProps {
  dueDate?: string;
  overdue: boolean;
}

/** The due date, flagged when the item is past it and still open. */
export function ReviewDueDate(props: ReviewDueDateProps) {
  const classes = useStyles();
  const { dueDate, overdue } = props;
  if (!dueDate) {
    return <>—</>;
  }
  return (
    <span data-testid="governance-review-due" data-overdue={overdue}>
      {dueDate}
      {overdue && (
        <>
          {' '}
          <Chip size="small" label="overdue" className={classes.overdue} />
        </>
      )}
    </span>
  );
}
