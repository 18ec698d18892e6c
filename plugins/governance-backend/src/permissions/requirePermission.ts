import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * Refuses with a 403 naming `permission` unless the permission framework allows it to the
 * caller: the one authorize-then-deny step of the routes and services. `action` says what was
 * refused, as in "Recording a retrospective needs the permission governance.retrospective.create".
 *
 * @internal
 */
export async function requirePermission(
  permissions: PermissionsService,
  permission: BasicPermission,
  credentials: BackstageCredentials,
  action: string,
): Promise<void> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `${action} needs the permission ${permission.name}`,
    );
  }
}
