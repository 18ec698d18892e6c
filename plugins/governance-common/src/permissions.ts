import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows a user to push measured facts to `POST /api/governance/facts`. Service principals
 * (such as a CI token under `backend.auth.externalAccess`) are allowed by their access
 * restrictions instead.
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
 * Every permission the governance plugins define.
 *
 * @public
 */
export const governancePermissions = [
  governanceFactWritePermission,
  governanceWaiverCreatePermission,
  governanceRetrospectiveCreatePermission,
];
