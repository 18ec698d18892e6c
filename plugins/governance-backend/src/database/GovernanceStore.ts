import {
  CheckResult,
  CheckState,
  ComplianceEntityPage,
  ComplianceFilter,
  ComplianceGroupBy,
  ComplianceRollup,
  ComplianceTrendPoint,
  FactValue,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';
import { HiddenEntities } from './util';

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
 * A measured fact as pushed to the facts API.
 *
 * @internal
 */
export interface MeasuredFact {
  entityRef: string;
  name: string;
  value: FactValue;
  source: string;
  observedAt: string;
}

/**
 * A stored change of one check's result.
 *
 * @internal
 */
export interface CheckTransition {
  entityRef: string;
  checkId: string;
  /** `removed` when the check no longer applies to the entity, e.g. after a tier change. */
  state: CheckState | 'removed';
  actual?: string;
  changedAt: string;
}

/**
 * Where an evaluated entity sits in the organisation, for the Compliance roll-ups. Refs are full
 * entity refs.
 *
 * @internal
 */
export interface EntityPlacement {
  title?: string;
  owner?: string;
  system?: string;
  domain?: string;
  tier: string;
}

/**
 * The outcome of evaluating one entity. Without a placement the entity has no valid tier: its
 * results must be empty, and its current results and roll-up row are removed.
 *
 * @internal
 */
export interface EntityEvaluation {
  entityRef: string;
  placement?: EntityPlacement;
  results: CheckResult[];
}

/**
 * Persistence of the governance plugin.
 *
 * @internal
 */
export interface GovernanceStore {
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

  /**
   * Stores a batch of measured facts in one transaction: all or nothing. For each entity, fact
   * and source only the latest observation is kept; an older one than stored is ignored. Each
   * entity's fact keeps at most the store's `maxSourcesPerFact` sources, the most recently
   * observed ones.
   */
  addFacts(facts: MeasuredFact[], receivedAt: Date): Promise<void>;

  /** The latest measured facts of the given entities, keyed by entity ref. */
  getFacts(entityRefs: string[]): Promise<Map<string, MeasuredFact[]>>;

  /** Every entity with measured facts. */
  listFactEntityRefs(): Promise<string[]>;

  /** Deletes the facts of the given entities. Returns how many rows were deleted. */
  removeFacts(entityRefs: string[]): Promise<number>;

  /** Deletes facts observed before `before`. Returns how many rows were deleted. */
  pruneFacts(before: Date): Promise<number>;

  /**
   * Replaces the current results and roll-up rows of the given entities and records a
   * transition for each check whose state or value changed (including checks that
   * disappeared). One transaction.
   */
  storeEvaluations(
    evaluations: EntityEvaluation[],
    evaluatedAt: Date,
  ): Promise<void>;

  /** Current results of one entity, in check order; absent when never evaluated. */
  getResults(
    entityRef: string,
  ): Promise<{ results: CheckResult[]; evaluatedAt: string } | undefined>;

  /** Transitions of one entity's checks since a time, oldest first. */
  listTransitions(entityRef: string, since: Date): Promise<CheckTransition[]>;

  /**
   * Removes the current results and roll-up rows of entities not in `entityRefs` (they left the
   * catalog or lost their tier); their history stays. Returns how many entities were removed.
   */
  removeResultsExcept(entityRefs: Set<string>): Promise<number>;

  /**
   * Deletes history rows older than `before`, except the latest row of each entity's check, so
   * a trend can still start from the right state. Returns how many rows were deleted.
   */
  pruneHistory(before: Date): Promise<number>;

  createWaiver(waiver: Waiver): Promise<void>;

  /**
   * Records the revocation of a waiver. Throws NotFoundError for an unknown id and
   * ConflictError for a waiver already revoked, so two council members never both revoke it.
   */
  revokeWaiver(id: string, revokedBy: string, revokedAt: Date): Promise<Waiver>;

  /** Every waiver of the given entities, newest first, including revoked and expired ones. */
  listWaivers(entityRefs: string[]): Promise<Waiver[]>;

  /** Every entity with current results, for working out which of them a caller may see. */
  listEvaluatedEntityRefs(): Promise<string[]>;

  /**
   * Current results rolled up by one dimension, least passing first, leaving out the `hidden`
   * entities.
   */
  getComplianceRollup(
    groupBy: ComplianceGroupBy,
    filter: ComplianceFilter,
    hidden?: HiddenEntities,
  ): Promise<ComplianceRollup>;

  /**
   * A page of the entities matching the filter, least passing first, leaving out the `hidden`
   * entities (in the query, so pages and counts are exact).
   */
  listComplianceEntities(
    filter: ComplianceFilter,
    page: { offset: number; limit: number },
    hidden?: HiddenEntities,
  ): Promise<ComplianceEntityPage>;

  /**
   * Replaces the day's snapshot with the current roll-up rows; the scheduled evaluation calls it
   * after each full pass, so the last pass of a day is the one kept.
   */
  recordComplianceDay(day: string): Promise<void>;

  /**
   * Daily counts for the filter from `sinceDay` to `untilDay` (`YYYY-MM-DD`, inclusive), oldest
   * first; a day without a recorded change carries the previous counts forward. Days before
   * the first record, or when the filter matches no entity, have no point.
   */
  getComplianceTrend(
    filter: ComplianceFilter,
    sinceDay: string,
    untilDay: string,
  ): Promise<ComplianceTrendPoint[]>;
}
