import { CustomErrorBase } from '@backstage/errors';
import { ReviewItemDetail } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * Thrown by {@link GovernanceApi.updateReview} when the review item changed after the version
 * the update was based on. It carries the item as it is now, so a form can show it instead of
 * overwriting someone else's change.
 *
 * @public
 */
export class ReviewConflictError extends CustomErrorBase {
  name = 'ReviewConflictError' as const;

  /** The item as stored now, with the change that got in first. */
  readonly current: ReviewItemDetail;

  constructor(message: string, current: ReviewItemDetail) {
    super(message);
    this.current = current;
  }
}
