export { ReviewDialog, REVIEW_CONFLICT_MESSAGE } from './ReviewDialog';
export type { ReviewDialogProps } from './ReviewDialog';
export { AdrReferenceField } from './AdrReferenceField';
export type { AdrReferenceFieldProps } from './AdrReferenceField';
