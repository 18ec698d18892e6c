import { makeStyles, Theme } from '@material-ui/core/styles';
import Chip from '@material-ui/core/Chip';
import { ReviewStatus } from '@catalog-governance/backstage-plugin-governance-common';
import { REVIEW_STATUS_LABELS } from './reviewLabels';

const useStyles = makeStyles<Theme>(theme => {
  const filled = (color: { main: string; contrastText: string }) => ({
    backgroundColor: color.main,
    color: color.contrastText,
  });
  return {
    open: filled(theme.palette.info),
    'in-review': filled(theme.palette.primary),
    'changes-requested': filled(theme.palette.warning),
    approved: filled(theme.palette.success),
    rejected: filled(theme.palette.error),
    // A withdrawn request asks nothing of anyone any more.
    withdrawn: {
      backgroundColor: theme.palette.grey[400],
      color: theme.palette.getContrastText(theme.palette.grey[400]),
    },
    overdue: filled(theme.palette.error),
  };
});

/** Props for {@link ReviewStatusChip}. */
export interface ReviewStatusChipProps {
  status: ReviewStatus;
}

/** The review item's status as a coloured chip with the status in words. */
export function ReviewStatusChip(props: ReviewStatusChipProps) {
  const classes = useStyles();
  const { status } = props;
  return (
    <Chip
      size="small"
      label={REVIEW_STATUS_LABELS[status] ?? status}
      className={classes[status]}
      data-testid="governance-review-status"
      data-status={status}
    />
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
