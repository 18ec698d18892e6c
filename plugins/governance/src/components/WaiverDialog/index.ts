export { WaiverDialog } from './WaiverDialog';
export type { WaiverDialogProps } from './WaiverDialog';
