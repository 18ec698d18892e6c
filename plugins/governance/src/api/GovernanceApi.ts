import { createApiRef } from '@backstage/core-plugin-api';
import { EntityGovernanceSummary } from '@internal/backstage-plugin-governance-common';

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
}

/**
 * The {@link GovernanceApi} reference.
 *
 * @public
 */
export const governanceApiRef = createApiRef<GovernanceApi>({
  id: 'plugin.governance.service',
});
