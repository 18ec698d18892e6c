import { ReactNode } from 'react';
import { EntityRefPicker } from '../OwnerPicker/EntityRefPicker';
import { useUserOptions } from './useUserOptions';

/** Props for {@link UserPicker}. */
export interface UserPickerProps {
  id: string;
  label: string;
  /** The picked user's entity ref; or text that named no user the catalog knows. */
  value?: string;
  /** Called with the user's entity ref (or the text as typed), or `undefined` once cleared. */
  onChange: (userRef: string | undefined) => void;
  helperText?: ReactNode;
  /** A problem the form found with the value. */
  error?: string;
  disabled?: boolean;
}

/**
 * Picks a user by display name, the council's members first ({@link useUserOptions}). Typing
 * narrows the list by display name, name or ref; the value stays the user's entity ref.
 */
export function UserPicker(props: UserPickerProps) {
  return (
    <EntityRefPicker
      {...props}
      placeholder="Council member"
      options={useUserOptions()}
      unknownText="No user by that name in the catalog"
      margin="dense"
      style={{ minWidth: 280 }}
    />
  );
}
