export { OpenedAdrDialog, OpenedReviewDialog } from './OpenedDialog';
export type { OpenedDialogProps } from './OpenedDialog';
