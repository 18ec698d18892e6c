import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DateTime } from 'luxon';
import { FactStore } from '../database/FactStore';
import { entityRefsNotInCatalog } from '../catalog/readEntitiesByRefs';

/**
 * How long measured facts are kept, and how many sources one entity's fact may have.
 *
 * @internal
 */
export interface FactRetentionPolicy {
  /** Facts observed longer ago than this are deleted. */
  retentionDays: number;
  /** The most recently observed sources an entity's fact keeps. */
  maxSourcesPerFact: number;
}

/**
 * Keeps the facts table bounded: deletes facts older than the retention, and the facts of
 * entities that have left the catalog. (The cap on sources is kept by the store on every
 * write.) Runs before each scheduled evaluation.
 *
 * @internal
 */
export class FactRetention {
  constructor(
    private readonly deps: {
      store: FactStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      policy: FactRetentionPolicy;
    },
  ) {}

  async prune(now = new Date()): Promise<{ expired: number; left: number }> {
    const { store, catalog, auth, logger, policy } = this.deps;
    const expired = await store.pruneFacts(
      DateTime.fromJSDate(now, { zone: 'utc' })
        .minus({ days: policy.retentionDays })
        .toJSDate(),
    );
    const credentials = await auth.getOwnServiceCredentials();
    const gone = await entityRefsNotInCatalog({
      catalog,
      entityRefs: await store.listFactEntityRefs(),
      credentials,
    });
    const left = await store.removeFacts(gone);
    logger.info(
      `Pruned ${expired} facts observed more than ${policy.retentionDays} days ago and ${left} facts of ${gone.length} entities that left the catalog`,
    );
    return { expired, left };
  }
}
