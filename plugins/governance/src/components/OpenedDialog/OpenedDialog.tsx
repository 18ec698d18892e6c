import { AdrDialog } from '../AdrDialog';
import { ReviewDialog } from '../ReviewDialog';

/** Props for {@link OpenedAdrDialog} and {@link OpenedReviewDialog}. */
export interface OpenedDialogProps {
  /** The item a list opened, if any. */
  id?: string;
  onClose: () => void;
  /** Called after a change in the dialog, so the list can reload. */
  onChanged?: () => void;
}

/** The ADR dialog while a list has an ADR open: a fresh dialog for each ADR. */
export function OpenedAdrDialog({ id, ...props }: OpenedDialogProps) {
  return id ? <AdrDialog key={id} adrId={id} {...props} /> : null;
}

/** The review dialog while a list has a review open: a fresh dialog for each review. */
export function OpenedReviewDialog({ id, ...props }: OpenedDialogProps) {
  return id ? <ReviewDialog key={id} reviewId={id} {...props} /> : null;
}
