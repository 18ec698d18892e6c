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
 * The latest measured facts, one row per entity, fact and source.
 *
 * @internal
 */
export interface FactStore {
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

  /** Deletes the facts and history of the given entities. Returns how many facts were deleted. */
  removeFacts(entityRefs: string[]): Promise<number>;

  /**
   * Deletes facts, and observations in the history, observed before `before`. Returns how many
   * latest facts were deleted.
   */
  pruneFacts(before: Date): Promise<number>;

  /**
   * Every stored observation of the named facts of the given entities, observed in
   * [`from`, `to`), oldest first: the history behind a decision's impact.
   */
  getFactHistory(query: {
    entityRefs: string[];
    names: readonly string[];
    from: Date;
    to: Date;
  }): Promise<MeasuredFact[]>;
}
