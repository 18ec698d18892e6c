import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { governanceLocalDirectoryUrlReader } from '@catalog-governance/backstage-plugin-governance-backend';
import { governanceDocsFactProvider } from './governanceDocsFactProvider';
import { governanceErrorBudgetCheck } from './governanceErrorBudgetCheck';

/**
 * The governance suite as the example app runs it, for the example backend and each replica of
 * the reliability tests alike: annotation validation in the catalog, the governance backend, the
 * reader of file: ADR locations inside governance.adrs.allowedLocalDirectories, and the example
 * checks that app-config.yaml's standards name (start-up fails without them).
 */
export const governanceSuite = createBackendFeatureLoader({
  *loader() {
    yield import(
      '@catalog-governance/backstage-plugin-catalog-backend-module-governance'
    );
    yield import('@catalog-governance/backstage-plugin-governance-backend');
    yield governanceLocalDirectoryUrlReader;
    // an example custom scorecard check, through governanceChecksExtensionPoint
    yield governanceErrorBudgetCheck;
    // an example fact provider and its check, through governanceFactProvidersExtensionPoint
    yield governanceDocsFactProvider;
  },
});
