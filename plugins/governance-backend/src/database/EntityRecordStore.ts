import { ScorecardStore } from './ScorecardStore';
import { EntityTierRecord } from './TierStore';

/**
 * What an entity's page shows from our own tables.
 *
 * @internal
 */
export interface EntityRecord {
  /** As {@link TierStore.getEntityTier} reads it. */
  tier?: EntityTierRecord;
  /** As {@link ScorecardStore.getResultsAndOwner} reads them. */
  results?: Awaited<ReturnType<ScorecardStore['getResultsAndOwner']>>;
}

/**
 * Reads one entity's tier record and stored results together.
 *
 * @internal
 */
export interface EntityRecordStore {
  /**
   * The entity's tier record and its stored results with their owner, in one round trip:
   * every entity summary reads both.
   */
  getEntityRecord(entityRef: string): Promise<EntityRecord>;
}
