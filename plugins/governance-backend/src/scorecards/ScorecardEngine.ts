import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { Duration } from 'luxon';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  applyWaivers,
  APPROVED_STACK_CHECK_ID,
  AllowedDependencyTiers,
  CheckResult,
  computeEntityLevel,
  EntityLevel,
  DEPENDENCIES_CHECK_ID,
  evaluateScorecard,
  FactDefinitions,
  LevelPolicy,
  parseGovernanceAnnotations,
  readAllowedDependencyTiers,
  readLevelPolicy,
  ScorecardCheck,
  TierPolicies,
  tierChecks,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceCustomCheck } from '@catalog-governance/backstage-plugin-governance-node';
import { readGovernedEntities } from '../catalog/readGovernedEntities';
import { SystemDomains } from '../catalog/SystemDomains';
import { DependencyTiers } from '../catalog/DependencyTiers';
import { AdrStore } from '../database/AdrStore';
import { DependencyChecks } from './DependencyChecks';
import { ComplianceStore } from '../database/ComplianceStore';
import { FactStore } from '../database/FactStore';
import { factNamesRead } from '../facts/factNamesRead';
import {
  EntityEvaluation,
  EvaluationStamp,
  ScorecardStore,
} from '../database/ScorecardStore';
import { WaiverStore } from '../database/WaiverStore';
import { entityFacts, EvaluationInputs } from './EvaluationInputs';
import { StackChecks, StackReading } from '../stack/StackChecks';
import { EvaluationChanges, EVALUATED_EXTRA_FIELDS } from './EvaluationChanges';

/**
 * Entities a full pass reads and evaluates at once. Each page costs a catalog query, a
 * dependency lookup and three reads of our own, whatever its size; with only the fields checks
 * read, two pages of this size stay in the low megabytes.
 *
 * @internal
 */
export const EVALUATION_PAGE_SIZE = 1000;

/**
 * What evaluating entities needs of the rest of the catalog: where systems sit, and the tiers
 * of what entities depend on. A full pass reads it once ({@link ScorecardEngine.readCatalogContext}).
 *
 * @internal
 */
export interface CatalogContext {
  domains: SystemDomains;
  dependencyTiers: DependencyTiers;
}

/**
 * Evaluates scorecards and stores the results: on a schedule for every governed entity, for one
 * entity right after facts for it arrive, and on demand. Pages read the stored results.
 *
 * @internal
 */
export class ScorecardEngine {
  /** The tier's own checks, then the custom checks that apply to the tier. */
  private readonly checksByTier = new Map<string, ScorecardCheck[]>();
  private readonly dependencyChecks: DependencyChecks;
  /** `governance.levels` and the level each tier requires. */
  readonly levelPolicy: LevelPolicy;
  private readonly inputs: EvaluationInputs;
  /** The facts the checks read: fixed with the checks, so worked out once, not per page. */
  private readonly factNames: string[];
  private readonly changes: EvaluationChanges;

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
      /** `governance.levels` and each tier's required level; the defaults when absent. */
      levelPolicy?: LevelPolicy;
      /** For the `dependencies-meet-tier` check; the default lets a tier depend on its own or higher. */
      allowedDependencyTiers?: AllowedDependencyTiers;
      /** The entities' accepted ADRs, which accept the dependencies they name. */
      adrs?: Pick<AdrStore, 'listAcceptedAdrTexts' | 'adrLocationsDigest'>;
      /** The `approved-stack` check; absent, entities get no such check. */
      stackChecks?: Pick<StackChecks, 'read' | 'removeExcept' | 'radarVersion'>;
      /**
       * How long scheduled passes may go on reading only what changed before one reads every
       * entity in full (`governance.scorecard.fullReadInterval`); a day when absent.
       */
      fullReadInterval?: Duration;
    },
  ) {
    validateCustomChecks(deps.customChecks ?? [], deps.factDefinitions);
    this.levelPolicy =
      deps.levelPolicy ??
      readLevelPolicy(new ConfigReader({}), {
        tierPolicies: deps.tierPolicies,
      });
    const allowedTiers =
      deps.allowedDependencyTiers ??
      readAllowedDependencyTiers(new ConfigReader({}), deps.tierPolicies);
    this.dependencyChecks = new DependencyChecks({
      allowedTiers,
      adrs: deps.adrs,
    });
    // The policy is fixed at start-up, so each tier's checks are built once, not per entity.
    for (const policy of deps.tierPolicies.values()) {
      this.checksByTier.set(policy.name, [
        ...tierChecks(policy, { warnMarginPercent: deps.warnMarginPercent }),
        ...(deps.customChecks ?? []).filter(
          c => !c.tiers || c.tiers.includes(policy.name),
        ),
      ]);
    }
    this.factNames = factNamesRead(this.checksByTier.values(), {
      stack: Boolean(deps.stackChecks),
    });
    this.inputs = new EvaluationInputs({
      checksByTier: this.checksByTier,
      factDefinitions: deps.factDefinitions,
      config: {
        tierPolicies: deps.tierPolicies,
        levelPolicy: this.levelPolicy,
        allowedTiers,
        warnMarginPercent: deps.warnMarginPercent,
      },
    });
    this.changes = new EvaluationChanges({
      ...deps,
      factNames: this.factNames,
      // An entity's hash under each tier with no inputs of its own carries everything the
      // configuration decides, the hash's version included.
      configDigest: JSON.stringify([
        this.factNames,
        Boolean(deps.stackChecks),
        [...this.checksByTier.keys()].map(tier =>
          this.inputs.hash({
            tier,
            annotations: undefined,
            placement: {},
            facts: [],
            waivers: [],
          }),
        ),
      ]),
      fullReadInterval:
        deps.fullReadInterval ?? Duration.fromObject({ days: 1 }),
    });
  }

  /** The maturity level of stored (waiver-applied) results, under the configured levels. */
  levelOf(results: CheckResult[], tier: string): EntityLevel {
    return computeEntityLevel({ results, policy: this.levelPolicy, tier });
  }

  /** The id of every check a scorecard can hold: what a campaign may ask for. */
  knownChecks(): Set<string> {
    const known = new Set([DEPENDENCIES_CHECK_ID]);
    if (this.deps.stackChecks) {
      known.add(APPROVED_STACK_CHECK_ID);
    }
    for (const checks of this.checksByTier.values()) {
      for (const check of checks) {
        known.add(check.id);
      }
    }
    return known;
  }

  /**
   * Evaluates the given entities against their tier's checks. Untiered ones get no results and
   * no placement, so storing them clears what they had. With `skipUnchanged`, an entity whose
   * inputs hash as at its last evaluation, before any of its verdicts expires with time, is
   * not evaluated again but returned in `skipped`.
   */
  private async evaluate(
    entities: Entity[],
    now: Date,
    { domains, dependencyTiers }: CatalogContext,
    options?: { skipUnchanged?: boolean },
  ): Promise<{
    evaluations: EntityEvaluation[];
    skipped: string[];
    /** The technologies of the entities evaluated, for {@link StackReading.record}. */
    technologies?: StackReading;
    /** The stamps read with `skipUnchanged`: a skipped entity's hash is its stamp's. */
    stamps?: Map<string, EvaluationStamp>;
  }> {
    const { store, tierPolicies, factDefinitions } = this.deps;
    const refs = entities.map(e => stringifyEntityRef(e));
    const [measured, waivers, stamps] = await Promise.all([
      store.getFacts(refs, { names: this.factNames }),
      store.listWaivers(refs),
      options?.skipUnchanged
        ? store.getEvaluationStamps(refs)
        : Promise.resolve(undefined),
    ]);
    const waiversByEntity = new Map<string, Waiver[]>();
    for (const waiver of waivers) {
      const list = waiversByEntity.get(waiver.entityRef) ?? [];
      list.push(waiver);
      waiversByEntity.set(waiver.entityRef, list);
    }
    const parsed = entities.map((entity, i) => {
      const entityRef = refs[i];
      const { values } = parseGovernanceAnnotations(
        entity.metadata.annotations,
        { tierNames: tierPolicies.keys() },
      );
      const tier = values.tier
        ? tierPolicies.get(values.tier)?.name
        : undefined;
      // Built once: the stack check, the input hash and the checks all read the same facts.
      const facts = tier
        ? entityFacts(values, measured.get(entityRef) ?? [])
        : [];
      return { entity, entityRef, values, tier, facts };
    });
    const tiered = parsed.filter(
      (p): p is (typeof parsed)[number] & { tier: string } => Boolean(p.tier),
    );
    // The page's catalog and database reads run together; placements resolve as one await.
    const [dependencyChecks, stack, placements] = await Promise.all([
      this.dependencyChecks.evaluate(tiered, dependencyTiers),
      this.deps.stackChecks?.read(tiered),
      Promise.all(tiered.map(({ entity }) => domains.placementOf(entity))),
    ]);
    const placementByRef = new Map(
      tiered.map(({ entityRef }, i) => [entityRef, placements[i]]),
    );
    const evaluations: EntityEvaluation[] = [];
    const skipped: string[] = [];
    for (const { entity, entityRef, tier, facts } of parsed) {
      if (!tier) {
        evaluations.push({ entityRef, results: [] });
        continue;
      }
      const entityWaivers = waiversByEntity.get(entityRef) ?? [];
      const dependencyCheck = dependencyChecks.get(entityRef);
      const placement = placementByRef.get(entityRef)!;
      const inputs = {
        tier,
        annotations: entity.metadata.annotations,
        placement,
        facts,
        waivers: entityWaivers,
        dependencyCheck,
        stack: stack?.inputsOf(entityRef),
      };
      const inputHash = this.inputs.hash(inputs);
      const stamp = stamps?.get(entityRef);
      if (
        stamp?.inputHash === inputHash &&
        (!stamp.validUntil || stamp.validUntil.getTime() > now.getTime())
      ) {
        skipped.push(entityRef);
        continue;
      }
      const stackCheck = stack?.check(entityRef);
      const evaluated = evaluateScorecard({
        checks: this.checksByTier.get(tier)!,
        facts,
        factDefinitions,
        now,
      });
      const results = applyWaivers(
        [
          ...evaluated,
          ...(dependencyCheck ? [dependencyCheck.result] : []),
          ...(stackCheck ? [stackCheck] : []),
        ],
        entityWaivers,
        now,
      );
      evaluations.push({
        entityRef,
        placement: { ...placement, tier },
        results,
        level: this.levelOf(results, tier),
        ...(dependencyCheck &&
          results.find(r => r.checkId === DEPENDENCIES_CHECK_ID)?.state ===
            'fail' && {
            // Only mismatches still failing count: a waiver or an ADR accepted them.
            dependencyMismatches: dependencyCheck.mismatches.filter(
              m => !m.clearedByAdr,
            ).length,
          }),
        inputHash,
        inputsValidUntil: this.inputs.validUntil(inputs, now),
      });
    }
    // Only the entities evaluated are recorded: a skipped one's technologies are the ones
    // already stored. The caller writes them, so a full pass overlaps the write with its next page.
    return { evaluations, skipped, technologies: stack, stamps };
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
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const {
      evaluations: [evaluation],
      technologies,
    } = await this.evaluate([entity], now, {
      domains: SystemDomains.lookingUp(this.deps.catalog, credentials),
      dependencyTiers: DependencyTiers.lookingUp(
        this.deps.catalog,
        credentials,
      ),
    });
    await technologies?.record();
    await this.deps.store.storeEvaluations([evaluation], now);
    return evaluation.results;
  }

  /**
   * What a full pass reads once before its pages; pages are read with
   * {@link EVALUATED_EXTRA_FIELDS} on top of the governed entities' fields.
   */
  async readCatalogContext(
    credentials: BackstageCredentials,
  ): Promise<CatalogContext> {
    const { catalog } = this.deps;
    // Systems are few, so their domains are read once; the tiers of dependencies are read
    // per page (one catalog request each), so a pass never holds every tiered entity.
    return {
      domains: await SystemDomains.readAll(catalog, credentials),
      dependencyTiers: DependencyTiers.lookingUp(catalog, credentials),
    };
  }

  /**
   * Evaluates a page of entities read from the catalog and stores their results; `context`
   * comes from {@link ScorecardEngine.readCatalogContext}, read once for all pages. Every
   * entity is evaluated: the page is what changed.
   */
  async evaluatePage(
    entities: Entity[],
    now: Date,
    context: CatalogContext,
  ): Promise<EntityEvaluation[]> {
    const { evaluations, technologies } = await this.evaluate(
      entities,
      now,
      context,
    );
    await technologies?.record();
    await this.deps.store.storeEvaluations(evaluations, now);
    return evaluations;
  }

  /**
   * Evaluates every governed entity that may have changed since the last pass (see
   * {@link EvaluationChanges}; at least daily, and with `full`, every governed entity), removes
   * the current results of entities that left the catalog or lost their tier (their history
   * stays), and records the day's compliance snapshot. Entities whose inputs have not changed
   * since their last evaluation, and none of whose verdicts has expired with time, are skipped
   * unless `full` is set.
   */
  async evaluateAll(
    now = new Date(),
    options?: { full?: boolean },
  ): Promise<{ entities: number; skipped: number }> {
    const { catalog, auth, store, tierPolicies, logger } = this.deps;
    logger.info('Evaluating the scorecards of every governed entity');
    const started = Date.now();
    const credentials = await auth.getOwnServiceCredentials();
    const context = await this.readCatalogContext(credentials);
    const plan = await this.changes.plan({
      now,
      credentials,
      domains: context.domains,
      full: options?.full,
    });
    // Entities the plan found unchanged are seen and skipped without being read.
    const seen = new Set('unchanged' in plan ? plan.unchanged : []);
    const pages =
      'fullRead' in plan
        ? readGovernedEntities({
            catalog,
            credentials,
            tierPolicies,
            extraFields: EVALUATED_EXTRA_FIELDS,
            pageSize: EVALUATION_PAGE_SIZE,
          })
        : this.changes.readChanged(plan, {
            credentials,
            pageSize: EVALUATION_PAGE_SIZE,
          });
    const evaluated = await this.evaluatePages(pages, now, context, {
      skipUnchanged: !options?.full,
      seen,
    });
    // Read after the pages: entities read as changed leave the unchanged set to be evaluated.
    const skippedCount =
      evaluated.skipped + ('unchanged' in plan ? plan.unchanged.size : 0);
    const removed = await store.removeResultsExcept(seen);
    // Only the entities that are still there and were skipped remain with an older time.
    await store.markAllEvaluated(now, {
      inputsDigest: plan.inputsDigest,
      fullRead: 'fullRead' in plan,
    });
    await this.deps.stackChecks?.removeExcept(seen);
    await store.recordComplianceDay(now.toISOString().slice(0, 10));
    logger.info(
      `Evaluated scorecards of ${seen.size} entities in ${
        Date.now() - started
      } ms (${skippedCount} unchanged, skipped), removed results of ${removed} that left; ${
        'fullRead' in plan
          ? `read every entity: ${plan.fullRead}`
          : `read only the ${evaluated.read} that may have changed`
      }`,
    );
    return { entities: seen.size, skipped: skippedCount };
  }

  /**
   * Evaluates pages of entities read from the catalog, each while the previous one's results
   * are written, and adds the entities still governed to `seen`.
   */
  private async evaluatePages(
    pages: AsyncGenerator<Entity[]>,
    now: Date,
    context: CatalogContext,
    options: { skipUnchanged: boolean; seen: Set<string> },
  ): Promise<{ read: number; skipped: number }> {
    const { store, logger } = this.deps;
    const { seen } = options;
    let read = 0;
    let skippedCount = 0;
    // A page is evaluated while the previous one's results and technologies are written: reads
    // and checks of one page overlap the database's writes of the other (different entities,
    // so nothing is shared).
    let writing: Promise<void> = Promise.resolve();
    // The catalog's next page is asked for while this one is evaluated, so at most two pages
    // are held and the catalog's answer time overlaps ours.
    let next = pages.next();
    for (;;) {
      const current = await next;
      if (current.done) {
        break;
      }
      const page = current.value;
      read += page.length;
      next = pages.next();
      // A failed read surfaces at the next await instead of as an unhandled rejection.
      next.catch(() => {});
      const previousWrite = writing;
      const evaluated = await this.evaluate(page, now, context, {
        skipUnchanged: options.skipUnchanged,
      }).catch(async error => {
        // The previous page's write finishes (or fails, and is logged) before the pass
        // reports its error, so no write of this pass outlives it.
        await previousWrite.catch(writeError =>
          logger.error(`Storing evaluated scorecards failed: ${writeError}`),
        );
        throw error;
      });
      const { skipped, technologies, stamps } = evaluated;
      // An entity that changed tier after a dependent on an earlier page looked it up is
      // stored without an etag: the next pass reads it again and, after it, its dependents
      // (`readChanged`). That pass looks up no other tier of it unless it changes again, so an
      // entity changed once is read at most twice.
      const etags = new Map(
        page.map(entity => [
          stringifyEntityRef(entity),
          context.dependencyTiers.answeredOtherTierThan(entity)
            ? null
            : entity.metadata.etag,
        ]),
      );
      // Stored with the results, so the next pass knows which version they are of.
      const evaluations = evaluated.evaluations.map(evaluation => ({
        ...evaluation,
        catalogEtag: etags.get(evaluation.entityRef) ?? undefined,
      }));
      await previousWrite;
      // Technologies before results: the stored input hash covers the stack, so results
      // stored after a failed technologies write would make every later pass skip the
      // entity and its technologies would never be written.
      writing = (async () => {
        await technologies?.record();
        await store.storeEvaluations(evaluations, now);
        await this.recordSkippedEtags(skipped, etags, stamps);
      })();
      skippedCount += skipped.length;
      for (const entityRef of skipped) {
        seen.add(entityRef);
      }
      // A failed write surfaces at the next await instead of as an unhandled rejection.
      writing.catch(() => {});
      for (const { entityRef, placement } of evaluations) {
        if (placement) {
          seen.add(entityRef);
        }
      }
    }
    await writing;
    return { read, skipped: skippedCount };
  }

  /**
   * Stores the etag of skipped entities whose etag moved while their inputs did not (a changed
   * description, say), so the next pass finds them unchanged without reading them; `null`
   * clears it (see `evaluatePages`).
   */
  private async recordSkippedEtags(
    skipped: string[],
    etags: Map<string, string | null | undefined>,
    stamps: Map<string, EvaluationStamp> | undefined,
  ) {
    const moved = skipped.flatMap(entityRef => {
      const stamp = stamps?.get(entityRef);
      const catalogEtag = etags.get(entityRef);
      // The stamp's hash is the one the skip compared: the etag is recorded only beside it.
      return stamp &&
        catalogEtag !== undefined &&
        (stamp.catalogEtag ?? null) !== catalogEtag
        ? [{ entityRef, inputHash: stamp.inputHash, catalogEtag }]
        : [];
    });
    if (moved.length) {
      await this.deps.store.recordCatalogEtags(moved);
    }
  }
}

const TIER_CHECK_IDS = [
  'availability',
  'p95-latency',
  'security-review',
  'coverage',
  DEPENDENCIES_CHECK_ID,
  APPROVED_STACK_CHECK_ID,
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
