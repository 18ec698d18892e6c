import {
  TradeOffCell,
  TradeOffCriterion,
  TradeOffOption,
  TradeOffOutcome,
} from '@catalog-governance/backstage-plugin-governance-common';

/**
 * The options, criteria and cells of a matrix, as stored.
 *
 * @internal
 */
export interface TradeOffContent {
  criteria: TradeOffCriterion[];
  options: TradeOffOption[];
  cells: TradeOffCell[];
}

/** @internal */
export interface StoredTradeOff extends TradeOffContent {
  reviewId: string;
  outcomes: TradeOffOutcome[];
  revision: number;
  updatedBy: string;
  updatedAt: string;
}

/**
 * Where design reviews' trade-off matrices are kept: one document per review with a revision,
 * so an edit based on an older revision is refused rather than lost.
 *
 * @internal
 */
export interface TradeOffStore {
  getTradeOff(reviewId: string): Promise<StoredTradeOff | undefined>;

  /**
   * Replaces the matrix if it is still at `expectedRevision` (0: none stored yet), noting the
   * change in the review's history. `conflict` when someone saved in between.
   */
  saveTradeOff(
    reviewId: string,
    expectedRevision: number,
    content: TradeOffContent,
    actor: string,
    now?: Date,
  ): Promise<'saved' | 'conflict'>;

  /** Records what happened per criterion, on the same revision rule. */
  saveOutcomes(
    reviewId: string,
    expectedRevision: number,
    outcomes: TradeOffOutcome[],
    actor: string,
    now?: Date,
  ): Promise<'saved' | 'conflict'>;

  /** The decided review with a matrix whose decision (or item) links this ADR, newest first. */
  findReviewOfAdr(adrId: string): Promise<string | undefined>;
}
