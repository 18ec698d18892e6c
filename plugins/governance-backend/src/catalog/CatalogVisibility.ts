import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { HiddenEntities } from '../database/util';
import { entityRefsNotInCatalog } from './readEntitiesByRefs';

/**
 * Which of the entities we hold results for a caller may see, so the views built from our own
 * tables follow the catalog's read permission as entity pages do.
 *
 * @internal
 */
export class CatalogVisibility {
  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      catalog: CatalogService;
    },
  ) {}

  /**
   * The entities hidden from the caller. An unconditional allow hides none, without asking the
   * catalog; a denial hides all. A conditional decision is resolved by the catalog itself: of
   * the `candidates` (read only then), those it does not return to the caller are hidden.
   */
  async hiddenFrom(
    credentials: BackstageCredentials,
    candidates: () => Promise<string[]>,
  ): Promise<HiddenEntities> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return undefined;
    }
    if (decision.result === AuthorizeResult.DENY) {
      return 'all';
    }
    return entityRefsNotInCatalog({
      catalog: this.deps.catalog,
      entityRefs: await candidates(),
      credentials,
    });
  }
}
