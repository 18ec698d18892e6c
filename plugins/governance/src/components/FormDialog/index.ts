export {
  FormDialog,
  FormSelectField,
  FormTextArea,
  FormTextField,
} from './FormDialog';
export type { FormDialogProps, FormTextFieldProps } from './FormDialog';
export { useFormSubmission } from './useFormSubmission';
export type { FormProblems } from './useFormSubmission';
