import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import { governanceApiRef } from '../../api';
import { FormDialog, useFormSubmission } from '../FormDialog';
import { AdrReferenceField } from '../ReviewDialog/AdrReferenceField';
import { useWaiverTerms, WaiverTermsFields } from './WaiverTermsFields';

/** Props for {@link RequestWaiverDialog}. */
export interface RequestWaiverDialogProps {
  /** The entity whose check the waiver is for, as a full entity ref. */
  entityRef: string;
  /** The failing or warning check. */
  check: { checkId: string; title: string };
  onClose: () => void;
  /** Called with the review item once the request was raised. */
  onRequested: (item: { id: string; number?: number }) => void;
}

/**
 * Asks the council to waive a check: why, until when, and optionally the ADR behind it. The
 * request becomes a review item the council grants or declines. Mount it to open it empty.
 */
export function RequestWaiverDialog(props: RequestWaiverDialogProps) {
  const { entityRef, check, onClose, onRequested } = props;
  const governanceApi = useApi(governanceApiRef);
  const terms = useWaiverTerms();
  const [adr, setAdr] = useState('');
  const form = useFormSubmission({
    problems: terms.problems,
    send: async () => {
      const item = await governanceApi.requestWaiver({
        entityRef,
        checkId: check.checkId,
        ...terms.toRequest(),
        adr: adr.trim() || undefined,
      });
      onRequested(item);
      onClose();
    },
    failure: 'The waiver was not requested.',
  });
  const { shown, submitting } = form;
  const idPrefix = `governance-request-waiver-${check.checkId}`;

  return (
    <FormDialog
      {...form.dialogProps}
      title={`Request a waiver for ${check.title}`}
      idPrefix={idPrefix}
      intro="The architecture council reviews the request in its queue. If it grants the waiver, the check shows as waived until it expires, with a link to the decision."
      errorTestId="governance-request-waiver-error"
      submitLabel="Request waiver"
      busyLabel="Requesting…"
      onCancel={onClose}
    >
      <WaiverTermsFields
        idPrefix={idPrefix}
        terms={terms}
        shown={shown}
        expiryLabel="Proposed expiry"
      />
      <AdrReferenceField
        id={`${idPrefix}-adr`}
        label="Linked ADR (optional)"
        entityRef={entityRef}
        value={adr}
        onChange={setAdr}
        disabled={submitting}
      />
    </FormDialog>
  );
}
