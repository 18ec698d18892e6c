import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useState } from 'react';
import { governanceApiRef } from '../../api';
import { describeError } from '../../lib/describeError';
import {
  addDays,
  endOfUtcDay,
  isCalendarDay,
  utcToday,
} from '../../lib/days';

/** How long a waiver lasts unless the council picks another day. */
const DEFAULT_WAIVER_DAYS = 30;

function validate(
  reason: string,
  expiryDay: string,
  today: string,
): { reason?: string; expiryDay?: string } {
  const problems: { reason?: string; expiryDay?: string } = {};
  if (!reason.trim()) {
    problems.reason = 'Give a reason for the waiver.';
  }
  if (!isCalendarDay(expiryDay)) {
    problems.expiryDay = 'Choose the day the waiver expires.';
  } else if (expiryDay <= today) {
    problems.expiryDay = 'The expiry date must be in the future.';
  }
  return problems;
}

/**
 * Props for {@link WaiverDialog}.
 */
export interface WaiverDialogProps {
  /** The entity whose check is waived, as a full entity ref. */
  entityRef: string;
  /** The check to waive. */
  check: { checkId: string; title: string };
  /** Called when the user cancels, and after the waiver was granted. */
  onClose: () => void;
  /** Called once the waiver was granted, so the scorecard can reload. */
  onChanged: () => void;
}

/**
 * Asks why a check is waived and until when, then grants the waiver. Mount it to open it: each
 * time it starts empty, expiring 30 days from today.
 */
export function WaiverDialog(props: WaiverDialogProps) {
  const { entityRef, check, onClose, onChanged } = props;
  const governanceApi = useApi(governanceApiRef);
  const [today] = useState(utcToday);
  const [reason, setReason] = useState('');
  const [expiryDay, setExpiryDay] = useState(() =>
    addDays(today, DEFAULT_WAIVER_DAYS),
  );
  // Messages appear once the user tried to submit, then follow every change.
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<Error>();

  const problems = validate(reason, expiryDay, today);
  const shown = attempted ? problems : {};
  // Ids tie each label and message to its field for assistive technology.
  const idPrefix = `governance-waiver-${check.checkId}`;
  const titleId = `${idPrefix}-title`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (problems.reason || problems.expiryDay) {
      return;
    }
    setSubmitting(true);
    setServerError(undefined);
    try {
      await governanceApi.createWaiver({
        entityRef,
        checkId: check.checkId,
        reason: reason.trim(),
        // The waiver lasts through the whole chosen day, wherever the council sits.
        expiresAt: endOfUtcDay(expiryDay),
      });
    } catch (e) {
      setServerError(e as Error);
      setSubmitting(false);
      return;
    }
    onChanged();
    onClose();
  };

  return (
    <Dialog
      open
      onClose={() => {
        if (!submitting) {
          onClose();
        }
      }}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <form noValidate onSubmit={submit}>
        <DialogTitle id={titleId}>Waive {check.title}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Until the waiver expires or is revoked, the check shows as waived
            instead of its real state. Everyone who reads the scorecard sees who
            granted it and why.
          </DialogContentText>
          {serverError && (
            <Alert
              severity="error"
              data-testid="governance-waiver-error"
              style={{ marginBottom: 16 }}
            >
              The waiver was not granted. {describeError(serverError)}
            </Alert>
          )}
          <TextField
            id={`${idPrefix}-reason`}
            label="Reason"
            value={reason}
            onChange={e => setReason(e.target.value)}
            required
            multiline
            minRows={3}
            fullWidth
            margin="normal"
            variant="outlined"
            disabled={submitting}
            error={!!shown.reason}
            helperText={
              shown.reason ??
              'Why the check may fail for now, and what will fix it.'
            }
          />
          <TextField
            id={`${idPrefix}-expires`}
            label="Expires on"
            type="date"
            value={expiryDay}
            onChange={e => setExpiryDay(e.target.value)}
            required
            margin="normal"
            variant="outlined"
            disabled={submitting}
            InputLabelProps={{ shrink: true }}
            inputProps={{
              min: addDays(today, 1),
            }}
            error={!!shown.expiryDay}
            helperText={
              shown.expiryDay ?? 'The waiver ends at the end of this day, UTC.'
            }
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={submitting}
          >
            {submitting ? 'Granting…' : 'Grant waiver'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
