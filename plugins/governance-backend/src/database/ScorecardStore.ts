import {
  CheckResult,
  CheckState,
  EntityLevel,
} from '@catalog-governance/backstage-plugin-governance-common';

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
  /** The maturity level worked out from `results`; only with a placement. */
  level?: EntityLevel;
  /** How many dependencies fail `dependencies-meet-tier` (not waived, not accepted in an ADR). */
  dependencyMismatches?: number;
  /** sha256 of what the evaluation read; a later pass skips the entity while it is the same. */
  inputHash?: string;
  /** When time alone changes one of these results (see {@link EvaluationStamp}). */
  inputsValidUntil?: Date;
  /** The catalog's `metadata.etag` of the entity evaluated; absent, a pass reads it again. */
  catalogEtag?: string;
}

/**
 * What a scheduled pass needs to skip an entity: the hash of the inputs of its last evaluation
 * and the moment its time-based verdicts expire (absent when none do).
 *
 * @internal
 */
export interface EvaluationStamp {
  inputHash: string;
  validUntil?: Date;
  /** The catalog's `metadata.etag` of the entity as it was evaluated, when known. */
  catalogEtag?: string;
}

/**
 * What the last scheduled pass recorded: when it ran, a digest of what it read besides the
 * entities, and when a pass last read every entity in full.
 *
 * @internal
 */
export interface PassRecord {
  evaluatedAt: Date;
  inputsDigest?: string;
  fullReadAt?: Date;
}

/**
 * The level an entity had from a time on, from the scorecard history; `level` is null when it
 * reached none.
 *
 * @internal
 */
export interface LevelChange {
  level: string | null;
  changedAt: string;
}

/**
 * Each entity's current scorecard results and the history of their changes.
 *
 * @internal
 */
export interface ScorecardStore {
  /**
   * Replaces the current results and roll-up rows of the given entities and records a
   * transition for each check whose state or value changed (including checks that
   * disappeared). One transaction.
   */
  storeEvaluations(
    evaluations: EntityEvaluation[],
    evaluatedAt: Date,
  ): Promise<void>;

  /**
   * The stamps of the given entities' last evaluations; entities never evaluated, or evaluated
   * before stamps existed, are absent (and so evaluated).
   */
  getEvaluationStamps(
    entityRefs: string[],
  ): Promise<Map<string, EvaluationStamp>>;

  /**
   * Moves the evaluation time of every entity evaluated before `evaluatedAt` to it: after a full
   * pass has removed the entities that left, those are the ones it skipped as unchanged. Their
   * results and stamps stay. The pass's time is recorded once, no entity's row is written;
   * with `pass`, so is what the next pass compares with (see {@link PassRecord}).
   */
  markAllEvaluated(
    evaluatedAt: Date,
    pass?: { inputsDigest: string; fullRead: boolean },
  ): Promise<void>;

  /**
   * How many entities have stored results, with a stamp or without: fewer than the stamps a
   * pass found among the governed entities means none of them left.
   */
  countEvaluatedEntities(): Promise<number>;

  /** What the last scheduled pass recorded with {@link ScorecardStore.markAllEvaluated}. */
  getLastPass(): Promise<PassRecord | undefined>;

  /**
   * Records the catalog etag of entities found unchanged (`null` clears it, so the next pass
   * reads them); only where the stored input hash is still the given one, so an etag never
   * lands beside another version's results.
   */
  recordCatalogEtags(
    stamps: Array<{
      entityRef: string;
      inputHash: string;
      catalogEtag: string | null;
    }>,
  ): Promise<void>;

  /** Current results of one entity, in check order; absent when never evaluated. */
  getResults(
    entityRef: string,
  ): Promise<{ results: CheckResult[]; evaluatedAt: string } | undefined>;

  /**
   * {@link ScorecardStore.getResults} and the owner the last evaluation placed the entity under
   * (absent when it had none), in the same read.
   */
  getResultsAndOwner(
    entityRef: string,
  ): Promise<
    { results: CheckResult[]; evaluatedAt: string; owner?: string } | undefined
  >;

  /** Transitions of one entity's checks since a time, oldest first. */
  listTransitions(entityRef: string, since: Date): Promise<CheckTransition[]>;

  /**
   * The recorded levels of one entity, oldest first: one per evaluation that changed its
   * results or its level, since levels exist.
   */
  listLevelChanges(entityRef: string): Promise<LevelChange[]>;

  /**
   * Removes the current results and roll-up rows of entities not in `entityRefs` (they left the
   * catalog or lost their tier); their history stays. Returns how many entities were removed.
   * With `storedAmong`, the caller knows every stored entity is one of those: only they are
   * compared, and the stored ones are not read.
   */
  removeResultsExcept(
    entityRefs: Set<string>,
    options?: { storedAmong?: Iterable<string> },
  ): Promise<number>;

  /**
   * Deletes history rows older than `before`, except the latest row of each entity's check, so
   * a trend can still start from the right state. Returns how many rows were deleted.
   */
  pruneHistory(before: Date): Promise<number>;
}
