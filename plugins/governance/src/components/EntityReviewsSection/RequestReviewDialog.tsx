import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import { governanceApiRef } from '../../api';
import { useReviewKinds } from '../../hooks/useReviewKinds';
import {
  FormDialog,
  FormSelectField,
  FormTextArea,
  FormTextField,
  useFormSubmission,
} from '../FormDialog';
import { AdrReferenceField } from '../ReviewDialog';
import { reviewKindTitle } from '../ReviewStatusChip';

/** The kind a request starts with: most requests ask the council to look at a design. */
const DEFAULT_KIND = 'design-review';

/** Props for {@link RequestReviewDialog}. */
export interface RequestReviewDialogProps {
  /** The entity to review, as a full entity ref. */
  entityRef: string;
  /** Called when the user cancels, and after the review was requested. */
  onClose: () => void;
  /** Called once the review was requested, so the list can reload. */
  onRequested: () => void;
}

/**
 * Asks the architecture council to review the entity: which kind of review, a title, and
 * optionally a description and the ADR under discussion. Mount it to open it empty.
 */
export function RequestReviewDialog(props: RequestReviewDialogProps) {
  const { entityRef, onClose, onRequested } = props;
  const governanceApi = useApi(governanceApiRef);
  const { kinds } = useReviewKinds();
  const [kind, setKind] = useState<string>();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [adr, setAdr] = useState('');

  // Until the user picks one: design review when the backend offers it, else its first kind.
  const selectedKind =
    kind ??
    (kinds.some(k => k.id === DEFAULT_KIND) ? DEFAULT_KIND : kinds[0]?.id) ??
    DEFAULT_KIND;
  const form = useFormSubmission({
    problems: {
      title: title.trim()
        ? undefined
        : 'Give the review a title: what should the council look at?',
    },
    send: async () => {
      await governanceApi.requestReview({
        entityRef,
        kind: selectedKind,
        title: title.trim(),
        description: description.trim() || undefined,
        adr: adr.trim() || undefined,
      });
      onRequested();
      onClose();
    },
    failure: 'The review was not requested.',
  });
  const { shown, submitting } = form;
  const idPrefix = 'governance-request-review';

  return (
    <FormDialog
      {...form.dialogProps}
      title="Request a review"
      idPrefix={idPrefix}
      intro="The architecture council triages requests in its review queue and records its decision here, with a rationale."
      errorTestId="governance-request-review-error"
      submitLabel="Request"
      onCancel={onClose}
    >
      <FormSelectField
        id={`${idPrefix}-kind`}
        label="Kind"
        value={selectedKind}
        onChange={setKind}
        options={kinds.map(k => k.id)}
        optionLabel={id => reviewKindTitle(kinds, id)}
        fullWidth
      />
      <FormTextField
        id={`${idPrefix}-title-field`}
        label="Title"
        value={title}
        onChange={e => setTitle(e.target.value)}
        required
        fullWidth
        problem={shown.title}
      />
      <FormTextArea
        optional
        id={`${idPrefix}-description`}
        label="Description"
        value={description}
        onChange={setDescription}
        hint="What changes, why, and what the council should weigh."
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
