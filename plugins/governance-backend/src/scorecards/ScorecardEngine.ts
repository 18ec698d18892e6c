import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  applyWaivers,
  CheckResult,
  declaredFacts,
  evaluateScorecard,
  FactDefinitions,
  FactObservation,
  parseGovernanceAnnotations,
  ScorecardCheck,
  TierPolicies,
  tierChecks,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceCustomCheck } from '@catalog-governance/backstage-plugin-governance-node';
import { readGovernedEntities } from '../catalog/readGovernedEntities';
import { SystemDomains } from '../catalog/SystemDomains';
import { ComplianceStore } from '../database/ComplianceStore';
import { FactStore } from '../database/FactStore';
import { EntityEvaluation, ScorecardStore } from '../database/ScorecardStore';
import { WaiverStore } from '../database/WaiverStore';

/**
 * Evaluates scorecards and stores the results: on a schedule for every governed entity, for one
 * entity right after facts for it arrive, and on demand. Pages read the stored results.
 *
 * @internal
 */
export class ScorecardEngine {
  /** The tier's own checks, then the custom checks that apply to the tier. */
  private readonly checksByTier = new Map<string, ScorecardCheck[]>();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: FactStore & WaiverStore & ScorecardStore & ComplianceStore;
      tierPolicies: TierPolicies;
      factDefinitions: FactDefinitions;
      warnMarginPercent: number;
      logger: LoggerService;
      customChecks?: GovernanceCustomCheck[];
    },
  ) {
    validateCustomChecks(deps.customChecks ?? [], deps.factDefinitions);
    // The policy is fixed at start-up, so each tier's checks are built once, not per entity.
    for (const policy of deps.tierPolicies.values()) {
      this.checksByTier.set(policy.name, [
        ...tierChecks(policy, { warnMarginPercent: deps.warnMarginPercent }),
        ...(deps.customChecks ?? []).filter(
          c => !c.tiers || c.tiers.includes(policy.name),
        ),
      ]);
    }
  }

  /**
   * Evaluates the given entities against their tier's checks. Untiered ones get no results and
   * no placement, so storing them clears what they had.
   */
  private async evaluate(
    entities: Entity[],
    now: Date,
    domains: SystemDomains,
  ): Promise<EntityEvaluation[]> {
    const { store, tierPolicies, factDefinitions } = this.deps;
    const refs = entities.map(e => stringifyEntityRef(e));
    const measured = await store.getFacts(refs);
    const waiversByEntity = new Map<string, Waiver[]>();
    for (const waiver of await store.listWaivers(refs)) {
      waiversByEntity.set(waiver.entityRef, [
        ...(waiversByEntity.get(waiver.entityRef) ?? []),
        waiver,
      ]);
    }
    const evaluations: EntityEvaluation[] = [];
    for (const [i, entity] of entities.entries()) {
      const entityRef = refs[i];
      const { values } = parseGovernanceAnnotations(
        entity.metadata.annotations,
        { tierNames: tierPolicies.keys() },
      );
      const policy = values.tier ? tierPolicies.get(values.tier) : undefined;
      if (!policy) {
        evaluations.push({ entityRef, results: [] });
        continue;
      }
      const facts: FactObservation[] = [
        ...declaredFacts(values),
        ...(measured.get(entityRef) ?? []).map(f => ({
          name: f.name,
          value: f.value,
          origin: 'measured' as const,
          source: f.source,
          observedAt: f.observedAt,
        })),
      ];
      const evaluated = evaluateScorecard({
        checks: this.checksByTier.get(policy.name)!,
        facts,
        factDefinitions,
        now,
      });
      evaluations.push({
        entityRef,
        placement: {
          ...(await domains.placementOf(entity)),
          tier: policy.name,
        },
        results: applyWaivers(
          evaluated,
          waiversByEntity.get(entityRef) ?? [],
          now,
        ),
      });
    }
    return evaluations;
  }

  /**
   * Evaluates one entity now and stores its results. Reads the entity with the given
   * credentials (the caller's, so only an entity they can see is refreshed) or the plugin's own.
   */
  async evaluateEntity(
    entityRef: string,
    options?: { credentials?: BackstageCredentials; now?: Date },
  ): Promise<CheckResult[]> {
    const credentials =
      options?.credentials ?? (await this.deps.auth.getOwnServiceCredentials());
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return this.evaluateLoadedEntity(entity, options?.now ?? new Date());
  }

  /**
   * Evaluates an entity already read from the catalog and stores its results. Its system and
   * domain are looked up with the plugin's own credentials, whoever asked: the stored
   * placement feeds everyone's roll-ups, so it must not depend on what one caller can see.
   */
  async evaluateLoadedEntity(
    entity: Entity,
    now: Date,
  ): Promise<CheckResult[]> {
    const [evaluation] = await this.evaluate(
      [entity],
      now,
      SystemDomains.lookingUp(
        this.deps.catalog,
        await this.deps.auth.getOwnServiceCredentials(),
      ),
    );
    await this.deps.store.storeEvaluations([evaluation], now);
    return evaluation.results;
  }

  /**
   * Evaluates a page of entities read from the catalog and stores their results; `domains`
   * comes from {@link SystemDomains.readAll}, read once for all pages.
   */
  async evaluatePage(
    entities: Entity[],
    now: Date,
    domains: SystemDomains,
  ): Promise<EntityEvaluation[]> {
    const evaluations = await this.evaluate(entities, now, domains);
    await this.deps.store.storeEvaluations(evaluations, now);
    return evaluations;
  }

  /**
   * Evaluates every governed entity page by page, removes the current results of entities that
   * left the catalog or lost their tier (their history stays), and records the day's
   * compliance snapshot.
   */
  async evaluateAll(now = new Date()): Promise<{ entities: number }> {
    const { catalog, auth, store, tierPolicies, logger } = this.deps;
    logger.info('Evaluating the scorecards of every governed entity');
    const started = Date.now();
    const credentials = await auth.getOwnServiceCredentials();
    const domains = await SystemDomains.readAll(catalog, credentials);
    const seen = new Set<string>();
    // A page is evaluated while the previous one is written: reads and checks of one page
    // overlap the database's write of the other (different entities, so nothing is shared).
    let writing: Promise<void> = Promise.resolve();
    for await (const page of readGovernedEntities({
      catalog,
      credentials,
      tierPolicies,
    })) {
      const evaluations = await this.evaluate(page, now, domains);
      await writing;
      writing = store.storeEvaluations(evaluations, now);
      // A failed write surfaces at the next await instead of as an unhandled rejection.
      writing.catch(() => {});
      for (const { entityRef, placement } of evaluations) {
        if (placement) {
          seen.add(entityRef);
        }
      }
    }
    await writing;
    const removed = await store.removeResultsExcept(seen);
    await store.recordComplianceDay(now.toISOString().slice(0, 10));
    logger.info(
      `Evaluated scorecards of ${seen.size} entities in ${
        Date.now() - started
      } ms, removed results of ${removed} that left`,
    );
    return { entities: seen.size };
  }
}

const TIER_CHECK_IDS = [
  'availability',
  'p95-latency',
  'security-review',
  'coverage',
];

/** Fails start-up, naming the check, when a custom check could never work. */
function validateCustomChecks(
  checks: GovernanceCustomCheck[],
  factDefinitions: FactDefinitions,
) {
  const ids = new Set<string>();
  for (const check of checks) {
    if (
      ids.has(check.id) ||
      TIER_CHECK_IDS.includes(check.id) ||
      check.id.startsWith('testing-')
    ) {
      throw new Error(
        `Custom governance check '${check.id}' reuses the id of another check; give it a unique id`,
      );
    }
    ids.add(check.id);
    if (!factDefinitions.has(check.factName)) {
      throw new Error(
        `Custom governance check '${check.id}' reads the unknown fact '${check.factName}'; declare it under governance.facts.${check.factName} in app-config`,
      );
    }
  }
}
