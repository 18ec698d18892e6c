import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * A check failing now, and since when it has been failing without a break.
 *
 * @internal
 */
export interface FailingCheck {
  entityRef: string;
  tier: string;
  result: CheckResult;
  failingSince: string;
}

/**
 * An entity below the maturity level its tier requires, and since when without a break.
 *
 * @internal
 */
export interface BelowRequiredLevel {
  entityRef: string;
  tier: string;
  /** Null when it reaches no level at all. */
  level: string | null;
  belowSince: string;
}

/** @internal */
export interface ObservedTierChange {
  id: string;
  entityRef: string;
  fromTier: string;
  toTier: string;
  observedAt: string;
}

/** @internal */
export interface ExpiredWaiverOnFailingCheck {
  waiverId: string;
  entityRef: string;
  checkId: string;
  reason: string;
  expiresAt: string;
}

/** @internal */
export interface ScopedAdr {
  id: string;
  entityRef: string;
  owner?: string;
  title: string;
  scope: string;
}

/**
 * What the built-in escalation triggers watch, read from the stored scorecards, tiers, waivers
 * and ADRs: the triggers never re-run checks or re-read ADR files.
 *
 * @internal
 */
export interface EscalationSignals {
  /** Failing checks of evaluated entities, optionally of some tiers and checks only. */
  listFailingChecks(filter: {
    tiers?: string[];
    checkIds?: string[];
    excludeCheckIds?: string[];
  }): Promise<FailingCheck[]>;

  /** Evaluated entities below the level their tier requires. */
  listBelowRequiredLevel(): Promise<BelowRequiredLevel[]>;

  /** Changes from one tier to another observed at or after `since`. */
  listTierChanges(since: Date): Promise<ObservedTierChange[]>;

  /**
   * Waivers that expired between `since` and `now`, not revoked, whose check fails now (no
   * other waiver covers it, or it would be `waived`).
   */
  listExpiredWaiversOnFailingChecks(
    since: Date,
    now: Date,
  ): Promise<ExpiredWaiverOnFailingCheck[]>;

  /** Proposed and accepted ADRs that declare a decision scope. */
  listScopedAdrs(): Promise<ScopedAdr[]>;
}
