import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import {
  CreateRetrospectiveRequest,
  RETROSPECTIVE_OUTCOMES,
  RetrospectiveOutcome,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode, useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { governanceApiRef } from '../../api';
import { TradeOffRetrospective } from './TradeOffRetrospective';
import { isCalendarDay, utcToday } from '../../lib/days';
import { reasonOf, statusOf } from '../../lib/describeError';
import {
  FormDialog,
  FormSelectField,
  FormTextArea,
  FormTextField,
  useFormSubmission,
} from '../FormDialog';
import { impactSummary } from './impactFormat';
import { RETROSPECTIVE_OUTCOME_HINTS } from './RetrospectiveOutcomeLabel';

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
  /** More sections, shown after lessons, e.g. how the chosen option compares with its matrix. */
  children?: ReactNode;
}

/**
 * Records a retrospective of an ADR: when it was held (today unless changed), its outcome, notes
 * prefilled with the decision's measured impact, and lessons. A refusal or rejected input shows
 * its reason in place, keeping what was entered.
 */
export function RetrospectiveForm(props: RetrospectiveFormProps) {
  const { adrId, onCancel, onRecorded } = props;
  const governanceApi = useApi(governanceApiRef);
  const [today] = useState(utcToday);
  const [date, setDate] = useState(today);
  const [outcome, setOutcome] = useState<RetrospectiveOutcome>('validated');
  const [notes, setNotes] = useState('');
  const [notesEdited, setNotesEdited] = useState(false);
  const [lessons, setLessons] = useState('');
  // The numbers the impact view shows; a failure to load them leaves the notes empty.
  const { value: impact } = useAsync(
    () => governanceApi.getAdrImpact(adrId).catch(() => undefined),
    [governanceApi, adrId],
  );
  useEffect(() => {
    const summary = impact ? impactSummary(impact.metrics) : '';
    if (summary && !notesEdited) {
      setNotes(`Measured impact:\n${summary}\n`);
    }
  }, [impact, notesEdited]);

  const request = {
    date,
    outcome,
    notes: notes.trim(),
    ...(lessons.trim() && { lessons: lessons.trim() }),
  };
  const form = useFormSubmission({
    problems: validate(request, today),
    send: async () => {
      await governanceApi.createRetrospective(adrId, request);
      onRecorded();
    },
    failure: failureMessage,
  });
  const { shown } = form;

  return (
    <FormDialog
      {...form.dialogProps}
      inline
      title="Record retrospective"
      errorTestId="governance-retrospective-error"
      submitLabel="Save retrospective"
      busyLabel="Recording…"
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
          problem={shown.date}
        />
        <FormSelectField
          id={`governance-retrospective-outcome-${adrId}`}
          label="Outcome"
          value={outcome}
          onChange={setOutcome}
          options={RETROSPECTIVE_OUTCOMES}
          optionLabel={value => RETROSPECTIVE_OUTCOME_HINTS[value]}
          required
        />
      </Box>
      <TradeOffRetrospective adrId={adrId} />
      <FormTextArea
        id={`governance-retrospective-notes-${adrId}`}
        label="Notes"
        value={notes}
        onChange={value => {
          setNotesEdited(true);
          setNotes(value);
        }}
        problem={shown.notes}
        hint="What the decision did, measured against what it set out to do."
      />
      <FormTextArea
        optional
        minRows={2}
        id={`governance-retrospective-lessons-${adrId}`}
        label="Lessons"
        value={lessons}
        onChange={setLessons}
        hint="What to do differently next time."
      />
      {props.children}
    </FormDialog>
  );
}
