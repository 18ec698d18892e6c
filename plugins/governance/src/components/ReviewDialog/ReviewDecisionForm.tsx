import {
  REVIEW_DECISIONS,
  REVIEW_TRANSITIONS,
  ReviewDecisionOutcome,
  ReviewItem,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import { FormDialog, FormTextField, useFormSubmission } from '../FormDialog';
import { REVIEW_DECISION_ACTIONS } from '../ReviewStatusChip';
import { AdrReferenceField } from './AdrReferenceField';
import { ReviewChange } from './ReviewTriageForm';

/** The decisions the item's status allows, in the order the council weighs them. */
export function allowedDecisions(item: ReviewItem): ReviewDecisionOutcome[] {
  return REVIEW_DECISIONS.filter(decision =>
    REVIEW_TRANSITIONS[item.status].includes(decision),
  );
}

/** Props for {@link ReviewDecisionForm}. */
export interface ReviewDecisionFormProps {
  item: ReviewItem;
  busy: boolean;
  /** Sends the decision; resolves to whether it was recorded. */
  onDecide: (change: ReviewChange) => Promise<boolean>;
}

/**
 * The council's decision on an item: approve, reject or request changes, always with a
 * rationale, and optionally the ADR that records it.
 */
export function ReviewDecisionForm(props: ReviewDecisionFormProps) {
  const { item, busy, onDecide } = props;
  const decisions = allowedDecisions(item);
  const [decision, setDecision] = useState<ReviewDecisionOutcome | ''>('');
  const [rationale, setRationale] = useState('');
  const [adr, setAdr] = useState('');
  // The dialog shows why a decision was not recorded; this form only keeps what was entered.
  const { shown, submit } = useFormSubmission({
    problems: {
      decision: decision ? undefined : 'Choose a decision.',
      rationale: rationale.trim()
        ? undefined
        : 'Explain the decision: the requester and later readers rely on it.',
    },
    send: () =>
      onDecide({
        status: decision as ReviewDecisionOutcome,
        rationale: rationale.trim(),
        decisionAdr: adr.trim() || undefined,
      }),
  });

  const idPrefix = `governance-review-decision-${item.id}`;
  return (
    <FormDialog
      inline
      title="Decide"
      submitLabel="Record decision"
      busy={busy}
      onSubmit={submit}
    >
      <FormTextField
        id={`${idPrefix}-outcome`}
        label="Decision"
        select
        SelectProps={{ native: true }}
        value={decision}
        onChange={e => setDecision(e.target.value as ReviewDecisionOutcome)}
        margin="dense"
        InputLabelProps={{ shrink: true }}
        error={!!shown.decision}
        helperText={shown.decision}
      >
        <option value="" disabled>
          Choose…
        </option>
        {decisions.map(value => (
          <option key={value} value={value}>
            {REVIEW_DECISION_ACTIONS[value]}
          </option>
        ))}
      </FormTextField>
      <FormTextField
        id={`${idPrefix}-rationale`}
        label="Rationale"
        value={rationale}
        onChange={e => setRationale(e.target.value)}
        required
        multiline
        minRows={3}
        fullWidth
        error={!!shown.rationale}
        helperText={
          shown.rationale ?? 'Why the council decided so; shown with the item.'
        }
      />
      <AdrReferenceField
        id={`${idPrefix}-adr`}
        label="Decision ADR"
        entityRef={item.entityRef}
        value={adr}
        onChange={setAdr}
        disabled={busy}
      />
    </FormDialog>
  );
}
