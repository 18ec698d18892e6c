import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  CreateWaiverRequest,
  GrantedWaiver,
  governanceReviewCreatePermission,
  governanceWaiverCreatePermission,
  ReviewItem,
  WAIVER_REQUEST_KIND,
} from '@catalog-governance/backstage-plugin-governance-common';
import { AuditContext } from '../audit/audited';
import { ReviewConflictError, ReviewService } from '../reviews/ReviewService';
import { WaiverGrants } from './WaiverGrants';

type UserCredentials = BackstageCredentials<BackstageUserPrincipal>;

/**
 * Waiver requests: anyone who may request a review can ask the council to waive one of an
 * entity's checks; the council grants it from the review item (approving it and granting the
 * waiver, which links back to the item and its ADR) or declines it by rejecting the item.
 *
 * @internal
 */
export class WaiverRequests {
  constructor(
    private readonly deps: { reviews: ReviewService; grants: WaiverGrants },
  ) {}

  /** Raises a waiver request; 409 naming the open one when the check has one already. */
  async request(
    input: CreateWaiverRequest & { adr?: string },
    credentials: UserCredentials,
    audit?: AuditContext,
  ): Promise<ReviewItem> {
    const { reviews, grants } = this.deps;
    // Before anything about open requests is told.
    await reviews.authorize(
      governanceReviewCreatePermission,
      credentials,
      'Requesting a waiver',
    );
    const { check } = await grants.prepare(input, credentials);
    const open = await reviews.openWaiverRequest(
      input.entityRef,
      input.checkId,
    );
    if (open) {
      throw new ConflictError(
        `A waiver request for ${check.title} (${input.checkId}) of ${input.entityRef} is already open: review #${open.number} "${open.title}" (id ${open.id}). Add to its discussion instead.`,
      );
    }
    return reviews.request(
      {
        entityRef: input.entityRef,
        kind: WAIVER_REQUEST_KIND,
        title: `Waive ${check.title}`,
        description: input.reason,
        adr: input.adr,
      },
      credentials,
      audit,
      { checkId: input.checkId, expiresAt: input.expiresAt },
    );
  }

  /**
   * Grants what a waiver request asks for, as the council amended it: the item is approved
   * with the rationale and ADR, and the waiver links to the item and that ADR.
   */
  async grant(
    id: string,
    input: {
      version: number;
      reason: string;
      expiresAt: string;
      rationale: string;
      adr?: string;
    },
    credentials: UserCredentials,
    audit?: AuditContext,
  ): Promise<GrantedWaiver> {
    const { reviews, grants } = this.deps;
    const current = await reviews.get(id, credentials);
    if (!current.waiverRequest) {
      throw new InputError(
        `Review #${current.number} is a ${current.kind}, not a waiver request: only a waiver request grants a waiver`,
      );
    }
    if (current.version !== input.version) {
      throw new ReviewConflictError(current);
    }
    await reviews.authorize(
      governanceWaiverCreatePermission,
      credentials,
      'Granting a waiver',
    );
    // Checked before the decision is recorded, so a check that is gone leaves the item open.
    const prepared = await grants.prepare(
      {
        entityRef: current.entityRef,
        checkId: current.waiverRequest.checkId,
        reason: input.reason,
        expiresAt: input.expiresAt,
      },
      credentials,
    );
    const item = await reviews.update(
      id,
      {
        version: input.version,
        status: 'approved',
        rationale: input.rationale,
        decisionAdr: input.adr,
      },
      credentials,
      audit,
      { grantingWaiver: true },
    );
    const waiver = await grants.grant(
      prepared,
      credentials.principal.userEntityRef,
      audit,
      { review: { id: item.id, number: item.number ?? 0 }, adr: input.adr },
    );
    return { item, waiver };
  }
}
