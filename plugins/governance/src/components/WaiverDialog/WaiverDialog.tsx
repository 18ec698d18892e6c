import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import { governanceApiRef } from '../../api';
import { describeError } from '../../lib/describeError';
import { addDays, endOfUtcDay, isCalendarDay, utcToday } from '../../lib/days';
import { FormDialog, FormTextField, useFormSubmission } from '../FormDialog';

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
  const form = useFormSubmission({
    problems: validate(reason, expiryDay, today),
    send: async () => {
      await governanceApi.createWaiver({
        entityRef,
        checkId: check.checkId,
        reason: reason.trim(),
        // The waiver lasts through the whole chosen day, wherever the council sits.
        expiresAt: endOfUtcDay(expiryDay),
      });
      onChanged();
      onClose();
    },
  });
  const { shown, submitting } = form;
  // Ids tie each label and message to its field for assistive technology.
  const idPrefix = `governance-waiver-${check.checkId}`;

  return (
    <FormDialog
      title={`Waive ${check.title}`}
      idPrefix={idPrefix}
      intro="Until the waiver expires or is revoked, the check shows as waived instead of its real state. Everyone who reads the scorecard sees who granted it and why."
      error={
        form.error && `The waiver was not granted. ${describeError(form.error)}`
      }
      errorTestId="governance-waiver-error"
      submitLabel="Grant waiver"
      busyLabel="Granting…"
      busy={submitting}
      onSubmit={form.submit}
      onCancel={onClose}
    >
      <FormTextField
        id={`${idPrefix}-reason`}
        label="Reason"
        value={reason}
        onChange={e => setReason(e.target.value)}
        required
        multiline
        minRows={3}
        fullWidth
        error={!!shown.reason}
        helperText={
          shown.reason ??
          'Why the check may fail for now, and what will fix it.'
        }
      />
      <FormTextField
        id={`${idPrefix}-expires`}
        label="Expires on"
        type="date"
        value={expiryDay}
        onChange={e => setExpiryDay(e.target.value)}
        required
        InputLabelProps={{ shrink: true }}
        inputProps={{ min: addDays(today, 1) }}
        error={!!shown.expiryDay}
        helperText={
          shown.expiryDay ?? 'The waiver ends at the end of this day, UTC.'
        }
      />
    </FormDialog>
  );
}
