import { Progress } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { ReactNode } from 'react';
import { describeError } from '../../lib/describeError';

/** Props for {@link DetailDialog}. */
export interface DetailDialogProps {
  /** The title's element id, which names the dialog. */
  titleId: string;
  title: ReactNode;
  testId: string;
  onClose: () => void;
  /** Buttons shown before Close. */
  actions?: ReactNode;
  /** A dialog opened from this one, such as an ADR a review links. */
  nested?: ReactNode;
  children: ReactNode;
}

/** The frame of the ADR and review dialogs: a wide, scrolling dialog that Close dismisses. */
export function DetailDialog(props: DetailDialogProps) {
  const { titleId, title, testId, onClose, actions, nested, children } = props;
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="md"
      scroll="paper"
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent dividers>{children}</DialogContent>
      <DialogActions>
        {actions}
        <Button onClick={onClose} color="primary">
          Close
        </Button>
      </DialogActions>
      {nested}
    </Dialog>
  );
}

/**
 * What a detail dialog shows until its subject has loaded: progress, or why it could not be
 * loaded, such as "The review could not be loaded." and the reason.
 */
export function LoadingDetail(props: { error?: Error; failure: string }) {
  const { error, failure } = props;
  return error ? (
    <Alert severity="error">
      {failure} {describeError(error)}
    </Alert>
  ) : (
    <Progress />
  );
}
