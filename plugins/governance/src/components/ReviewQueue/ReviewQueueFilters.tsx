import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import {
  REVIEW_PRIORITIES,
  REVIEW_STATUSES,
  ReviewKind,
} from '@catalog-governance/backstage-plugin-governance-common';
import { MultiSelect } from '../AdrIndex/AdrIndexFilters';
import {
  REVIEW_PRIORITY_LABELS,
  REVIEW_STATUS_LABELS,
} from '../ReviewStatusChip';
import {
  AssigneeFilter,
  ReviewQueueFilterChange,
  ReviewQueueState,
} from './useReviewQueueState';

const ASSIGNEE_LABELS: Record<AssigneeFilter, string> = {
  anyone: 'Anyone',
  me: 'Assigned to me',
  unassigned: 'Unassigned',
};

/** Props for {@link ReviewQueueFilters}. */
export interface ReviewQueueFiltersProps {
  state: ReviewQueueState;
  kinds: ReviewKind[];
  /** Whether the filters differ from the queue's defaults. */
  filtered: boolean;
  onChange: (change: ReviewQueueFilterChange) => void;
  onReset: () => void;
}

/** The filters above the review queue: status, kind, priority, assignee and overdue items. */
export function ReviewQueueFilters(props: ReviewQueueFiltersProps) {
  const { state, kinds, filtered, onChange, onReset } = props;
  const kindLabels = Object.fromEntries(kinds.map(k => [k.id, k.title]));
  // A kind in the URL that the settings do not know still shows, so it can be cleared.
  const kindOptions = [
    ...kinds.map(k => k.id),
    ...state.kind.filter(id => !kinds.some(k => k.id === id)),
  ];

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 16 }}
      mb={2}
      data-testid="governance-review-queue-filters"
    >
      <MultiSelect
        id="governance-review-queue-status"
        label="Status"
        options={REVIEW_STATUSES}
        labels={REVIEW_STATUS_LABELS}
        value={state.status}
        onChange={status => onChange({ status })}
      />
      <MultiSelect
        id="governance-review-queue-kind"
        label="Kind"
        options={kindOptions}
        labels={kindLabels}
        value={state.kind}
        onChange={kind => onChange({ kind })}
      />
      <MultiSelect
        id="governance-review-queue-priority"
        label="Priority"
        options={REVIEW_PRIORITIES}
        labels={REVIEW_PRIORITY_LABELS}
        value={state.priority}
        onChange={priority => onChange({ priority })}
      />
      <TextField
        id="governance-review-queue-assignee"
        label="Assignee"
        select
        SelectProps={{ native: true }}
        value={state.assignee}
        onChange={e => onChange({ assignee: e.target.value as AssigneeFilter })}
        size="small"
        variant="outlined"
        InputLabelProps={{ shrink: true }}
      >
        {(Object.keys(ASSIGNEE_LABELS) as AssigneeFilter[]).map(value => (
          <option key={value} value={value}>
            {ASSIGNEE_LABELS[value]}
          </option>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Switch
            color="primary"
            checked={state.overdue}
            onChange={e => onChange({ overdue: e.target.checked })}
          />
        }
        label="Overdue only"
      />
      {filtered && (
        <Button size="small" color="primary" onClick={onReset}>
          Reset filters
        </Button>
      )}
    </Box>
  );
}
