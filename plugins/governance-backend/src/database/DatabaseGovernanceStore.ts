import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ComplianceStore } from './ComplianceStore';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';
import { DatabaseEntityRecordStore } from './DatabaseEntityRecordStore';
import { DatabaseFactStore } from './DatabaseFactStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { DatabaseTierStore } from './DatabaseTierStore';
import { DatabaseWaiverStore } from './DatabaseWaiverStore';
import { EntityRecordStore } from './EntityRecordStore';
import { FactStore } from './FactStore';
import { GovernanceStore } from './GovernanceStore';
import { migrateGovernanceDatabase } from './migrateGovernanceDatabase';
import { ScorecardStore } from './ScorecardStore';
import { TierStore } from './TierStore';
import { WaiverStore } from './WaiverStore';

/**
 * {@link GovernanceStore} made of one knex store per aggregate on one database client.
 *
 * @internal
 */
export class DatabaseGovernanceStore implements GovernanceStore {
  /**
   * Migrates the database, then creates the store: for tests and tools that use this store on
   * its own. The plugin migrates once in init and uses the constructor.
   */
  static async create(options: {
    database: DatabaseService;
    /** How many sources one entity's fact keeps at most (default 10). */
    maxSourcesPerFact?: number;
  }): Promise<DatabaseGovernanceStore> {
    return new DatabaseGovernanceStore(
      await migrateGovernanceDatabase(options.database),
      options,
    );
  }

  readonly tiers: TierStore;
  readonly facts: FactStore;
  readonly scorecards: ScorecardStore;
  readonly compliance: ComplianceStore;
  readonly waivers: WaiverStore;
  readonly entityRecords: EntityRecordStore;

  constructor(db: Knex, options: { maxSourcesPerFact?: number } = {}) {
    this.tiers = new DatabaseTierStore(db);
    this.facts = new DatabaseFactStore(db, options);
    this.scorecards = new DatabaseScorecardStore(db);
    this.compliance = new DatabaseComplianceStore(db);
    this.waivers = new DatabaseWaiverStore(db);
    this.entityRecords = new DatabaseEntityRecordStore(db);
  }

  getEntityRecord: EntityRecordStore['getEntityRecord'] = (...args) =>
    this.entityRecords.getEntityRecord(...args);

  getEntityTier: TierStore['getEntityTier'] = (...args) =>
    this.tiers.getEntityTier(...args);
  syncTiers: TierStore['syncTiers'] = (...args) =>
    this.tiers.syncTiers(...args);
  listTierChanges: TierStore['listTierChanges'] = (...args) =>
    this.tiers.listTierChanges(...args);

  addFacts: FactStore['addFacts'] = (...args) => this.facts.addFacts(...args);
  getFacts: FactStore['getFacts'] = (...args) => this.facts.getFacts(...args);
  listFactEntityRefs: FactStore['listFactEntityRefs'] = () =>
    this.facts.listFactEntityRefs();
  listFactChangesSince: FactStore['listFactChangesSince'] = (...args) =>
    this.facts.listFactChangesSince(...args);
  countFactRemovals: FactStore['countFactRemovals'] = () =>
    this.facts.countFactRemovals();
  removeFacts: FactStore['removeFacts'] = (...args) =>
    this.facts.removeFacts(...args);
  pruneFacts: FactStore['pruneFacts'] = (...args) =>
    this.facts.pruneFacts(...args);
  getFactHistory: FactStore['getFactHistory'] = (...args) =>
    this.facts.getFactHistory(...args);

  storeEvaluations: ScorecardStore['storeEvaluations'] = (...args) =>
    this.scorecards.storeEvaluations(...args);
  getResults: ScorecardStore['getResults'] = (...args) =>
    this.scorecards.getResults(...args);
  getResultsAndOwner: ScorecardStore['getResultsAndOwner'] = (...args) =>
    this.scorecards.getResultsAndOwner(...args);
  listTransitions: ScorecardStore['listTransitions'] = (...args) =>
    this.scorecards.listTransitions(...args);
  listLevelChanges: ScorecardStore['listLevelChanges'] = (...args) =>
    this.scorecards.listLevelChanges(...args);
  getEvaluationStamps: ScorecardStore['getEvaluationStamps'] = (...args) =>
    this.scorecards.getEvaluationStamps(...args);
  markAllEvaluated: ScorecardStore['markAllEvaluated'] = (...args) =>
    this.scorecards.markAllEvaluated(...args);
  getLastPass: ScorecardStore['getLastPass'] = () =>
    this.scorecards.getLastPass();
  countEvaluatedEntities: ScorecardStore['countEvaluatedEntities'] = () =>
    this.scorecards.countEvaluatedEntities();
  recordCatalogEtags: ScorecardStore['recordCatalogEtags'] = (...args) =>
    this.scorecards.recordCatalogEtags(...args);
  removeResultsExcept: ScorecardStore['removeResultsExcept'] = (...args) =>
    this.scorecards.removeResultsExcept(...args);
  pruneHistory: ScorecardStore['pruneHistory'] = (...args) =>
    this.scorecards.pruneHistory(...args);

  listEvaluatedEntityRefs: ComplianceStore['listEvaluatedEntityRefs'] = () =>
    this.compliance.listEvaluatedEntityRefs();
  getComplianceRollup: ComplianceStore['getComplianceRollup'] = (...args) =>
    this.compliance.getComplianceRollup(...args);
  listComplianceEntities: ComplianceStore['listComplianceEntities'] = (
    ...args
  ) => this.compliance.listComplianceEntities(...args);
  recordComplianceDay: ComplianceStore['recordComplianceDay'] = (...args) =>
    this.compliance.recordComplianceDay(...args);
  getComplianceTrend: ComplianceStore['getComplianceTrend'] = (...args) =>
    this.compliance.getComplianceTrend(...args);

  createWaiver: WaiverStore['createWaiver'] = (...args) =>
    this.waivers.createWaiver(...args);
  revokeWaiver: WaiverStore['revokeWaiver'] = (...args) =>
    this.waivers.revokeWaiver(...args);
  listWaivers: WaiverStore['listWaivers'] = (...args) =>
    this.waivers.listWaivers(...args);
  listWaiverChangesSince: WaiverStore['listWaiverChangesSince'] = (...args) =>
    this.waivers.listWaiverChangesSince(...args);
}
