import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import {
  REVIEW_PRIORITIES,
  REVIEW_STATUSES,
  ReviewKind,
} from '@catalog-governance/backstage-plugin-governance-common';
import { FilterBar, MultiSelect } from '../AdrIndex/AdrIndexFilters';
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

  // The filters that pick any of a few values, each with its key in the URL.
  const pick = (
    name: 'status' | 'kind' | 'priority',
    label: string,
    options: readonly string[],
    labels: Record<string, string>,
  ) => (
    <MultiSelect<string>
      id={`governance-review-queue-${name}`}
      label={label}
      options={options}
      labels={labels}
      value={state[name]}
      // The options are the values the filter allows.
      onChange={value => onChange({ [name]: value } as ReviewQueueFilterChange)}
    />
  );

  return (
    <FilterBar testId="governance-review-queue-filters">
      {pick('status', 'Status', REVIEW_STATUSES, REVIEW_STATUS_LABELS)}
      {pick('kind', 'Kind', kindOptions, kindLabels)}
      {pick('priority', 'Priority', REVIEW_PRIORITIES, REVIEW_PRIORITY_LABELS)}
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
    </FilterBar>
  );
}
