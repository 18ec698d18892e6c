export { AdrDialog, adrHeading } from './AdrDialog';
export type { AdrDialogProps } from './AdrDialog';
