import {
  EntityDisplayName,
  EntityRefLink,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  isReviewDecision,
  REVIEW_PRIORITIES,
  REVIEW_STATUSES,
  ReviewComment,
  ReviewFieldChange,
  ReviewHistoryEntry,
  ReviewPriority,
  ReviewStatus,
  reviewTriggerOfActor,
  reviewTriggerTitle,
} from '@catalog-governance/backstage-plugin-governance-common';
import { FormEvent, ReactNode, useState } from 'react';
import { formatDateTime } from '../EntityGovernanceContent/formatDate';
import { FormTextArea } from '../FormDialog';
import {
  REVIEW_PRIORITY_LABELS,
  REVIEW_STATUS_LABELS,
  ReviewAdrLink,
} from '../ReviewStatusChip';

/** Props for {@link ReviewDiscussion}. */
export interface ReviewDiscussionProps {
  reviewId: string;
  comments: ReviewComment[];
  busy: boolean;
  /** Posts the comment; resolves to whether it was added, which clears the field. */
  onComment: (body: string) => Promise<boolean>;
}

/** The item's comments, oldest first, and a field to add one. */
export function ReviewDiscussion(props: ReviewDiscussionProps) {
  const { reviewId, comments, busy, onComment } = props;
  const [body, setBody] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      return;
    }
    if (await onComment(body.trim())) {
      setBody('');
    }
  };

  return (
    <>
      <ReviewTimeline
        label="Comments"
        empty="No comments yet."
        testIdPrefix="governance-review-comment"
        entries={comments}
        primary={comment => (
          <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }}>
            {comment.body}
          </Typography>
        )}
        secondary={comment => (
          <>
            <EntityRefLink entityRef={comment.author} />,{' '}
            {formatDateTime(comment.createdAt)}
          </>
        )}
      />
      <form noValidate onSubmit={submit} aria-label="Add comment">
        <FormTextArea
          optional
          minRows={2}
          id={`governance-review-comment-${reviewId}`}
          label="Comment"
          value={body}
          onChange={setBody}
          disabled={busy}
        />
        <Box display="flex" justifyContent="flex-end">
          <Button
            type="submit"
            variant="outlined"
            color="primary"
            disabled={busy || !body.trim()}
          >
            Add comment
          </Button>
        </Box>
      </form>
    </>
  );
}

const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  priority: 'Priority',
  assignee: 'Assignee',
  dueDate: 'Due date',
  rationale: 'Rationale',
  decisionAdr: 'Decision ADR',
  chosenOption: 'Chosen option',
  tradeOff: 'Trade-off matrix',
  tradeOffOutcomes: 'What happened',
  recordedAdr: 'Recorded as',
  adr: 'Linked ADR',
  title: 'Title',
  description: 'Description',
  kind: 'Kind',
  causeCleared: 'Cause',
};

const CAUSE_CLEARED_VALUES: Record<string, string> = {
  closed: 'cleared, closed as resolved',
  marked: 'cleared, left for the council to close',
};

/** A value of the history in words: statuses and priorities as the rest of the dialog says them. */
function historyValue(field: string, value: string | null): string {
  if (field === 'causeCleared') {
    return value ? CAUSE_CLEARED_VALUES[value] ?? value : 'holding';
  }
  if (value === null || value === '') {
    return 'none';
  }
  if (
    field === 'status' &&
    (REVIEW_STATUSES as readonly string[]).includes(value)
  ) {
    return REVIEW_STATUS_LABELS[value as ReviewStatus];
  }
  if (
    field === 'priority' &&
    (REVIEW_PRIORITIES as readonly string[]).includes(value)
  ) {
    return REVIEW_PRIORITY_LABELS[value as ReviewPriority];
  }
  return value;
}

/** A value of the history; a person (the assignee) by name, an ADR by number and title. */
function HistoryValue(props: { field: string; value: string | null }) {
  const { field, value } = props;
  if (field === 'assignee' && value) {
    return <EntityDisplayName entityRef={value} hideIcon disableTooltip />;
  }
  if ((field === 'adr' || field === 'decisionAdr') && value) {
    return <ReviewAdrLink adr={value} />;
  }
  return <>{historyValue(field, value)}</>;
}

function ChangeText(props: { change: ReviewFieldChange }) {
  const { field, from, to } = props.change;
  return (
    <>
      {FIELD_LABELS[field] ?? field}:{' '}
      <HistoryValue field={field} value={from} /> →{' '}
      <HistoryValue field={field} value={to} />
    </>
  );
}

function actionText(entry: ReviewHistoryEntry): string {
  switch (entry.action) {
    case 'created':
      return reviewTriggerOfActor(entry.actor)
        ? 'raised the review'
        : 'requested the review';
    case 'commented':
      return 'commented';
    case 'cause-cleared':
      return 'no longer sees the cause';
    case 'adr-recorded':
      return `found ${
        entry.changes.find(c => c.field === 'recordedAdr')?.to ?? 'the ADR'
      } recorded`;
    default: {
      const status = entry.changes.find(c => c.field === 'status')?.to;
      return status && isReviewDecision(status as ReviewStatus)
        ? 'decided'
        : 'changed';
    }
  }
}

/** A person by name, or an escalation trigger in words (triggers write `trigger:<id>`). */
function ReviewActor(props: { actor: string }) {
  const trigger = reviewTriggerOfActor(props.actor);
  if (trigger) {
    return <>The “{reviewTriggerTitle(trigger)}” trigger</>;
  }
  // The backend's ADR ingestion, which links an ADR that names its review item.
  if (props.actor === 'plugin:governance/adr-ingestion') {
    return <>The ADR reading</>;
  }
  return <EntityRefLink entityRef={props.actor} />;
}

/** Props for {@link ReviewHistory}. */
export interface ReviewHistoryProps {
  history: ReviewHistoryEntry[];
}

/** Who changed what when, oldest first, each field from its old value to its new one. */
export function ReviewHistory(props: ReviewHistoryProps) {
  return (
    <ReviewTimeline
      label="History"
      empty="Nothing recorded yet."
      testIdPrefix="governance-review-history"
      entries={props.history}
      primary={entry => (
        <>
          <ReviewActor actor={entry.actor} /> {actionText(entry)},{' '}
          {formatDateTime(entry.at)}
        </>
      )}
      secondary={entry =>
        entry.changes.length > 0 ? (
          <Box component="span" display="block">
            {entry.changes.map(change => (
              <Box component="span" display="block" key={change.field}>
                <ChangeText change={change} />
              </Box>
            ))}
          </Box>
        ) : undefined
      }
    />
  );
}

/** The comments and the history alike: entries oldest first, each testable by its id. */
function ReviewTimeline<T extends { id: string }>(props: {
  label: string;
  /** Said instead of an empty list. */
  empty: string;
  testIdPrefix: string;
  entries: T[];
  primary: (entry: T) => ReactNode;
  secondary: (entry: T) => ReactNode;
}) {
  const { label, empty, testIdPrefix, entries, primary, secondary } = props;
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {empty}
      </Typography>
    );
  }
  return (
    <List dense aria-label={label} disablePadding>
      {entries.map(entry => (
        <ListItem
          key={entry.id}
          disableGutters
          data-testid={`${testIdPrefix}-${entry.id}`}
        >
          <ListItemText primary={primary(entry)} secondary={secondary(entry)} />
        </ListItem>
      ))}
    </List>
  );
}
