import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  governancePermissions,
  readAdrPolicy,
  readCouncilGroup,
  readReviewKinds,
  readFactDefinitions,
  readTierPolicies,
  readValidationMode,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  GovernanceCustomCheck,
  GovernanceEscalationTrigger,
  GovernanceFactProvider,
  governanceChecksExtensionPoint,
  governanceEscalationTriggersExtensionPoint,
  governanceFactProvidersExtensionPoint,
} from '@catalog-governance/backstage-plugin-governance-node';
import { DatabaseReviewStore } from './database/DatabaseReviewStore';
import { EscalationSignals } from './database/EscalationSignals';
import { EscalationRunner } from './reviews/EscalationRunner';
import { ReviewNotifier } from './reviews/ReviewNotifier';
import { ReviewService } from './reviews/ReviewService';
import { registerReviewActions } from './reviews/reviewActions';
import { builtInTriggers } from './reviews/triggers/builtInTriggers';
import { FactProviderRunner } from './facts/FactProviderRunner';
import { FactRetention, readFactRetention } from './facts/FactRetention';
import { FactWriters, readFactWritersGroup } from './facts/FactWriters';
import { ScmIntegrations } from '@backstage/integration';
import { AdrIngestor } from './adrs/AdrIngestor';
import { DatabaseAdrStore } from './database/DatabaseAdrStore';
import { DatabaseGovernanceStore } from './database/DatabaseGovernanceStore';
import { EntitySummaryService } from './summary/EntitySummaryService';
import { createRouter } from './service/router';
import { ScorecardEngine } from './scorecards/ScorecardEngine';
import { TierSync } from './tiers/TierSync';

function readDuration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

function readWarnMargin(config: Config): number {
  const key = 'governance.scorecard.warnMarginPercent';
  const margin = config.getOptionalNumber(key) ?? 5;
  if (!(margin >= 0 && margin <= 50)) {
    throw new Error(
      `Invalid config at '${key}': ${margin} is out of range, allowed is 0 to 50`,
    );
  }
  return margin;
}

function readRetentionDays(config: Config): number {
  const key = 'governance.scorecard.historyRetentionDays';
  const days = config.getOptionalNumber(key) ?? 365;
  if (!(Number.isInteger(days) && days >= 1)) {
    throw new Error(
      `Invalid config at '${key}': ${days} is not allowed, expected a whole number of days, at least 1`,
    );
  }
  return days;
}

/**
 * The governance backend plugin.
 *
 * @public
 */
export const governancePlugin = createBackendPlugin({
  pluginId: 'governance',
  register(env) {
    const customChecks: GovernanceCustomCheck[] = [];
    env.registerExtensionPoint(governanceChecksExtensionPoint, {
      addChecks(...checks) {
        customChecks.push(...checks);
      },
    });
    const factProviders: GovernanceFactProvider[] = [];
    env.registerExtensionPoint(governanceFactProvidersExtensionPoint, {
      addFactProviders(...providers) {
        factProviders.push(...providers);
      },
    });
    const customTriggers: GovernanceEscalationTrigger[] = [];
    env.registerExtensionPoint(governanceEscalationTriggersExtensionPoint, {
      addTriggers(...triggers) {
        customTriggers.push(...triggers);
      },
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
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, database, scheduler, httpRouter } = deps;
        // Both throw with the offending key, so a bad config fails start-up.
        const tierPolicies = readTierPolicies(config);
        const validationMode = readValidationMode(config);
        const factDefinitions = readFactDefinitions(config);
        const warnMarginPercent = readWarnMargin(config);
        const historyRetentionDays = readRetentionDays(config);
        const adrPolicy = readAdrPolicy(config);
        const reviewKinds = readReviewKinds(config);
        const councilGroup = readCouncilGroup(config);
        const factRetention = readFactRetention(config);
        const store = await DatabaseGovernanceStore.create({
          database,
          maxSourcesPerFact: factRetention.maxSourcesPerFact,
        });
        deps.permissionsRegistry.addPermissions(governancePermissions);

        const scorecards = new ScorecardEngine({
          ...deps,
          store,
          tierPolicies,
          factDefinitions,
          warnMarginPercent,
          customChecks,
        });
        const facts = new FactRetention({
          ...deps,
          store,
          policy: factRetention,
        });
        await scheduler.scheduleTask({
          id: 'governance-evaluate-scorecards',
          frequency: readDuration(config, 'governance.scorecard.frequency', {
            minutes: 10,
          }),
          // After this long a replica that died mid-run (or hangs) loses the task, and another
          // replica runs it on the next tick.
          timeout: readDuration(config, 'governance.scorecard.timeout', {
            minutes: 15,
          }),
          initialDelay: readDuration(
            config,
            'governance.scorecard.initialDelay',
            { seconds: 30 },
          ),
          fn: async () => {
            // Facts first, so the evaluation already reads without the ones that go.
            await facts.prune();
            await scorecards.evaluateAll();
            const cutoff = new Date(
              Date.now() - historyRetentionDays * 86_400_000,
            );
            const pruned = await store.pruneHistory(cutoff);
            logger.info(
              `Pruned ${pruned} scorecard history rows older than ${historyRetentionDays} days`,
            );
          },
        });

        await new FactProviderRunner({
          ...deps,
          store,
          scorecards,
          tierPolicies,
          factDefinitions,
        }).schedule(scheduler, factProviders);

        const adrStore = await DatabaseAdrStore.create({
          database,
          policy: adrPolicy.retrospective,
        });
        await adrStore.recomputeRetrospectiveDates();
        const integrations = ScmIntegrations.fromConfig(config);
        const adrs = new AdrIngestor({
          ...deps,
          integrations,
          store: adrStore,
          policy: adrPolicy,
        });
        await scheduler.scheduleTask({
          id: 'governance-ingest-adrs',
          frequency: readDuration(config, 'governance.adrs.frequency', {
            minutes: 30,
          }),
          timeout: { minutes: 30 },
          initialDelay: { seconds: 20 },
          fn: async () => {
            await adrs.ingestAll();
          },
        });

        const tierSync = new TierSync({ ...deps, store, tierPolicies });
        await scheduler.scheduleTask({
          id: 'governance-tier-sync',
          frequency: readDuration(config, 'governance.tierSync.frequency', {
            minutes: 5,
          }),
          timeout: { minutes: 5 },
          initialDelay: { seconds: 15 },
          fn: () => tierSync.run(),
        });

        const reviewStore = await DatabaseReviewStore.create({ database });
        const reviews = new ReviewService({
          ...deps,
          store: reviewStore,
          kinds: reviewKinds,
          councilGroup,
          notifier: new ReviewNotifier({
            notifications: deps.notifications,
            logger,
            councilGroup,
          }),
        });
        const escalations = new EscalationRunner({
          reviews,
          kinds: reviewKinds,
          logger,
          triggers: [
            ...builtInTriggers({
              ...deps,
              tierPolicies,
              signals: await EscalationSignals.create({ database }),
              reviewStore,
              adrStore,
            }),
            ...customTriggers,
          ],
        });
        await scheduler.scheduleTask({
          id: 'governance-escalation-triggers',
          frequency: readDuration(
            config,
            'governance.reviews.triggers.frequency',
            { minutes: 5 },
          ),
          timeout: { minutes: 10 },
          initialDelay: readDuration(
            config,
            'governance.reviews.triggers.initialDelay',
            { seconds: 45 },
          ),
          fn: async () => {
            await escalations.run();
          },
        });

        const summaries = new EntitySummaryService({
          catalog: deps.catalog,
          store,
          scorecards,
          tierPolicies,
          validationMode,
        });
        registerReviewActions({
          actionsRegistry: deps.actionsRegistry,
          auth: deps.auth,
          reviews,
          summaries,
        });

        httpRouter.use(
          await createRouter({
            ...deps,
            store,
            scorecards,
            factDefinitions,
            adrStore,
            adrs,
            integrations,
            summaries,
            reviews,
            councilGroup,
            factWriters: new FactWriters({
              ...deps,
              group: readFactWritersGroup(config),
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
