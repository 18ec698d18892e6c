export { DialogSection, FactList } from './DialogSection';
export { DetailDialog, LoadingDetail } from './DetailDialog';
export type { DetailDialogProps } from './DetailDialog';
