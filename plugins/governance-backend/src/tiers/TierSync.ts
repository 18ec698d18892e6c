import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  parseGovernanceAnnotations,
  TierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { readGovernedEntities } from '../catalog/readGovernedEntities';
import { TierStore } from '../database/TierStore';
import { scheduledJob } from '../scheduledJob';

/**
 * Copies every entity's declared tier from the catalog into the store, which records when each
 * entity entered its tier and every tier change. Scheduled through the SchedulerService, so one
 * replica runs it per tick.
 *
 * @internal
 */
export class TierSync {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: TierStore;
      tierPolicies: TierPolicies;
      logger: LoggerService;
    },
  ) {}

  /** Syncs the tiers on the schedule, on one replica per tick. */
  readonly schedule = scheduledJob('governance-tier-sync', () => this.run());

  async run(now = new Date()): Promise<void> {
    const { catalog, auth, store, tierPolicies, logger } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const observations: { entityRef: string; tier: string }[] = [];
    for await (const page of readGovernedEntities({
      catalog,
      credentials,
      tierPolicies,
    })) {
      for (const entity of page) {
        const { tier } = parseGovernanceAnnotations(
          entity.metadata.annotations,
          { tierNames: tierPolicies.keys() },
        ).values;
        if (tier) {
          observations.push({ entityRef: stringifyEntityRef(entity), tier });
        }
      }
    }

    const changes = await store.syncTiers(observations, now);
    logger.info(
      `Tier sync saw ${observations.length} tiered entities, ${changes.length} tier changes`,
    );
  }
}
