/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';
import { authModuleExampleEngineerProvider } from './modules/authModuleExampleEngineerProvider';
import { governanceExampleCampaign } from './modules/governanceExampleCampaign';
import { governanceExampleTradeOff } from './modules/governanceExampleTradeOff';
import { governanceExampleHistory } from './modules/governanceExampleHistory';
import { governanceExampleDeliveryFacts } from './modules/governanceExampleDeliveryFacts';
import { governanceSuite } from './modules/governanceSuite';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// governance:adr:create, for the template examples/templates/record-adr
backend.add(
  import(
    '@catalog-governance/backstage-plugin-scaffolder-backend-module-governance'
  ),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// See https://backstage.io/docs/auth/guest/provider
// A second guest-like sign-in, as an engineer who is not on the council (auth.providers.engineer)
backend.add(authModuleExampleEngineerProvider);

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// Shows entities held back by processing errors on the catalog's unprocessed-entities page
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));

// governance suite: annotation validation in the catalog, the governance backend, its example checks
backend.add(governanceSuite);
// example data: measured history around checkout-web's accepted ADR 0002, for its decision impact
backend.add(governanceExampleHistory);
// Example data: delivery metrics around checkout-web's ADR 0002, for its decision impact.
backend.add(governanceExampleDeliveryFacts);
// example data: one running campaign, on the core services' coverage, with ten days of progress
backend.add(governanceExampleCampaign);
backend.add(governanceExampleTradeOff);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// The architecture council's permissions go to the members of governance.council.group, the
// rest is allowed. See https://backstage.io/docs/permissions/getting-started for writing a policy.
backend.add(
  import(
    '@catalog-governance/backstage-plugin-permission-backend-module-governance-policy'
  ),
);

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));
// ADRs stored by the governance plugin, with their status, in search results
backend.add(
  import(
    '@catalog-governance/backstage-plugin-search-backend-module-governance'
  ),
);

// kubernetes plugin
backend.add(import('@backstage/plugin-kubernetes-backend'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
