import { FactValue } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * A measured fact as pushed to the facts API.
 *
 * @public
 */
export interface MeasuredFact {
  /** The entity measured, a full entity ref. */
  entityRef: string;
  /** A fact name from the built-in facts or `governance.facts`. */
  name: string;
  /** The measured value, of the fact's type. */
  value: FactValue;
  /** Who measured it, e.g. `ci/github-actions`. */
  source: string;
  /** When it was measured, an ISO 8601 timestamp. */
  observedAt: string;
}

/**
 * The latest measured facts, one row per entity, fact and source, each with its daily history.
 *
 * @internal
 */
export interface FactStore {
  /**
   * Stores a batch of measured facts in one transaction: all or nothing. For each entity, fact
   * and source only the latest observation is kept; an older one than stored is ignored. Each
   * entity's fact keeps at most the store's `maxSourcesPerFact` sources, the most recently
   * observed ones. Every observation also goes into the fact's history, which holds one value
   * per UTC day: a later observation of a day replaces that day's value.
   */
  addFacts(facts: MeasuredFact[], receivedAt: Date): Promise<void>;

  /**
   * The latest measured facts of the given entities, keyed by entity ref; with `names`, only
   * those facts (evaluation reads the facts its checks use, not every pushed metric).
   */
  getFacts(
    entityRefs: string[],
    options?: { names?: readonly string[] },
  ): Promise<Map<string, MeasuredFact[]>>;

  /** Every entity with measured facts. */
  listFactEntityRefs(): Promise<string[]>;

  /**
   * The entities some of whose named facts were written at or after `since`, and how many times
   * facts were pruned so far: what a scheduled pass reads instead of every entity's facts.
   */
  listFactChangesSince(
    since: Date,
    names: readonly string[],
  ): Promise<{ entityRefs: string[]; removals: number }>;

  /**
   * How many times facts were pruned so far, as {@link FactStore.listFactChangesSince} counts
   * them: all a pass that reads every entity needs of it.
   */
  countFactRemovals(): Promise<number>;
  /**
   * Deletes the facts and history of the given entities, which have left the catalog (no pass
   * evaluates them, so no pass needs to notice). Returns how many facts were deleted.
   */
  removeFacts(entityRefs: string[]): Promise<number>;

  /**
   * Deletes facts observed before `before`, and the days of the history before the day
   * `before` falls on. Returns how many latest facts were deleted; deleting any counts as a
   * removal (see {@link FactStore.listFactChangesSince}).
   */
  pruneFacts(before: Date): Promise<number>;

  /**
   * The history of the named facts of the given entities in [`from`, `to`), oldest first: one
   * value per entity, fact, source and UTC day, stamped with the start of its day. The history
   * behind a decision's impact. A source dropped by `maxSourcesPerFact` takes its history along.
   */
  getFactHistory(query: {
    entityRefs: string[];
    names: readonly string[];
    from: Date;
    to: Date;
  }): Promise<MeasuredFact[]>;
}
