import { EntityRefPicker } from './EntityRefPicker';
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
  return (
    <EntityRefPicker
      id={id}
      label={label}
      placeholder="Team or person"
      value={value}
      onChange={onChange}
      options={useOwnerOptions()}
      unknownText="No team or person by that name"
    />
  );
}
