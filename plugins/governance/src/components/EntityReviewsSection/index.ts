export { EntityReviewsSection } from './EntityReviewsSection';
export type { EntityReviewsSectionProps } from './EntityReviewsSection';
export { RequestReviewDialog } from './RequestReviewDialog';
export type { RequestReviewDialogProps } from './RequestReviewDialog';
