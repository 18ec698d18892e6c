import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import {
  governanceReviewDecidePermission,
  governanceReviewTriagePermission,
  isReviewDecision,
  REVIEW_TRANSITIONS,
  ReviewItemDetail,
  ReviewUpdate,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReviewPatch } from '../database/DatabaseReviewStore';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/** What an update may need checked against the permission framework and the catalog. */
export interface ReviewUpdateChecks {
  /** 403 naming the permission the action needs, unless the caller has it. */
  authorize(
    permission: BasicPermission,
    credentials: UserCredentials,
    action: string,
  ): Promise<void>;
  /** 400 unless the assignee is a user in the catalog (and on the council, if one is set). */
  checkAssignee(assignee: string, credentials: UserCredentials): Promise<void>;
  /** 400 unless the option is one of the item's trade-off matrix options. */
  checkChosenOption(item: ReviewItemDetail, optionId: string): Promise<void>;
}

/** The audit event's metadata for a patch: the fields it sets, a decision by its outcome. */
export function auditMeta(reviewId: string, patch: ReviewPatch): JsonObject {
  const meta: JsonObject = { reviewId };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) {
      meta[key] = key === 'decision' ? patch.decision!.outcome : value;
    }
  }
  return meta;
}

/**
 * Which permissions the change needs, whether it is allowed from the current status, and the
 * patch it makes. The review queue's rules, kept apart from the service that runs them.
 */
export async function reviewPatchFor(
  current: ReviewItemDetail,
  update: ReviewUpdate,
  credentials: UserCredentials,
  checks: ReviewUpdateChecks,
): Promise<ReviewPatch> {
  const patch: ReviewPatch = {};
  const status = update.status;
  const moving = status !== undefined && status !== current.status;
  if (moving && status === 'resolved' && !current.causeCleared) {
    throw new InputError(
      `Only an item whose cause has cleared can be resolved; review ${current.id} is still open for its cause. Decide or withdraw it instead`,
    );
  }
  if (moving) {
    const allowed = REVIEW_TRANSITIONS[current.status];
    if (!allowed.includes(status)) {
      throw new InputError(
        `A review cannot move from ${
          current.status
        } to ${status}; allowed next: ${
          allowed.join(', ') || `none (${current.status} is final)`
        }`,
      );
    }
  }
  const deciding = moving && isReviewDecision(status);
  if (
    !deciding &&
    (update.rationale || update.decisionAdr || update.chosenOption)
  ) {
    throw new InputError(
      'rationale and decisionAdr go with a decision, as does chosenOption: status approved, rejected or changes-requested',
    );
  }
  if (deciding) {
    if (!update.rationale) {
      throw new InputError(
        `Deciding (${status}) needs a rationale: why the council decided so`,
      );
    }
    await checks.authorize(
      governanceReviewDecidePermission,
      credentials,
      'Deciding a review',
    );
    if (update.chosenOption) {
      await checks.checkChosenOption(current, update.chosenOption);
    }
    patch.status = status;
    patch.decision = {
      outcome: status,
      rationale: update.rationale,
      adr: update.decisionAdr,
      chosenOption: update.chosenOption,
    };
  } else if (moving && status === 'withdrawn') {
    const requester =
      current.origin.type === 'user' &&
      current.origin.requestedBy === credentials.principal.userEntityRef;
    if (!requester) {
      await checks.authorize(
        governanceReviewTriagePermission,
        credentials,
        'Withdrawing a review someone else requested',
      );
    }
    patch.status = status;
  } else if (moving) {
    patch.status = status;
  }

  const triaging =
    (moving && !deciding && status !== 'withdrawn') ||
    update.priority !== undefined ||
    update.assignee !== undefined ||
    update.dueDate !== undefined;
  if (triaging) {
    await checks.authorize(
      governanceReviewTriagePermission,
      credentials,
      'Triaging a review',
    );
    patch.priority = update.priority;
    patch.dueDate = update.dueDate;
    if (update.assignee) {
      await checks.checkAssignee(update.assignee, credentials);
    }
    patch.assignee = update.assignee;
  }
  return patch;
}
