import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ScorecardCheck } from '@internal/backstage-plugin-governance-common';

/**
 * A scorecard check contributed by a backend module, on top of the checks the tier policy
 * demands. It reads one fact: a built-in one, or a custom fact declared under
 * `governance.facts` in config (so the facts API accepts it).
 *
 * @public
 */
export interface GovernanceCustomCheck extends ScorecardCheck {
  /** The tiers the check applies to; every tier when absent. */
  tiers?: string[];
}

/**
 * Adds custom checks to every scorecard.
 *
 * @public
 */
export interface GovernanceChecksExtensionPoint {
  addChecks(...checks: GovernanceCustomCheck[]): void;
}

/**
 * The extension point for custom scorecard checks.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'governance',
 *   moduleId: 'error-budget-check',
 *   register(env) {
 *     env.registerInit({
 *       deps: { checks: governanceChecksExtensionPoint },
 *       async init({ checks }) {
 *         checks.addChecks({ id: 'error-budget', title: 'Error budget', factName: 'errorBudgetBurn', ... });
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const governanceChecksExtensionPoint =
  createExtensionPoint<GovernanceChecksExtensionPoint>({
    id: 'governance.checks',
  });
