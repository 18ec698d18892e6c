export { OwnerPicker } from './OwnerPicker';
export type { OwnerPickerProps } from './OwnerPicker';
