import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { FocusEvent, useMemo, useState } from 'react';
import {
  matchOwners,
  ownerLabel,
  OwnerOption,
  ownerSecondaryLabel,
} from './matchOwners';
import { useOwnerOptions } from './useOwnerOptions';

/** Props for {@link OwnerPicker}. */
export interface OwnerPickerProps {
  id: string;
  label?: string;
  /** The picked owner's entity ref; or text that named no owner the catalog knows. */
  value?: string;
  /** Called with the owner's entity ref, or `undefined` once the field is cleared. */
  onChange: (ownerRef: string | undefined) => void;
}

/**
 * Picks a team or person that owns entities, by name as people type it: "Payments",
 * "team-payments" and "group:default/payments" all find the group named team-payments whose
 * display name is Payments. The list narrows as they type; Enter or leaving the field takes the
 * best match. Text that matches no owner is kept as it is, so the picker still works when the
 * catalog cannot be asked.
 */
export function OwnerPicker(props: OwnerPickerProps) {
  const { id, label = 'Owner', value, onChange } = props;
  const { value: options, loading, error } = useOwnerOptions();
  const selected = useMemo(
    () => (value ? options?.find(o => o.ref === value) ?? value : null),
    [options, value],
  );
  const [inputValue, setInputValue] = useState('');

  const commit = (text: string) => {
    const typed = text.trim();
    if (!typed) {
      onChange(undefined);
      return;
    }
    const [best] = matchOwners(options ?? [], typed);
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

  return (
    <Autocomplete<OwnerOption, false, false, true>
      id={id}
      freeSolo
      // The arrow tells people they can pick from a list, not only type.
      forcePopupIcon
      autoHighlight
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
      filterOptions={(all, state) => matchOwners(all, state.inputValue)}
      renderOption={option => (
        <ListItemText
          primary={ownerLabel(option)}
          secondary={ownerSecondaryLabel(option)}
        />
      )}
      style={{ minWidth: 240 }}
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          placeholder="Team or person"
          size="small"
          variant="outlined"
          InputLabelProps={{ ...params.InputLabelProps, shrink: true }}
          error={unknown}
          helperText={unknown ? 'No team or person by that name' : undefined}
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
