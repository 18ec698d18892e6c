import TextField from '@material-ui/core/TextField';
import { useGovernanceAsync } from '../../hooks/useGovernanceAsync';
import { adrHeading } from '../AdrDialog';

/** Props for {@link AdrReferenceField}. */
export interface AdrReferenceFieldProps {
  id: string;
  label: string;
  /** The entity whose ADRs the field suggests. */
  entityRef: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  helperText?: string;
}

/**
 * A field for an ADR that suggests the entity's ADRs by number and title (the form gets the
 * picked ADR's id) or takes an ADR's URL. Any text is accepted, so an ADR
 * kept elsewhere can be linked by its URL; without readable ADRs it is a plain text field.
 */
export function AdrReferenceField(props: AdrReferenceFieldProps) {
  const { id, label, entityRef, value, onChange, disabled, helperText } = props;
  // Suggestions only: a location that cannot be read leaves the field usable.
  const { value: adrs } = useGovernanceAsync(
    api => api.getEntityAdrs(entityRef).catch(() => undefined),
    [entityRef],
  );
  const listId = `${id}-options`;
  const options = adrs?.items ?? [];
  // People pick and read an ADR by number and title; the form keeps its id.
  const picked = options.find(adr => adr.id === value);
  const idOfHeading = (text: string) =>
    options.find(adr => adrHeading(adr) === text)?.id;

  return (
    <>
      <TextField
        id={id}
        label={label}
        value={picked ? adrHeading(picked) : value}
        onChange={e => onChange(idOfHeading(e.target.value) ?? e.target.value)}
        fullWidth
        margin="normal"
        variant="outlined"
        disabled={disabled}
        helperText={
          helperText ??
          (options.length > 0
            ? "Pick one of the entity's ADRs, or paste an ADR's URL."
            : "An ADR's id or URL.")
        }
        // Always tied to its list, so the field keeps one role while the ADRs load.
        inputProps={{ list: listId }}
      />
      <datalist id={listId} data-testid={listId}>
        {options.map(adr => (
          <option key={adr.id} value={adrHeading(adr)} />
        ))}
      </datalist>
    </>
  );
}
