import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  governancePermissions,
  TESTING_KINDS,
  validateStandardChecks,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  GovernanceAdrParser,
  GovernanceCustomCheck,
  GovernanceEscalationTrigger,
  GovernanceFactProvider,
  governanceAdrParserExtensionPoint,
  governanceChecksExtensionPoint,
  governanceEscalationTriggersExtensionPoint,
  governanceFactProvidersExtensionPoint,
} from '@catalog-governance/backstage-plugin-governance-node';
import { registerAdrActions } from './adrs/adrActions';
import { AdrIngestor } from './adrs/AdrIngestor';
import { AnnotationProblemScan } from './annotations/AnnotationProblemScan';
import { registerCampaignActions } from './campaigns/campaignActions';
import { CampaignNotifier } from './campaigns/CampaignNotifier';
import { campaignOverdueTrigger } from './campaigns/campaignOverdueTrigger';
import { CampaignService } from './campaigns/CampaignService';
import { readGovernanceConfig } from './config';
import { DatabaseAdrStore } from './database/DatabaseAdrStore';
import { DatabaseAnnotationProblemStore } from './database/DatabaseAnnotationProblemStore';
import { DatabaseCampaignStore } from './database/DatabaseCampaignStore';
import { DatabaseEscalationSignals } from './database/DatabaseEscalationSignals';
import { DatabaseGovernanceStore } from './database/DatabaseGovernanceStore';
import { DatabaseReviewStore } from './database/DatabaseReviewStore';
import { DatabaseStandardsStore } from './database/DatabaseStandardsStore';
import { migrateGovernanceDatabase } from './database/migrateGovernanceDatabase';
import { FactProviderRunner } from './facts/FactProviderRunner';
import { FactRetention } from './facts/FactRetention';
import { FactWriters } from './facts/FactWriters';
import { EscalationRunner } from './reviews/EscalationRunner';
import { DatabaseReviewCauses } from './database/DatabaseReviewCauses';
import { ReviewNotifier } from './reviews/ReviewNotifier';
import { ReviewService } from './reviews/ReviewService';
import { TradeOffService } from './reviews/TradeOffService';
import { DatabaseTradeOffStore } from './database/DatabaseTradeOffStore';
import { registerReviewActions } from './reviews/reviewActions';
import { builtInTriggers } from './reviews/triggers/builtInTriggers';
import { scheduleScorecardEvaluation } from './scorecards/scheduleScorecardEvaluation';
import { ScorecardEngine } from './scorecards/ScorecardEngine';
import { ScorecardHistoryRetention } from './scorecards/ScorecardHistoryRetention';
import { createRouter } from './service/router';
import { StandardsService } from './standards/StandardsService';
import { EntitySummaryService } from './summary/EntitySummaryService';
import { TierSync } from './tiers/TierSync';
import { CatalogVisibility } from './catalog/CatalogVisibility';
import { retryingCatalogReads } from './catalog/retryingCatalogReads';
import { DatabaseStackStore } from './database/DatabaseStackStore';
import { StackChecks } from './stack/StackChecks';
import {
  readRadarSchedule,
  readRadarSource,
  StackRadar,
} from './stack/StackRadar';
import { StackTechnologiesService } from './stack/StackTechnologiesService';
import { Duration } from 'luxon';

/** What modules add through an extension point, and the method they add it with. */
function collector<T>(): [T[], (...items: T[]) => void] {
  const items: T[] = [];
  return [items, (...added) => items.push(...added)];
}

/**
 * The governance backend plugin.
 *
 * @public
 */
export const governancePlugin = createBackendPlugin({
  pluginId: 'governance',
  register(env) {
    const [customChecks, addChecks] = collector<GovernanceCustomCheck>();
    env.registerExtensionPoint(governanceChecksExtensionPoint, { addChecks });
    const [factProviders, addFactProviders] =
      collector<GovernanceFactProvider>();
    env.registerExtensionPoint(governanceFactProvidersExtensionPoint, {
      addFactProviders,
    });
    const [customTriggers, addTriggers] =
      collector<GovernanceEscalationTrigger>();
    env.registerExtensionPoint(governanceEscalationTriggersExtensionPoint, {
      addTriggers,
    });
    const [adrParsers, addParser] = collector<GovernanceAdrParser>();
    env.registerExtensionPoint(governanceAdrParserExtensionPoint, {
      addParser,
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auditor: coreServices.auditor,
        urlReader: coreServices.urlReader,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(services) {
        // Every catalog read of the plugin survives a connection dropped under it.
        const deps = {
          ...services,
          catalog: retryingCatalogReads(services.catalog, services.logger),
        };
        const { config, logger, scheduler } = deps;
        const settings = readGovernanceConfig(config, {
          customCheckIds: customChecks.map(check => check.id),
        });
        const { tierPolicies, factDefinitions, reviewKinds, councilGroup } =
          settings;
        deps.permissionsRegistry.addPermissions(governancePermissions);

        const knex = await migrateGovernanceDatabase(deps.database);
        const store = new DatabaseGovernanceStore(knex, settings.factRetention);
        const adrStore = new DatabaseAdrStore(knex, {
          policy: settings.adrPolicy.retrospective,
          staleAfterMonths: settings.adrPolicy.staleAfterMonths,
        });
        const reviewStore = new DatabaseReviewStore(knex);
        const signals = new DatabaseEscalationSignals(knex);

        // The approved stack: the radar is read on its own schedule and stored; the check reads
        // the stored copy, so every replica evaluates against the same radar.
        const stackStore = new DatabaseStackStore(knex);
        const stackRadar = new StackRadar({
          ...deps,
          source: readRadarSource(config),
          store: stackStore,
        });
        await stackRadar.schedule(scheduler, readRadarSchedule(config));

        const scorecards = new ScorecardEngine({
          ...deps,
          store,
          tierPolicies,
          factDefinitions,
          warnMarginPercent: settings.scorecard.warnMarginPercent,
          customChecks,
          levelPolicy: settings.levelPolicy,
          allowedDependencyTiers: settings.allowedDependencyTiers,
          fullReadInterval: Duration.fromObject(
            settings.scorecard.fullReadInterval,
          ),
          adrs: adrStore,
          stackChecks: stackRadar.configured
            ? new StackChecks({
                radar: stackRadar,
                store: stackStore,
                adrs: adrStore,
              })
            : undefined,
        });
        await scheduleScorecardEvaluation({
          scheduler,
          schedule: settings.scorecard.schedule,
          scorecards,
          facts: new FactRetention({
            ...deps,
            store,
            policy: settings.factRetention,
          }),
          history: new ScorecardHistoryRetention({
            store,
            logger,
            retentionDays: settings.scorecard.historyRetentionDays,
          }),
        });
        if (settings.standardsConfigured) {
          // A testing kind no tier asks for yet is still a check a standard may name.
          validateStandardChecks(
            settings.standards,
            new Set([
              ...scorecards.knownChecks(),
              ...TESTING_KINDS.map(kind => `testing-${kind}`),
            ]),
          );
        }
        const standards = new StandardsService({
          store: new DatabaseStandardsStore(knex),
          standards: settings.standards,
          logger,
          retentionDays: settings.scorecard.historyRetentionDays,
        });
        await standards.schedule(
          scheduler,
          settings.standardsSnapshot.schedule,
        );
        await new FactProviderRunner({
          ...deps,
          store,
          scorecards,
          tierPolicies,
          factDefinitions,
        }).schedule(scheduler, factProviders);

        await adrStore.recomputeRetrospectiveDates();
        const integrations = ScmIntegrations.fromConfig(config);
        const adrs = new AdrIngestor({
          ...deps,
          integrations,
          store: adrStore,
          policy: settings.adrPolicy,
          parsers: adrParsers,
          reviews: reviewStore,
        });
        await adrs.schedule(scheduler, settings.adrs.schedule);

        await new TierSync({ ...deps, store, tierPolicies }).schedule(
          scheduler,
          settings.tierSync.schedule,
        );
        // The same catalog read as the tier sync, on the same schedule.
        const annotationProblems = new DatabaseAnnotationProblemStore(knex);
        await new AnnotationProblemScan({
          ...deps,
          store: annotationProblems,
          tierPolicies,
        }).schedule(scheduler, settings.tierSync.schedule);

        const tradeOffStore = new DatabaseTradeOffStore(knex);
        const reviews = new ReviewService({
          ...deps,
          store: reviewStore,
          tradeOffs: tradeOffStore,
          causes: new DatabaseReviewCauses(knex),
          kinds: reviewKinds,
          councilGroup,
          notifier: new ReviewNotifier({
            notifications: deps.notifications,
            logger,
            councilGroup,
          }),
        });
        // Campaigns read the stored results and placements; overdue owners escalate below.
        const campaignStore = new DatabaseCampaignStore(knex);
        const campaigns = new CampaignService({
          ...deps,
          store: campaignStore,
          notifier: new CampaignNotifier({ ...deps, store: campaignStore }),
          knownChecks: () => scorecards.knownChecks(),
        });
        await campaigns.schedule(scheduler, settings.campaigns.schedule);

        await new EscalationRunner({
          reviews,
          kinds: reviewKinds,
          logger,
          triggers: [
            ...builtInTriggers({
              ...deps,
              settings: settings.escalations.triggers,
              tierPolicies,
              signals,
              reviewStore,
              adrStore,
              levelPolicy: settings.levelPolicy,
              stackStore: stackRadar.configured ? stackStore : undefined,
            }),
            campaignOverdueTrigger({ campaigns }),
            ...customTriggers,
          ],
        }).schedule(scheduler, settings.escalations.schedule);

        const summaries = new EntitySummaryService({
          catalog: deps.catalog,
          store,
          scorecards,
          tierPolicies,
          validationMode: settings.validationMode,
        });
        registerAdrActions({
          actionsRegistry: deps.actionsRegistry,
          catalog: deps.catalog,
          permissions: deps.permissions,
          adrStore,
        });
        registerCampaignActions({
          actionsRegistry: deps.actionsRegistry,
          campaigns,
        });
        registerReviewActions({
          actionsRegistry: deps.actionsRegistry,
          auth: deps.auth,
          reviews,
          summaries,
        });

        deps.httpRouter.use(
          await createRouter({
            ...deps,
            store,
            annotationProblems,
            scorecards,
            factDefinitions,
            adrStore,
            adrs,
            integrations,
            summaries,
            reviews,
            tradeOffs: new TradeOffService({
              ...deps,
              reviews,
              store: tradeOffStore,
              defaultCriteria: settings.tradeOffCriteria,
            }),
            campaigns,
            standards,
            stackTechnologies: new StackTechnologiesService({
              radar: stackRadar,
              store: stackStore,
              visibility: new CatalogVisibility(deps),
            }),
            councilGroup,
            waiverMaxMonths: settings.waiverMaxMonths,
            impactWindowDays: settings.impactWindowDays,
            factWriters: new FactWriters({
              ...deps,
              group: settings.factWritersGroup,
            }),
          }),
        );
        logger.info(
          `Governance ready with tiers ${[...tierPolicies.keys()].join(', ')}`,
        );
      },
    });
  },
});
