import { useApi } from '@backstage/core-plugin-api';
import { governanceApiRef } from '../../api';
import { FormDialog, useFormSubmission } from '../FormDialog';
import { useWaiverTerms, WaiverTermsFields } from './WaiverTermsFields';

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
  const terms = useWaiverTerms();
  const form = useFormSubmission({
    problems: terms.problems,
    send: async () => {
      await governanceApi.createWaiver({
        entityRef,
        checkId: check.checkId,
        ...terms.toRequest(),
      });
      onChanged();
      onClose();
    },
    failure: 'The waiver was not granted.',
  });
  // Ids tie each label and message to its field for assistive technology.
  const idPrefix = `governance-waiver-${check.checkId}`;

  return (
    <FormDialog
      {...form.dialogProps}
      title={`Waive ${check.title}`}
      idPrefix={idPrefix}
      intro="Until the waiver expires or is revoked, the check shows as waived instead of its real state. Everyone who reads the scorecard sees who granted it and why."
      errorTestId="governance-waiver-error"
      submitLabel="Grant waiver"
      busyLabel="Granting…"
      onCancel={onClose}
    >
      <WaiverTermsFields idPrefix={idPrefix} terms={terms} shown={form.shown} />
    </FormDialog>
  );
}
