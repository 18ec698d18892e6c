export { ReviewStatusChip, ReviewDueDate } from './ReviewStatusChip';
export type {
  ReviewStatusChipProps,
  ReviewDueDateProps,
} from './ReviewStatusChip';
export { ReviewAdrLink, ReviewOriginText } from './ReviewReferences';
export type {
  ReviewAdrLinkProps,
  ReviewOriginTextProps,
} from './ReviewReferences';
export {
  REVIEW_DECISION_ACTIONS,
  REVIEW_PRIORITY_LABELS,
  REVIEW_STATUS_LABELS,
  reviewKindTitle,
} from './reviewLabels';
