/*
 * Tech Insights as both comparison benches run it: its plugin, its JSON rules fact checker and a
 * module of fact retrievers serving the bench's measured facts, with the config that schedules
 * them. techInsights.bench.ts runs it on an in-memory catalog, realCatalog.bench.ts beside
 * Backstage's real catalog backend.
 */
import {
  BackendFeature,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import techInsightsModuleJsonRulesEngineFactCheckerFactory from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import type { MeasuredFact } from '@catalog-governance/backstage-plugin-governance-backend/testUtils';
import { RETRIEVERS } from '../src/jsonRulesChecks';

function factRetriever(
  id: string,
  fact: string,
  description: string,
  facts: MeasuredFact[],
): FactRetriever {
  return {
    id,
    version: '0.1.0',
    entityFilter: [{ kind: 'component' }],
    schema: { [fact]: { type: 'float', description } },
    handler: async () =>
      facts
        .filter(f => f.name === fact)
        .map(f => {
          const { kind, namespace, name } = parseEntityRef(f.entityRef);
          return {
            entity: { kind, namespace, name },
            facts: { [fact]: f.value as number },
          };
        }),
  };
}

/**
 * The Tech Insights plugin, its JSON rules module and the bench's {@link RETRIEVERS}, which
 * return `facts` as a real retriever would after asking its tool.
 */
export function techInsightsFeatures(facts: MeasuredFact[]): BackendFeature[] {
  return [
    techInsightsPlugin,
    techInsightsModuleJsonRulesEngineFactCheckerFactory,
    createBackendModule({
      pluginId: 'tech-insights',
      moduleId: 'governance-bench-facts',
      register(reg) {
        reg.registerInit({
          deps: { providers: techInsightsFactRetrieversExtensionPoint },
          async init({ providers }) {
            providers.addFactRetrievers(
              Object.fromEntries(
                Object.entries(RETRIEVERS).map(
                  ([id, { fact, description }]) => [
                    id,
                    factRetriever(id, fact, description, facts),
                  ],
                ),
              ),
            );
          },
        });
      },
    }),
  ];
}

/**
 * `techInsights` config: the retrievers run once a year after a one-second initial delay (the
 * bench runs them at start-up or triggers them), and `checks` from `jsonRulesChecks`.
 */
export function techInsightsConfig(checks: object) {
  return {
    factRetrievers: Object.fromEntries(
      Object.keys(RETRIEVERS).map(id => [
        id,
        { cadence: '0 0 1 1 *', initialDelay: { seconds: 1 } },
      ]),
    ),
    factChecker: { checks },
  };
}
