import { AuthService } from '@backstage/backend-plugin-api';
import { RELATION_HAS_MEMBER } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { governanceCouncilPermissions } from '@catalog-governance/backstage-plugin-governance-common';

const COUNCIL_PERMISSION_NAMES = new Set(
  governanceCouncilPermissions.map(p => p.name),
);

/**
 * True for the permissions reserved to the architecture council: triaging and deciding reviews,
 * granting and revoking waivers.
 *
 * @public
 */
export function isGovernanceCouncilPermission(permission: Permission): boolean {
  return COUNCIL_PERMISSION_NAMES.has(permission.name);
}

/**
 * Answers whether a user is a direct member of the council group, read from the catalog at
 * the time of the question: a membership change counts on the next request, without signing
 * in again.
 *
 * @public
 */
export class GovernanceCouncilMembership {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      /** Entity ref of the council's group (`governance.council.group`). */
      councilGroup: string;
    },
  ) {}

  async isMember(userEntityRef: string): Promise<boolean> {
    const { catalog, auth, councilGroup } = this.options;
    const group = await catalog.getEntityByRef(councilGroup, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    return (group?.relations ?? []).some(
      relation =>
        relation.type === RELATION_HAS_MEMBER &&
        relation.targetRef === userEntityRef.toLocaleLowerCase('en-US'),
    );
  }
}

/**
 * A permission policy for the governance suite: the council's permissions
 * ({@link isGovernanceCouncilPermission}) are allowed to the council group's members and
 * denied to everyone else (and to everyone when no council group is configured); every other
 * request goes to `fallback`, or is allowed when there is none.
 *
 * @example
 * ```ts
 * policy.setPolicy(createGovernanceCouncilPolicy({ catalog, auth, councilGroup, fallback: myPolicy }));
 * ```
 *
 * @public
 */
export function createGovernanceCouncilPolicy(options: {
  catalog: CatalogService;
  auth: AuthService;
  councilGroup: string | undefined;
  fallback?: PermissionPolicy;
}): PermissionPolicy {
  const membership = options.councilGroup
    ? new GovernanceCouncilMembership({
        catalog: options.catalog,
        auth: options.auth,
        councilGroup: options.councilGroup,
      })
    : undefined;
  return {
    async handle(
      request: PolicyQuery,
      user?: PolicyQueryUser,
    ): Promise<PolicyDecision> {
      if (!isGovernanceCouncilPermission(request.permission)) {
        return options.fallback
          ? options.fallback.handle(request, user)
          : { result: AuthorizeResult.ALLOW };
      }
      const allowed =
        membership !== undefined &&
        user !== undefined &&
        (await membership.isMember(user.info.userEntityRef));
      return { result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    },
  };
}
