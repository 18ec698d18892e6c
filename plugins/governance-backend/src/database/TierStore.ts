/**
 * A tier seen on an entity at a sync.
 *
 * @internal
 */
export interface TierObservation {
  entityRef: string;
  tier: string;
}

/**
 * A change of tier seen in the catalog; `fromTier` is absent for a newly governed entity and
 * `toTier` for an entity whose tier was removed (or that left the catalog).
 *
 * @internal
 */
export interface TierChange {
  entityRef: string;
  fromTier?: string;
  toTier?: string;
  observedAt: string;
}

/**
 * The entity's current tier as last synced from the catalog.
 *
 * @internal
 */
export interface EntityTierRecord {
  entityRef: string;
  tier: string;
  since: string;
  lastSeenAt: string;
}

/**
 * Each entity's tier as last synced from the catalog, and every change of it.
 *
 * @internal
 */
export interface TierStore {
  getEntityTier(entityRef: string): Promise<EntityTierRecord | undefined>;

  /**
   * Records the complete set of tiers seen in one catalog sync: entities not in `observations`
   * have lost their tier. Returns the changes it recorded. Runs in one transaction, so a sync
   * that fails half-way leaves the previous state intact.
   */
  syncTiers(
    observations: TierObservation[],
    observedAt: Date,
  ): Promise<TierChange[]>;

  listTierChanges(entityRef: string): Promise<TierChange[]>;
}
