import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows a user to push measured facts to `POST /api/governance/facts`; the user must also be a
 * direct member of `governance.factWriters.group`. Service principals (such as a CI token under
 * `backend.auth.externalAccess`) are allowed by their access restrictions instead: a token
 * restricted to this permission may push facts and nothing else.
 *
 * @public
 */
export const governanceFactWritePermission = createPermission({
  name: 'governance.fact.write',
  attributes: { action: 'create' },
});

/**
 * Allows granting and revoking waivers on scorecard checks: the architecture council's call.
 *
 * @public
 */
export const governanceWaiverCreatePermission = createPermission({
  name: 'governance.waiver.create',
  attributes: { action: 'create' },
});

/**
 * Allows recording a retrospective of an ADR: the owning team or the council.
 *
 * @public
 */
export const governanceRetrospectiveCreatePermission = createPermission({
  name: 'governance.retrospective.create',
  attributes: { action: 'create' },
});

/**
 * Allows requesting a review of an entity: meant for everyone signed in.
 *
 * @public
 */
export const governanceReviewCreatePermission = createPermission({
  name: 'governance.review.create',
  attributes: { action: 'create' },
});

/**
 * Allows triaging the review queue: assign, prioritise, set due dates, move an item between
 * open and in review, withdraw any item. The council's.
 *
 * @public
 */
export const governanceReviewTriagePermission = createPermission({
  name: 'governance.review.triage',
  attributes: { action: 'update' },
});

/**
 * Allows deciding a review: approve, reject or request changes, with a rationale and an ADR.
 * The council's.
 *
 * @public
 */
export const governanceReviewDecidePermission = createPermission({
  name: 'governance.review.decide',
  attributes: { action: 'update' },
});

/**
 * Allows creating, editing and closing campaigns: the council's call.
 *
 * @public
 */
export const governanceCampaignManagePermission = createPermission({
  name: 'governance.campaign.manage',
  attributes: { action: 'update' },
});

/**
 * The permissions reserved to the architecture council (`governance.council.group`). A policy
 * allows them to the council's members and denies them to everyone else; see
 * `createGovernanceCouncilPolicy` in the governance-node package.
 *
 * @public
 */
export const governanceCouncilPermissions = [
  governanceReviewTriagePermission,
  governanceReviewDecidePermission,
  governanceWaiverCreatePermission,
  governanceCampaignManagePermission,
];

/**
 * Every permission the governance plugins define.
 *
 * @public
 */
export const governancePermissions = [
  governanceFactWritePermission,
  governanceWaiverCreatePermission,
  governanceRetrospectiveCreatePermission,
  governanceReviewCreatePermission,
  governanceReviewTriagePermission,
  governanceReviewDecidePermission,
  governanceCampaignManagePermission,
];
