import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';

/** Who asks: the principal of the credentials a catalog call or a permission check carries. */
export interface Caller {
  type: string;
  userEntityRef?: string;
}

/** The principal of the credentials in a catalog call's or a permission check's options. */
export function callerOf(options: unknown): Caller {
  return (options as { credentials: BackstageCredentials<Caller> }).credentials
    .principal;
}

/**
 * The catalog as its read permission shows it: `hidden` says which entities a caller does not
 * see. Single and batch reads both follow it; queries are left as they are.
 */
export function visibleCatalog(
  entities: Entity[],
  hidden: (caller: Caller, entityRef: string) => boolean,
) {
  const catalog = catalogServiceMock({ entities });
  const getEntityByRef = catalog.getEntityByRef.bind(catalog);
  const getEntitiesByRefs = jest.fn(catalog.getEntitiesByRefs.bind(catalog));
  catalog.getEntityByRef = async (ref, options) =>
    hidden(callerOf(options), String(ref))
      ? undefined
      : getEntityByRef(ref, options);
  catalog.getEntitiesByRefs = async (query, options) => {
    const { items } = await getEntitiesByRefs(query, options);
    return {
      items: items.map((item, i) =>
        hidden(callerOf(options), query.entityRefs[i]) ? undefined : item,
      ),
    };
  };
  /** The batch reads the catalog answered, to tell whether it was asked at all. */
  return Object.assign(catalog, { batchReads: getEntitiesByRefs });
}

/**
 * The catalog of `entities` as its read permission shows it when `user` may not see
 * `hiddenRef` and everyone else sees everything.
 */
export const catalogHidingFrom = (
  user: string,
  hiddenRef: string,
  entities: Entity[],
) =>
  visibleCatalog(
    entities,
    (caller, ref) => caller.userEntityRef === user && ref === hiddenRef,
  );

/**
 * A conditional decision on the catalog's read permission, as a policy that lets users see
 * what they own would give: the catalog applies the condition.
 */
export function conditionalCatalogRead(userEntityRef: string): PolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: 'catalog-entity',
    conditions: {
      rule: 'IS_ENTITY_OWNER',
      resourceType: 'catalog-entity',
      params: { claims: [userEntityRef] },
    },
  };
}

/**
 * The catalog's read permission as a policy might decide it, for `authorizeConditional`:
 * conditional for `conditional` (the catalog applies the condition), denied to `denied`,
 * allowed to everyone else.
 */
export function catalogReadDecisions(users: {
  conditional: string;
  denied?: string;
}): PermissionsService['authorizeConditional'] {
  return async (requests, options) =>
    requests.map((): PolicyDecision => {
      const user = callerOf(options).userEntityRef;
      if (user === users.conditional) {
        return conditionalCatalogRead(user);
      }
      return {
        result:
          users.denied !== undefined && user === users.denied
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      };
    });
}

/**
 * Every permission allowed but the catalog's read permission, decided as
 * {@link catalogReadDecisions} says.
 */
export function catalogReadPermission(users: {
  conditional: string;
  denied?: string;
}) {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: catalogReadDecisions(users),
  });
}
