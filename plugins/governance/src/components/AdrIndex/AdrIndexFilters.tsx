import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import {
  ADR_STATUSES,
  AdrIndexQuery,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode, useEffect, useRef, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { OwnerPicker } from '../OwnerPicker';
import {
  ADR_CONCERNS,
  AdrIndexFilterChange,
  AdrIndexFilterName,
  RETROSPECTIVE_FILTER_STATES,
} from './useAdrIndexState';

/** How long typing pauses before the index asks the backend again. */
const DEBOUNCE_MS = 400;

const RETROSPECTIVE_LABELS: Record<string, string> = {
  due: 'due',
  overdue: 'overdue',
  'not-due': 'not yet due',
  recorded: 'recorded',
};

const CONCERN_LABELS: Record<string, string> = {
  'no-successor': 'superseded, no successor found',
  stale: 'stale, no retrospective',
};

/**
 * A text field that applies its value once typing pauses, and follows the value it is given
 * when that changes from elsewhere (the back button, Clear filters).
 */
/** The row a list's filters sit in, wrapping on narrow screens. */
export function FilterBar(props: {
  testId: string;
  alignItems?: 'center' | 'flex-start';
  children: ReactNode;
}) {
  const { testId, alignItems = 'center', children } = props;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems={alignItems}
      style={{ gap: 16 }}
      mb={2}
      data-testid={testId}
    >
      {children}
    </Box>
  );
}

function DebouncedTextField(props: {
  id: string;
  label: string;
  value?: string;
  placeholder?: string;
  helperText?: string;
  onCommit: (value: string) => void;
}) {
  const { id, label, value = '', placeholder, helperText, onCommit } = props;
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setDraft(value);
    }
  }, [value]);

  useDebounce(
    () => {
      const next = draft.trim();
      if (next !== committed.current) {
        committed.current = next;
        onCommit(next);
      }
    },
    DEBOUNCE_MS,
    [draft],
  );

  return (
    <TextField
      id={id}
      label={label}
      value={draft}
      onChange={e => setDraft(e.target.value)}
      placeholder={placeholder}
      helperText={helperText}
      size="small"
      variant="outlined"
      InputLabelProps={{ shrink: true }}
    />
  );
}

/** A select of several values with a checkbox each; nothing selected reads as "any". */
export function MultiSelect<T extends string>(props: {
  id: string;
  label: string;
  options: readonly T[];
  labels?: Record<string, string>;
  value: T[];
  onChange: (value: T[]) => void;
}) {
  const { id, label, options, labels = {}, value, onChange } = props;
  const labelId = `${id}-label`;
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 180 }}>
      <InputLabel id={labelId} shrink>
        {label}
      </InputLabel>
      <Select
        id={id}
        labelId={labelId}
        multiple
        displayEmpty
        input={<OutlinedInput notched label={label} />}
        value={value}
        onChange={e => onChange(e.target.value as T[])}
        renderValue={selected =>
          (selected as T[]).length === 0
            ? 'any'
            : (selected as T[]).map(v => labels[v] ?? v).join(', ')
        }
      >
        {options.map(option => (
          <MenuItem key={option} value={option}>
            <Checkbox
              checked={value.includes(option)}
              size="small"
              color="primary"
            />
            <ListItemText primary={labels[option] ?? option} />
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Props for {@link AdrIndexFilters}. */
export interface AdrIndexFiltersProps {
  query: AdrIndexQuery;
  /** The filters to offer. */
  filters: AdrIndexFilterName[];
  filtered: boolean;
  onChange: (
    change: AdrIndexFilterChange,
    options?: { replace?: boolean },
  ) => void;
  onClear: () => void;
}

/** One end of the range of decision dates, bounded by the other end. */
function DateFilter(props: {
  end: 'from' | 'to';
  query: AdrIndexQuery;
  onChange: AdrIndexFiltersProps['onChange'];
}) {
  const { end, query, onChange } = props;
  const from = end === 'from';
  return (
    <TextField
      id={`governance-adr-index-${end}`}
      label={from ? 'Decided from' : 'Decided until'}
      type="date"
      value={query[end] ?? ''}
      onChange={e =>
        onChange(from ? { from: e.target.value } : { to: e.target.value })
      }
      size="small"
      variant="outlined"
      InputLabelProps={{ shrink: true }}
      inputProps={from ? { max: query.to } : { min: query.from }}
    />
  );
}

/**
 * The filters above the ADR index: title search, status, owner, system, dates, retrospective, and
 * decisions that need attention.
 */
export function AdrIndexFilters(props: AdrIndexFiltersProps) {
  const { query, filters, filtered, onChange, onClear } = props;
  const offers = (name: AdrIndexFilterName) => filters.includes(name);
  // Typing replaces the history entry; picking a value adds one.
  const typed = (name: 'q' | 'system') => (value: string) =>
    onChange({ [name]: value }, { replace: true });

  // The filters that pick any of a few values, each with its query key.
  const pick = (
    name: 'status' | 'retrospective' | 'concern',
    label: string,
    options: readonly string[],
    labels?: Record<string, string>,
  ) =>
    offers(name) && (
      <MultiSelect
        id={`governance-adr-index-${name}`}
        label={label}
        options={options}
        labels={labels}
        value={query[name] ?? []}
        // The options are the values the filter allows.
        onChange={value => onChange({ [name]: value } as AdrIndexFilterChange)}
      />
    );

  return (
    <FilterBar testId="governance-adr-index-filters" alignItems="flex-start">
      {offers('q') && (
        <DebouncedTextField
          id="governance-adr-index-q"
          label="Title contains"
          value={query.q}
          onCommit={typed('q')}
        />
      )}
      {pick('status', 'Status', ADR_STATUSES)}
      {offers('owner') && (
        <OwnerPicker
          id="governance-adr-index-owner"
          value={query.owner}
          onChange={owner => onChange({ owner })}
        />
      )}
      {offers('system') && (
        <DebouncedTextField
          id="governance-adr-index-system"
          label="System"
          placeholder="system:default/checkout"
          value={query.system}
          onCommit={typed('system')}
        />
      )}
      {offers('from') && (
        <DateFilter end="from" query={query} onChange={onChange} />
      )}
      {offers('to') && (
        <DateFilter end="to" query={query} onChange={onChange} />
      )}
      {pick(
        'retrospective',
        'Retrospective',
        RETROSPECTIVE_FILTER_STATES,
        RETROSPECTIVE_LABELS,
      )}
      {pick('concern', 'Needs attention', ADR_CONCERNS, CONCERN_LABELS)}
      {filtered && (
        <Button
          size="small"
          color="primary"
          onClick={onClear}
          style={{ alignSelf: 'center' }}
        >
          Clear filters
        </Button>
      )}
    </FilterBar>
  );
}
