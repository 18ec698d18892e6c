import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TierPolicies } from '@catalog-governance/backstage-plugin-governance-common';
import { CatalogContext } from '../catalog/CatalogContext';
import { readGovernedEntities } from '../catalog/readGovernedEntities';
import { ComplianceStore } from '../database/ComplianceStore';
import {
  EntityEvaluation,
  EvaluationStamp,
  ScorecardStore,
} from '../database/ScorecardStore';
import { StackChecks, StackReading } from '../stack/StackChecks';
import { EvaluationChanges, EVALUATED_EXTRA_FIELDS } from './EvaluationChanges';

/**
 * Entities a full pass reads and evaluates at once. Each page costs a catalog query, a
 * dependency lookup and three reads of our own, whatever its size; with only the fields checks
 * read, the three pages a pass holds at once stay in the low megabytes.
 *
 * @internal
 */
export const EVALUATION_PAGE_SIZE = 1000;

/** One page evaluated by the engine, not yet stored. */
export interface PageEvaluation {
  /** The ref of each entity of the page, in its order. */
  entityRefs: string[];
  evaluations: EntityEvaluation[];
  skipped: string[];
  /** The technologies of the entities evaluated, for {@link StackReading.record}. */
  technologies?: StackReading;
  /** The stamps read with `skipUnchanged`: a skipped entity's hash is its stamp's. */
  stamps?: Map<string, EvaluationStamp>;
}

/** A page read from the catalog and its evaluation, started when the page arrived. */
interface StartedPage {
  entities: Entity[];
  evaluation: Promise<PageEvaluation>;
}

/** A page's write: its technologies, then its results (which end after both). */
interface PageWrite {
  recording: Promise<void>;
  writing: Promise<void>;
}

const NOTHING_WRITTEN: PageWrite = {
  recording: Promise.resolve(),
  writing: Promise.resolve(),
};

/**
 * The scheduled pass over every governed entity: plans what may have changed, evaluates it page
 * by page with the engine's checks, stores the results and removes those of entities that left.
 * Kept apart from `ScorecardEngine` so the engine reads as what one evaluation is.
 *
 * @internal
 */
export class ScorecardPass {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: ScorecardStore & ComplianceStore;
      tierPolicies: TierPolicies;
      logger: LoggerService;
      stackChecks?: Pick<StackChecks, 'removeExcept'>;
      changes: EvaluationChanges;
      /** The engine's evaluation of one page, which stores nothing. */
      evaluate(
        entities: Entity[],
        now: Date,
        context: CatalogContext,
        options: { skipUnchanged: boolean },
      ): Promise<PageEvaluation>;
      readCatalogContext(
        credentials: BackstageCredentials,
      ): Promise<CatalogContext>;
    },
  ) {}

  /** See `ScorecardEngine.evaluateAll`. */
  async run(
    now: Date,
    options?: { full?: boolean },
  ): Promise<{ entities: number; skipped: number }> {
    const { catalog, auth, store, tierPolicies, logger, changes } = this.deps;
    logger.info('Evaluating the scorecards of every governed entity');
    const started = Date.now();
    const credentials = await auth.getOwnServiceCredentials();
    // The systems are read while the plan reads the etags: two catalog requests at once.
    const reading = this.deps.readCatalogContext(credentials);
    const domains = reading.then(read => read.domains);
    // A failed read surfaces through the plan, not as an unhandled rejection before it looks.
    domains.catch(() => {});
    const plan = await changes.plan({
      now,
      credentials,
      domains,
      full: options?.full,
    });
    const context = await reading;
    // Entities the plan found unchanged are seen and skipped without being read.
    const seen = new Set('unchanged' in plan ? plan.unchanged : []);
    // The plan counted every stored roll-up row among the entities it compared, so no other
    // entity can have left (results are written and removed with their roll-up row; the daily
    // full read compares every stored row).
    const storedAmong =
      'unchanged' in plan ? [...plan.changed, ...seen] : undefined;
    const pages =
      'fullRead' in plan
        ? readGovernedEntities({
            catalog,
            credentials,
            tierPolicies,
            extraFields: EVALUATED_EXTRA_FIELDS,
            pageSize: EVALUATION_PAGE_SIZE,
          })
        : changes.readChanged(plan, {
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
    // What entities that left had is removed from both tables at once; both end before a
    // failure of either is reported.
    const removals = [
      store.removeResultsExcept(seen, { storedAmong }),
      this.deps.stackChecks?.removeExcept(seen),
    ] as const;
    await Promise.allSettled(removals);
    const [removed] = await Promise.all(removals);
    // Only the entities that are still there and were skipped remain with an older time.
    await store.markAllEvaluated(now, {
      inputsDigest: plan.inputsDigest,
      fullRead: 'fullRead' in plan,
    });
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
    let read = 0;
    let skippedCount = 0;
    // A page's results and technologies are written while the next page is evaluated: reads
    // and checks of one page overlap the database's writes of the other.
    let written = NOTHING_WRITTEN;
    // The catalog's next page is asked for while this one is evaluated, so the catalog's answer
    // time overlaps ours.
    let next = pages.next();
    // The page before, whose evaluation started when it arrived.
    let pending: StartedPage | undefined;
    for (;;) {
      // A page the catalog could not give fails the pass once the page being evaluated and
      // the write in flight have ended, so no statement of this pass runs after it failed.
      const inFlight = [pending?.evaluation, written.writing] as const;
      const current = await next.catch(async error => {
        const [, write] = await Promise.allSettled(inFlight);
        if (write.status === 'rejected') {
          this.logFailedWrite(write.reason);
        }
        throw error;
      });
      // A page's evaluation starts as soon as the page arrives: its database reads (facts,
      // waivers, stamps, the stack) and then its checks run while the page before it is
      // checked, instead of leaving Node waiting for them between pages. So at most three pages
      // of entities are held (the one whose write waits, the one evaluated, the one the catalog
      // is reading) and three of evaluations (the one written, the one waiting for that write,
      // the one evaluated); each page waits for the previous page's write before the loop
      // moves on. A pass uses a few database connections at once: up to three reads of each of
      // two pages, and the writes of two.
      const started = current.done
        ? undefined
        : this.startEvaluation(current.value, now, context, options);
      if (!current.done) {
        read += current.value.length;
        next = pages.next();
        // A failed read surfaces at the next await instead of as an unhandled rejection.
        next.catch(() => {});
      }
      if (pending) {
        // One page at a time in its own call: what this loop keeps while it waits is the
        // write in flight, not the last page's entities and evaluations, which die with their
        // write instead of living through the next page's evaluation.
        const page = await this.storePage(
          pending,
          written,
          now,
          context,
          options,
        ).catch(async error => {
          // The page started after it ends its evaluation before the pass reports the error,
          // so nothing of this pass outlives it.
          await started?.evaluation.catch(() => {});
          throw error;
        });
        written = page.written;
        skippedCount += page.skipped;
      }
      if (!started) {
        break;
      }
      pending = started;
    }
    await written.writing;
    return { read, skipped: skippedCount };
  }

  /** Logs a page write that failed while the pass fails for another reason. */
  private readonly logFailedWrite = (error: unknown) =>
    this.deps.logger.error(`Storing evaluated scorecards failed: ${error}`);

  /** Starts the engine's evaluation of a page; a failure surfaces where it is awaited. */
  private startEvaluation(
    entities: Entity[],
    now: Date,
    context: CatalogContext,
    options: { skipUnchanged: boolean },
  ): StartedPage {
    const evaluation = this.deps.evaluate(entities, now, context, {
      skipUnchanged: options.skipUnchanged,
    });
    evaluation.catch(() => {});
    return { entities, evaluation };
  }

  /**
   * Waits for a page's evaluation, starts writing its technologies once the previous page's
   * are written and its results once the previous page's are, and adds its entities still
   * governed to `seen`. Returns once the previous page's write has ended.
   */
  private async storePage(
    { entities: page, evaluation }: StartedPage,
    previous: PageWrite,
    now: Date,
    context: CatalogContext,
    options: { seen: Set<string> },
  ): Promise<{ written: PageWrite; skipped: number }> {
    const { store } = this.deps;
    const { seen } = options;
    const evaluated = await evaluation.catch(async error => {
      // The previous page's write finishes (or fails, and is logged) before the pass
      // reports its error, so no write of this pass outlives it.
      await previous.writing.catch(this.logFailedWrite);
      throw error;
    });
    const { entityRefs, skipped, technologies, stamps } = evaluated;
    // An entity that changed tier after a dependent on another page looked it up is
    // stored without an etag: the next pass reads it again and, after it, its dependents
    // (`readChanged`). That pass looks up no other tier of it unless it changes again, so an
    // entity changed once is read at most twice. Keyed by the refs the engine wrote out:
    // writing a ref out lower-cases its kind and namespace for a locale, per entity.
    const etags = new Map(
      page.map((entity, index) => [
        entityRefs[index],
        context.dependencyTiers.answeredOtherTierThan(entity, entityRefs[index])
          ? null
          : entity.metadata.etag,
      ]),
    );
    // Stored with the results, so the next pass knows which version they are of. Set on
    // the page's own evaluations: a copy of each would be one more object per entity.
    const { evaluations } = evaluated;
    for (const entityEvaluation of evaluations) {
      entityEvaluation.catalogEtag =
        etags.get(entityEvaluation.entityRef) ?? undefined;
    }
    // This page's technologies are written while the previous page's results still are, after
    // the previous page's technologies (the catalog may serve an entity on two pages, whose
    // rows two writes at once would both insert). Its results come after both: the stored
    // input hash covers the stack, so results stored after a failed technologies write would
    // make every later pass skip the entity and its technologies would never be written.
    const recording = (async () => {
      await previous.recording;
      await technologies?.record();
    })();
    recording.catch(() => {});
    await previous.writing.catch(async error => {
      // No write of this pass outlives it.
      await recording.catch(() => {});
      throw error;
    });
    const writing = (async () => {
      await recording;
      await store.storeEvaluations(evaluations, now);
      await this.recordSkippedEtags(skipped, etags, stamps);
    })();
    // A failed write surfaces at the next await instead of as an unhandled rejection.
    writing.catch(() => {});
    for (const entityRef of skipped) {
      seen.add(entityRef);
    }
    for (const { entityRef, placement } of evaluations) {
      if (placement) {
        seen.add(entityRef);
      }
    }
    return { written: { recording, writing }, skipped: skipped.length };
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
