import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { readCouncilGroup } from '@catalog-governance/backstage-plugin-governance-common';
import { createGovernanceCouncilPolicy } from '@catalog-governance/backstage-plugin-governance-node';

/**
 * A ready-made permission policy: the architecture council's permissions (triage and decide
 * reviews, grant waivers) go to the members of `governance.council.group`; everything else is
 * allowed, as with Backstage's allow-all policy that it replaces. A company with a policy of its
 * own does not install this module: it calls `createGovernanceCouncilPolicy` from
 * `@catalog-governance/backstage-plugin-governance-node` with its policy as `fallback`.
 *
 * @public
 */
export const governancePermissionPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'governance-council-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ policy, config, catalog, auth }) {
        policy.setPolicy(
          createGovernanceCouncilPolicy({
            catalog,
            auth,
            councilGroup: readCouncilGroup(config),
          }),
        );
      },
    });
  },
});
