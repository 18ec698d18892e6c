export { WaiverDialog } from './WaiverDialog';
export type { WaiverDialogProps } from './WaiverDialog';
export { RequestWaiverDialog } from './RequestWaiverDialog';
export type { RequestWaiverDialogProps } from './RequestWaiverDialog';
export { useWaiverTerms, WaiverTermsFields } from './WaiverTermsFields';
