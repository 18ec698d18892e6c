import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  isReviewDecision,
  REVIEW_PRIORITIES,
  REVIEW_TRANSITIONS,
  ReviewItem,
  ReviewPriority,
  ReviewStatus,
  ReviewUpdate,
} from '@catalog-governance/backstage-plugin-governance-common';
import { useState } from 'react';
import {
  FormDialog,
  FormSelectField,
  FormTextField,
  useFormSubmission,
} from '../FormDialog';
import { UserPicker } from '../UserPicker';
import {
  REVIEW_PRIORITY_LABELS,
  REVIEW_STATUS_LABELS,
} from '../ReviewStatusChip';

/** The fields of an update, without the version the dialog adds. */
export type ReviewChange = Omit<ReviewUpdate, 'version'>;

/**
 * The assignee as a full entity ref; a bare name is a user in the default namespace, the way
 * people write `jane.doe`. Undefined when it is not an entity ref at all.
 */
export function normalizeAssignee(value: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'user',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * The statuses triage may move the item to, current first: every allowed move that is not a
 * decision. Decisions need a rationale and go through the decision form.
 */
export function triageStatuses(status: ReviewStatus): ReviewStatus[] {
  return [
    status,
    // Resolving has its own button, on items whose cause has cleared.
    ...REVIEW_TRANSITIONS[status].filter(
      next => !isReviewDecision(next) && next !== 'resolved',
    ),
  ];
}

/** Props for {@link ReviewTriageForm}. */
export interface ReviewTriageFormProps {
  item: ReviewItem;
  /** The signed-in user, for Assign to me; the button waits for it. */
  userEntityRef?: string;
  busy: boolean;
  /** Sends the changed fields; resolves to whether they were saved. */
  onSave: (change: ReviewChange) => Promise<boolean>;
}

/**
 * Triage of one item: who works it, how urgent it is, when it is due, and whether it is open or
 * in review. Save sends only what changed.
 */
export function ReviewTriageForm(props: ReviewTriageFormProps) {
  const { item, userEntityRef, busy, onSave } = props;
  const [assignee, setAssignee] = useState(item.assignee ?? '');
  const [priority, setPriority] = useState<ReviewPriority>(item.priority);
  const [dueDate, setDueDate] = useState(item.dueDate ?? '');
  const [status, setStatus] = useState<ReviewStatus>(item.status);

  const typedAssignee = assignee.trim();
  const normalizedAssignee = typedAssignee
    ? normalizeAssignee(typedAssignee)
    : '';
  const assigneeProblem =
    normalizedAssignee === undefined
      ? 'Pick a user from the list, or leave it empty.'
      : undefined;

  const change: ReviewChange = {};
  if (normalizedAssignee !== undefined) {
    if (normalizedAssignee !== (item.assignee ?? '')) {
      change.assignee = normalizedAssignee || null;
    }
  }
  if (priority !== item.priority) {
    change.priority = priority;
  }
  if (dueDate !== (item.dueDate ?? '')) {
    change.dueDate = dueDate || null;
  }
  if (status !== item.status) {
    change.status = status;
  }
  const changed =
    Object.keys(change).length > 0 || typedAssignee !== (item.assignee ?? '');

  // The dialog shows why a change was not saved; this form only keeps what was entered.
  const { shown, submit } = useFormSubmission({
    problems: {
      assignee: assigneeProblem,
      unchanged:
        Object.keys(change).length === 0 ? 'Nothing to save.' : undefined,
    },
    send: () => onSave(change),
  });

  const idPrefix = `governance-review-triage-${item.id}`;
  return (
    <FormDialog
      inline
      title="Triage"
      submitLabel="Save"
      busy={busy}
      canSubmit={changed}
      onSubmit={submit}
    >
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <UserPicker
          id={`${idPrefix}-assignee`}
          label="Assignee"
          value={assignee || undefined}
          onChange={next => setAssignee(next ?? '')}
          disabled={busy}
          error={shown.assignee}
          helperText="Leave empty to unassign."
        />
        <Button
          size="small"
          variant="outlined"
          disabled={busy || !userEntityRef}
          onClick={() => userEntityRef && setAssignee(userEntityRef)}
        >
          Assign to me
        </Button>
      </Box>
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        <FormSelectField
          id={`${idPrefix}-priority`}
          label="Priority"
          value={priority}
          onChange={setPriority}
          options={REVIEW_PRIORITIES}
          optionLabel={value => REVIEW_PRIORITY_LABELS[value]}
          margin="dense"
        />
        <FormTextField
          id={`${idPrefix}-due`}
          label="Due date"
          type="date"
          value={dueDate}
          onChange={e => setDueDate(e.target.value)}
          margin="dense"
          InputLabelProps={{ shrink: true }}
        />
        <FormSelectField
          id={`${idPrefix}-status`}
          label="Status"
          value={status}
          onChange={setStatus}
          options={triageStatuses(item.status)}
          optionLabel={value => REVIEW_STATUS_LABELS[value]}
          margin="dense"
        />
      </Box>
    </FormDialog>
  );
}
