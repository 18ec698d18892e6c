import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import {
  CreateRetrospectiveRequest,
  RETROSPECTIVE_OUTCOMES,
  RetrospectiveOutcome,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import { governanceApiRef } from '../../api';
import { isCalendarDay, utcToday } from '../../lib/days';
import { reasonOf, statusOf } from '../../lib/describeError';
import {
  FormDialog,
  FormTextArea,
  FormTextField,
  useFormSubmission,
} from '../FormDialog';

const OUTCOME_LABELS: Record<RetrospectiveOutcome, string> = {
  keep: 'Keep: the decision holds',
  revise: 'Revise: the decision needs changes',
  supersede: 'Supersede: a new decision replaces it',
};

function validate(request: CreateRetrospectiveRequest, today: string) {
  const problems: { date?: string; notes?: string } = {};
  if (!isCalendarDay(request.date)) {
    problems.date = 'Choose the day the retrospective was held.';
  } else if (request.date > today) {
    problems.date = 'A retrospective cannot be held in the future.';
  }
  if (!request.notes.trim()) {
    problems.notes = 'Write down what the retrospective found.';
  }
  return problems;
}

function failureMessage(error: Error): string {
  if (statusOf(error) === 403) {
    return `You are not allowed to record retrospectives of this ADR (${reasonOf(
      error,
    )}).`;
  }
  return `The retrospective was not recorded: ${reasonOf(error)}`;
}

/** Props for {@link RetrospectiveForm}. */
export interface RetrospectiveFormProps {
  adrId: string;
  onCancel: () => void;
  /** Called once the retrospective was recorded. */
  onRecorded: () => void;
}

/**
 * Records a retrospective of an ADR: when it was held (today unless changed), its outcome and
 * notes. A refusal or rejected input shows its reason in place, keeping what was entered.
 */
export function RetrospectiveForm(props: RetrospectiveFormProps) {
  const { adrId, onCancel, onRecorded } = props;
  const governanceApi = useApi(governanceApiRef);
  const [today] = useState(utcToday);
  const [date, setDate] = useState(today);
  const [outcome, setOutcome] = useState<RetrospectiveOutcome>('keep');
  const [notes, setNotes] = useState('');

  const request = { date, outcome, notes: notes.trim() };
  const form = useFormSubmission({
    problems: validate(request, today),
    send: async () => {
      await governanceApi.createRetrospective(adrId, request);
      onRecorded();
    },
  });
  const { shown, submitting } = form;

  return (
    <FormDialog
      inline
      title="Record retrospective"
      error={form.error && failureMessage(form.error)}
      errorTestId="governance-retrospective-error"
      submitLabel="Save retrospective"
      busyLabel="Recording…"
      busy={submitting}
      onSubmit={form.submit}
      onCancel={onCancel}
    >
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        <FormTextField
          id={`governance-retrospective-date-${adrId}`}
          label="Held on"
          type="date"
          value={date}
          onChange={e => setDate(e.target.value)}
          required
          InputLabelProps={{ shrink: true }}
          inputProps={{ max: today }}
          error={!!shown.date}
          helperText={shown.date}
        />
        <FormTextField
          id={`governance-retrospective-outcome-${adrId}`}
          label="Outcome"
          select
          SelectProps={{ native: true }}
          value={outcome}
          onChange={e => setOutcome(e.target.value as RetrospectiveOutcome)}
          required
        >
          {RETROSPECTIVE_OUTCOMES.map(value => (
            <option key={value} value={value}>
              {OUTCOME_LABELS[value]}
            </option>
          ))}
        </FormTextField>
      </Box>
      <FormTextArea
        id={`governance-retrospective-notes-${adrId}`}
        label="Notes"
        value={notes}
        onChange={setNotes}
        problem={shown.notes}
        hint="What the decision did, measured against what it set out to do."
      />
    </FormDialog>
  );
}
