import { createApiRef } from '@backstage/core-plugin-api';
import {
  CreateWaiverRequest,
  EntityGovernanceSummary,
  ScorecardTrendPoint,
  Waiver,
} from '@internal/backstage-plugin-governance-common';

/**
 * The daily share of an entity's passing checks, as returned by
 * {@link GovernanceApi.getScorecardTrend}.
 *
 * @public
 */
export interface EntityScorecardTrend {
  entityRef: string;
  /** How many days back the trend reaches, ending today. */
  days: number;
  /** One point per day on which the entity had results, oldest first; can be empty. */
  points: ScorecardTrendPoint[];
}

/**
 * Reads governance information from the governance backend.
 *
 * @public
 */
export interface GovernanceApi {
  /**
   * The governance summary of one catalog entity: tier, stored scorecard, ownership,
   * decision scope and annotation problems.
   *
   * @param entityRef - A full entity ref such as `component:default/payments`.
   */
  getEntitySummary(entityRef: string): Promise<EntityGovernanceSummary>;

  /**
   * Evaluates the entity's scorecard now, against the facts stored at this moment, and
   * returns the summary with the fresh results.
   *
   * @param entityRef - A full entity ref such as `component:default/payments`.
   */
  refreshScorecard(entityRef: string): Promise<EntityGovernanceSummary>;

  /**
   * The daily share of the entity's passing checks over the last days, rebuilt from the stored
   * history. Days on which the entity had no results are left out, so `points` can be empty.
   *
   * @param entityRef - A full entity ref such as `component:default/payments`.
   * @param days - How many days back, ending today: 1 to 366; the backend defaults to 90.
   */
  getScorecardTrend(
    entityRef: string,
    days?: number,
  ): Promise<EntityScorecardTrend>;

  /**
   * Grants a waiver: until it expires or is revoked, the check shows as `waived` instead of
   * failing, warning or unknown. Needs the `governance.waiver.create` permission.
   *
   * @param request - The entity, the check, why, and when the waiver expires (ISO timestamp).
   * @returns The waiver as stored, with who granted it and when.
   */
  createWaiver(request: CreateWaiverRequest): Promise<Waiver>;

  /**
   * Revokes a waiver, so the check shows its real state again. Needs the
   * `governance.waiver.create` permission. Fails with 404 for an unknown waiver and 409 for one
   * that is already revoked.
   *
   * @param id - The waiver's id, as in `CheckResult.waiver.id`.
   * @returns The revoked waiver, with who revoked it and when.
   */
  revokeWaiver(id: string): Promise<Waiver>;

  /**
   * Every waiver of the entity, newest first, including revoked and expired ones.
   *
   * @param entityRef - A full entity ref such as `component:default/payments`.
   */
  listWaivers(entityRef: string): Promise<Waiver[]>;
}

/**
 * The {@link GovernanceApi} reference.
 *
 * @public
 */
export const governanceApiRef = createApiRef<GovernanceApi>({
  id: 'plugin.governance.service',
});
