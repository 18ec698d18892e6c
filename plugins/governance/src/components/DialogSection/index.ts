export { DialogSection, FactList } from './DialogSection';
export { DetailDialog } from './DetailDialog';
export type { DetailDialogProps } from './DetailDialog';
