export { FormDialog, FormTextArea, FormTextField } from './FormDialog';
export type { FormDialogProps } from './FormDialog';
export { useFormSubmission } from './useFormSubmission';
export type { FormProblems } from './useFormSubmission';
