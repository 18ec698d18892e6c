import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  describeValue,
  FactDefinitions,
  parseIsoTimestamp,
  TierPolicies,
  validateFactValue,
} from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceFactProvider } from '@catalog-governance/backstage-plugin-governance-node';
import { readGovernedEntities } from '../catalog/readGovernedEntities';
import { SCORECARD_EXTRA_FIELDS } from '../scorecards/DependencyChecks';
import { FactStore, MeasuredFact } from '../database/FactStore';
import { ScorecardEngine } from '../scorecards/ScorecardEngine';

const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Runs the fact providers added through `governanceFactProvidersExtensionPoint`, each as its own
 * scheduled task, so a slow or failing provider never holds up the others.
 *
 * @internal
 */
export class FactProviderRunner {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: FactStore;
      scorecards: ScorecardEngine;
      tierPolicies: TierPolicies;
      factDefinitions: FactDefinitions;
      logger: LoggerService;
    },
  ) {}

  /** Fails start-up, naming the provider, when two share an id or an id is unusable. */
  static validate(providers: GovernanceFactProvider[]) {
    const ids = new Set<string>();
    for (const { id } of providers) {
      if (!PROVIDER_ID.test(id)) {
        throw new Error(
          `Governance fact provider id '${id}' is not allowed: use lowercase letters, digits and dashes, at most 63 characters`,
        );
      }
      if (ids.has(id)) {
        throw new Error(
          `Two governance fact providers share the id '${id}'; give each a unique id`,
        );
      }
      ids.add(id);
    }
  }

  async schedule(
    scheduler: SchedulerService,
    providers: GovernanceFactProvider[],
  ) {
    FactProviderRunner.validate(providers);
    for (const provider of providers) {
      await scheduler.scheduleTask({
        id: `governance-fact-provider-${provider.id}`,
        ...provider.schedule,
        fn: async () => {
          await this.run(provider);
        },
      });
    }
  }

  /**
   * Hands the provider every governed entity page by page, stores the valid facts it returns
   * and re-evaluates that page. Invalid facts are logged with what was wrong and skipped: one
   * bad value must not cost the valid ones.
   */
  async run(
    provider: GovernanceFactProvider,
    clock: () => Date = () => new Date(),
  ): Promise<{ stored: number; rejected: number }> {
    const { catalog, auth, store, scorecards, tierPolicies, factDefinitions } =
      this.deps;
    // The run's start: what a fact without its own observation time was observed at.
    const now = clock();
    const logger = this.deps.logger.child({ factProvider: provider.id });
    const credentials = await auth.getOwnServiceCredentials();
    const context = await scorecards.readCatalogContext(credentials);
    let stored = 0;
    let rejected = 0;
    for await (const page of readGovernedEntities({
      catalog,
      credentials,
      tierPolicies,
      extraFields: SCORECARD_EXTRA_FIELDS,
    })) {
      const pageRefs = new Set(page.map(e => stringifyEntityRef(e)));
      const facts: MeasuredFact[] = [];
      for (const fact of await provider.collect(page, { logger })) {
        const problem = checkProvidedFact(fact, pageRefs, factDefinitions, now);
        if (typeof problem === 'string') {
          rejected += 1;
          logger.warn(
            `Fact provider ${provider.id} returned an invalid fact, skipped: ${problem}`,
          );
          continue;
        }
        facts.push({ ...problem, source: `provider:${provider.id}` });
      }
      if (facts.length > 0) {
        // Received when written, not when the run began: a scheduled pass looks for facts
        // received since shortly before the last one, and a run can outlast that margin.
        const receivedAt = clock();
        await store.addFacts(facts, receivedAt);
        await scorecards.evaluatePage(page, receivedAt, context);
        stored += facts.length;
      }
    }
    logger.info(
      `Fact provider ${provider.id} stored ${stored} facts, rejected ${rejected}`,
    );
    return { stored, rejected };
  }
}

/** The fact ready to store, or what is wrong with it. */
function checkProvidedFact(
  fact: {
    entityRef: string;
    name: string;
    value: unknown;
    observedAt?: string;
  },
  pageRefs: Set<string>,
  factDefinitions: FactDefinitions,
  now: Date,
): Omit<MeasuredFact, 'source'> | string {
  const where = `${fact.entityRef} ${fact.name}`;
  if (!pageRefs.has(fact.entityRef)) {
    return `${where}: the entity is not one of those the provider was given`;
  }
  const definition = factDefinitions.get(fact.name);
  if (!definition) {
    return `${where}: unknown fact; known facts are ${[
      ...factDefinitions.keys(),
    ].join(', ')}`;
  }
  const checked = validateFactValue(definition, fact.value);
  if (!checked.ok) {
    return `${where}: ${checked.message}`;
  }
  const observedAt =
    fact.observedAt === undefined ? now : parseIsoTimestamp(fact.observedAt);
  if (!observedAt || observedAt > now) {
    return `${where}: observedAt ${describeValue(
      fact.observedAt,
    )} is not a past ISO 8601 date or timestamp with its zone`;
  }
  return {
    entityRef: fact.entityRef,
    name: fact.name,
    value: checked.value,
    observedAt: observedAt.toISOString(),
  };
}
