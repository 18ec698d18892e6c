import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import {
  REVIEW_DECISIONS,
  REVIEW_TRANSITIONS,
  ReviewDecisionOutcome,
  ReviewItem,
} from '@catalog-governance/backstage-plugin-governance-common';
import { FormEvent, useState } from 'react';
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
  const [attempted, setAttempted] = useState(false);

  const problems: { decision?: string; rationale?: string } = {
    decision: decision ? undefined : 'Choose a decision.',
    rationale: rationale.trim()
      ? undefined
      : 'Explain the decision: the requester and later readers rely on it.',
  };
  const shown: typeof problems = attempted ? problems : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!decision || problems.rationale) {
      return;
    }
    await onDecide({
      status: decision,
      rationale: rationale.trim(),
      decisionAdr: adr.trim() || undefined,
    });
  };

  const idPrefix = `governance-review-decision-${item.id}`;
  return (
    <form noValidate onSubmit={submit} aria-label="Decide">
      <TextField
        id={`${idPrefix}-outcome`}
        label="Decision"
        select
        SelectProps={{ native: true }}
        value={decision}
        onChange={e => setDecision(e.target.value as ReviewDecisionOutcome)}
        margin="dense"
        variant="outlined"
        disabled={busy}
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
      </TextField>
      <TextField
        id={`${idPrefix}-rationale`}
        label="Rationale"
        value={rationale}
        onChange={e => setRationale(e.target.value)}
        required
        multiline
        minRows={3}
        fullWidth
        margin="normal"
        variant="outlined"
        disabled={busy}
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
      <Box display="flex" justifyContent="flex-end" mt={1}>
        <Button
          type="submit"
          color="primary"
          variant="contained"
          disabled={busy}
        >
          Record decision
        </Button>
      </Box>
    </form>
  );
}
