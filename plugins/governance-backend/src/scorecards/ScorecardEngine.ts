import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { Duration } from 'luxon';
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
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
import { CatalogContext } from '../catalog/CatalogContext';
import { SystemDomains } from '../catalog/SystemDomains';
import { DependencyTiers } from '../catalog/DependencyTiers';
import { AdrStore } from '../database/AdrStore';
import { DependencyChecks } from './DependencyChecks';
import { ComplianceStore } from '../database/ComplianceStore';
import { FactStore } from '../database/FactStore';
import { factNamesRead } from '../facts/factNamesRead';
import { EntityEvaluation, ScorecardStore } from '../database/ScorecardStore';
import { WaiverStore } from '../database/WaiverStore';
import { entityFacts, EvaluationInputs } from './EvaluationInputs';
import { StackChecks } from '../stack/StackChecks';
import { EvaluationChanges } from './EvaluationChanges';
import { PageEvaluation, ScorecardPass } from './ScorecardPass';
import { validateCustomChecks } from './validateCustomChecks';

/**
 * How many entities a page's checks evaluate before letting other work on the event loop run
 * (about a millisecond's worth each way): see `evaluate`.
 */
const ENTITIES_BETWEEN_TURNS = 50;

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
  private readonly pass: ScorecardPass;

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
    const changes = new EvaluationChanges({
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
    this.pass = new ScorecardPass({
      ...deps,
      changes,
      evaluate: (entities, now, context, options) =>
        this.evaluate(entities, now, context, options),
      readCatalogContext: credentials => this.readCatalogContext(credentials),
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
  ): Promise<PageEvaluation> {
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
    for (let index = 0; index < parsed.length; index++) {
      const { entity, entityRef, tier, facts } = parsed[index];
      // A full pass writes the previous page while this one is checked: each of that write's
      // statements waits for the event loop, so the checks give it a turn every few entities
      // instead of holding it for the whole page.
      if (index % ENTITIES_BETWEEN_TURNS === ENTITIES_BETWEEN_TURNS - 1) {
        await nextTurnOfEventLoop();
      }
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
      // evaluateScorecard's array is this entity's own: the other checks join it in place.
      if (dependencyCheck) {
        evaluated.push(dependencyCheck.result);
      }
      if (stackCheck) {
        evaluated.push(stackCheck);
      }
      // Most entities have no waiver, and applyWaivers would only copy their own array.
      const results = entityWaivers.length
        ? applyWaivers(evaluated, entityWaivers, now)
        : evaluated;
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
    return {
      entityRefs: refs,
      evaluations,
      skipped,
      technologies: stack,
      stamps,
    };
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
   * `EVALUATED_EXTRA_FIELDS` on top of the governed entities' fields.
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
    return this.pass.run(now, options);
  }
}
