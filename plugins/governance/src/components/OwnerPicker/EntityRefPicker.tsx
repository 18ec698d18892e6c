import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { CSSProperties, FocusEvent, ReactNode, useMemo, useState } from 'react';
import {
  matchOwners,
  ownerLabel,
  OwnerOption,
  ownerSecondaryLabel,
} from './matchOwners';

/** The options a picker offers, as a `useAsync` hook loads them. */
export interface EntityRefOptionsState {
  value?: OwnerOption[];
  loading: boolean;
  error?: Error;
}

/** Props for {@link EntityRefPicker}. */
export interface EntityRefPickerProps {
  id: string;
  label: string;
  placeholder: string;
  /** The picked entity's ref; or text that named no entity the catalog knows. */
  value?: string;
  /** Called with the entity's ref (or the text as typed), or `undefined` once cleared. */
  onChange: (entityRef: string | undefined) => void;
  options: EntityRefOptionsState;
  /** Shown under the field when the value names no option. */
  unknownText: string;
  /** Shown under the field otherwise. */
  helperText?: ReactNode;
  /** A problem the form found with the value, shown instead of the helper text. */
  error?: string;
  disabled?: boolean;
  margin?: 'dense' | 'none';
  style?: CSSProperties;
}

/**
 * Picks a catalog entity by name as people type it (see matchOwners): the list narrows as they
 * type; Enter or leaving the field takes the best match that can be picked. Options may come in
 * groups (`group`), kept in their order while filtering, and may be shown but not picked
 * (`disabledReason`). Text that matches nothing is kept as it is, so the picker still works
 * when the catalog cannot be asked.
 */
export function EntityRefPicker(props: EntityRefPickerProps) {
  const { id, label, placeholder, value, onChange, unknownText } = props;
  const { value: options, loading, error } = props.options;
  const selected = useMemo(
    () => (value ? options?.find(o => o.ref === value) ?? value : null),
    [options, value],
  );
  const groupOrder = useMemo(
    () => [...new Set((options ?? []).map(o => o.group ?? ''))],
    [options],
  );
  const grouped = groupOrder.some(Boolean);
  const [inputValue, setInputValue] = useState('');

  // Grouped lists keep their groups together: MUI shows a header each time the group changes.
  const filter = (all: OwnerOption[], text: string) => {
    const matched = matchOwners(all, text);
    if (!grouped) {
      return matched;
    }
    const rank = (o: OwnerOption) => groupOrder.indexOf(o.group ?? '');
    return matched.sort((a, b) => rank(a) - rank(b));
  };

  const commit = (text: string) => {
    const typed = text.trim();
    if (!typed) {
      onChange(undefined);
      return;
    }
    const [best] = filter(options ?? [], typed).filter(o => !o.disabledReason);
    onChange(best?.ref ?? typed);
  };

  // Leaving the field takes what was typed, as Enter does.
  const onBlur = (text: string) => {
    const shown =
      typeof selected === 'string'
        ? selected
        : selected && ownerLabel(selected);
    if (text.trim() && text !== shown) {
      commit(text);
    }
  };

  const unknown = Boolean(
    value && options && !error && typeof selected === 'string',
  );
  let helperText = props.helperText;
  if (unknown) {
    helperText = unknownText;
  }
  if (props.error) {
    helperText = props.error;
  }

  return (
    <Autocomplete<OwnerOption, false, false, true>
      id={id}
      freeSolo
      // The arrow tells people they can pick from a list, not only type.
      forcePopupIcon
      autoHighlight
      disabled={props.disabled}
      options={options ?? []}
      loading={loading}
      value={selected}
      inputValue={inputValue}
      onInputChange={(_event, text) => setInputValue(text)}
      onChange={(_event, next) => {
        if (next === null) {
          onChange(undefined);
        } else if (typeof next === 'string') {
          commit(next);
        } else {
          onChange(next.ref);
        }
      }}
      getOptionLabel={option =>
        typeof option === 'string' ? option : ownerLabel(option)
      }
      getOptionSelected={(option, current) =>
        typeof current === 'string'
          ? option.ref === current
          : option.ref === current.ref
      }
      getOptionDisabled={option => Boolean(option.disabledReason)}
      groupBy={grouped ? option => option.group ?? '' : undefined}
      filterOptions={(all, state) => filter(all, state.inputValue)}
      renderOption={option => (
        <ListItemText
          primary={ownerLabel(option)}
          secondary={
            option.disabledReason
              ? `${ownerSecondaryLabel(option)} · ${option.disabledReason}`
              : ownerSecondaryLabel(option)
          }
        />
      )}
      style={{ minWidth: 240, ...props.style }}
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          placeholder={placeholder}
          size="small"
          variant="outlined"
          margin={props.margin}
          InputLabelProps={{ ...params.InputLabelProps, shrink: true }}
          error={unknown || Boolean(props.error)}
          helperText={helperText}
          inputProps={{
            ...params.inputProps,
            onBlur: (event: FocusEvent<HTMLInputElement>) => {
              (
                params.inputProps as {
                  onBlur?: (e: FocusEvent<HTMLInputElement>) => void;
                }
              ).onBlur?.(event);
              onBlur(event.target.value);
            },
          }}
        />
      )}
    />
  );
}
