import { createBackendModule } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  governanceChecksExtensionPoint,
  governanceFactProvidersExtensionPoint,
} from '@catalog-governance/backstage-plugin-governance-node';

const TECHDOCS_REF = 'backstage.io/techdocs-ref';

/**
 * An example fact provider with the check that reads its fact, added the way an adopter would:
 * every hour it records for each governed entity whether it publishes TechDocs (the custom
 * fact `hasTechDocs`, declared under `governance.facts` in app-config.yaml), and critical and
 * core services must. A real provider would ask an outside system (code quality, monitoring,
 * an incident tool) instead of reading the entity.
 */
export const governanceDocsFactProvider = createBackendModule({
  pluginId: 'governance',
  moduleId: 'docs-fact-provider',
  register(env) {
    env.registerInit({
      deps: {
        providers: governanceFactProvidersExtensionPoint,
        checks: governanceChecksExtensionPoint,
      },
      async init({ providers, checks }) {
        providers.addFactProviders({
          id: 'techdocs',
          schedule: {
            frequency: { hours: 1 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 20 },
          },
          async collect(entities) {
            return entities.map(entity => ({
              entityRef: stringifyEntityRef(entity),
              name: 'hasTechDocs',
              value: Boolean(entity.metadata.annotations?.[TECHDOCS_REF]),
            }));
          },
        });
        checks.addChecks({
          id: 'documentation',
          title: 'Documentation',
          factName: 'hasTechDocs',
          target: 'publishes TechDocs',
          tiers: ['critical', 'core'],
          evaluate: value =>
            value === true
              ? { state: 'pass', actual: 'published' }
              : { state: 'fail', actual: `no ${TECHDOCS_REF} annotation` },
        });
      },
    });
  },
});
