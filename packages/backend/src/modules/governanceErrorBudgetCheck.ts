import { createBackendModule } from '@backstage/backend-plugin-api';
import { governanceChecksExtensionPoint } from '@catalog-governance/backstage-plugin-governance-node';

/**
 * An example custom scorecard check, added the way an adopter would: critical and core services
 * must not burn more than their monthly error budget. It reads the custom fact
 * `errorBudgetBurn` (percent of the month's budget spent), declared under `governance.facts`
 * in app-config.yaml, which monitoring pushes to the facts API.
 */
export const governanceErrorBudgetCheck = createBackendModule({
  pluginId: 'governance',
  moduleId: 'error-budget-check',
  register(env) {
    env.registerInit({
      deps: { checks: governanceChecksExtensionPoint },
      async init({ checks }) {
        checks.addChecks({
          id: 'error-budget',
          title: 'Error budget',
          factName: 'errorBudgetBurn',
          target: '<= 100% of the monthly budget spent',
          tiers: ['critical', 'core'],
          evaluate: value => {
            const burn = value as number;
            let state: 'pass' | 'warn' | 'fail' = 'pass';
            if (burn > 100) {
              state = 'fail';
            } else if (burn > 80) {
              state = 'warn';
            }
            return { state, actual: `${burn}% spent` };
          },
        });
      },
    });
  },
});
