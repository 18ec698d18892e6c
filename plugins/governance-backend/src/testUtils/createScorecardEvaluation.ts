import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CheckResult,
  TierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Duration } from 'luxon';
import { Knex } from 'knex';
import { readGovernanceConfig } from '../config';
import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';
import { MeasuredFact } from '../database/FactStore';
import { migrateGovernanceDatabase } from '../database/migrateGovernanceDatabase';
import { ScorecardEngine } from '../scorecards/ScorecardEngine';

/**
 * Governance's scorecards on a database of their own: facts go in as the facts API stores them,
 * and evaluations run and store their results as the plugin's scheduled task does.
 *
 * @public
 */
export interface ScorecardEvaluation {
  /** The tier policies the checks come from, as read from the config. */
  readonly tierPolicies: TierPolicies;

  /**
   * Stores measured facts in one transaction, keeping the latest observation of each entity,
   * fact and source.
   */
  addFacts(facts: MeasuredFact[], receivedAt: Date): Promise<void>;

  /**
   * Evaluates every governed entity of the catalog and stores the results that changed.
   *
   * @returns How many entities were evaluated
   */
  evaluateAll(now: Date): Promise<{ entities: number }>;

  /** One entity's stored results, in check order; undefined when it was never evaluated. */
  getResults(
    entityRef: string,
  ): Promise<{ results: CheckResult[]; evaluatedAt: string } | undefined>;
}

/**
 * Migrates `knex` to the governance schema and returns the scorecards on it, configured from
 * `config` as the plugin reads `governance.*` (the defaults when absent). For benchmarks and
 * tests that compare governance's evaluation with other tools.
 *
 * @public
 */
export async function createScorecardEvaluation(options: {
  /** A database of its own: the governance tables are created in it. */
  knex: Knex;
  /** Where the governed entities are read from. */
  catalog: CatalogService;
  /** Issues the service credentials the catalog is read with. */
  auth: AuthService;
  logger: LoggerService;
  config?: Config;
}): Promise<ScorecardEvaluation> {
  const settings = readGovernanceConfig(options.config ?? new ConfigReader({}));
  const db = await migrateGovernanceDatabase({
    getClient: async () => options.knex,
  });
  const store = new DatabaseGovernanceStore(db, settings.factRetention);
  const engine = new ScorecardEngine({
    catalog: options.catalog,
    auth: options.auth,
    store,
    tierPolicies: settings.tierPolicies,
    factDefinitions: settings.factDefinitions,
    warnMarginPercent: settings.scorecard.warnMarginPercent,
    fullReadInterval: Duration.fromObject(settings.scorecard.fullReadInterval),
    logger: options.logger,
  });
  return {
    tierPolicies: settings.tierPolicies,
    addFacts: (facts, receivedAt) => store.addFacts(facts, receivedAt),
    evaluateAll: now => engine.evaluateAll(now),
    getResults: entityRef => store.getResults(entityRef),
  };
}
