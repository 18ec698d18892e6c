import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TierPolicies } from '@catalog-governance/backstage-plugin-governance-common';
import { createHash } from 'node:crypto';
import { Duration } from 'luxon';
import {
  GOVERNED_ENTITY_FIELDS,
  governedFilter,
  readCatalogPages,
} from '../catalog/readGovernedEntities';
import { readAhead } from '../catalog/readAhead';
import { SystemDomains } from '../catalog/SystemDomains';
import { AdrStore } from '../database/AdrStore';
import { FactStore } from '../database/FactStore';
import { ScorecardStore } from '../database/ScorecardStore';
import { WaiverStore } from '../database/WaiverStore';
import { StackChecks } from '../stack/StackChecks';
import { SCORECARD_EXTRA_FIELDS } from './DependencyChecks';

/**
 * Bump when what a pass compares changes meaning: the next pass then reads everything in full.
 */
const CHANGES_VERSION = 1;

/**
 * What the change check reads of each governed entity: its name and the catalog's etag.
 *
 * @internal
 */
export const ETAG_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.etag',
];

/**
 * What a pass reads of an entity it evaluates on top of {@link GOVERNED_ENTITY_FIELDS}: what
 * the checks read, and the etag to store beside the results.
 *
 * @internal
 */
export const EVALUATED_EXTRA_FIELDS = [
  ...SCORECARD_EXTRA_FIELDS,
  'metadata.etag',
];

const EVALUATED_ENTITY_FIELDS = [
  ...GOVERNED_ENTITY_FIELDS,
  ...EVALUATED_EXTRA_FIELDS,
];

/**
 * Etags a catalog request answers: names and etags are about 150 bytes an entity, and each
 * request costs the catalog a query of its own, so pages are larger than the evaluation's.
 */
const ETAG_PAGE_SIZE = 5000;

/**
 * How far before the last pass's start writes are looked for: a fact or waiver written by a
 * transaction that began before the pass but committed after it read that entity, or stamped by
 * a replica whose clock runs behind. A few minutes of writes are read again; none is missed.
 */
const WRITE_MARGIN = Duration.fromObject({ minutes: 15 });

/**
 * Reading this many entities in full costs about what reading every entity does, so beyond it
 * the pass reads everything instead (and never fewer than a page).
 */
const MOST_CHANGED_SHARE = 0.2;

/**
 * What a pass evaluates: either every governed entity (`fullRead` says why), or only the
 * entities that may have changed since the last pass, the others being unchanged.
 *
 * @internal
 */
export type EvaluationPlan = {
  /** What the pass read besides entities, recorded with it for the next pass to compare. */
  inputsDigest: string;
} & (
  | { fullRead: string }
  | {
      /** Entities to read in full and evaluate; their dependents join as they are read. */
      changed: string[];
      /** Governed entities whose inputs cannot have changed: seen, not read. */
      unchanged: Set<string>;
    }
);

/**
 * The change check's read of every governed entity's etag against its stored stamp, started
 * as soon as a pass knows it may read only what changed, while the rest of the plan is read.
 */
class EtagComparison {
  /** What the catalog's etags say, once every page is compared. */
  readonly result: Promise<{
    /** Entities with no stamp or etag, another etag than their stamp's, or expired verdicts. */
    changed: Set<string>;
    unchanged: Set<string>;
    governed: number;
    /** Distinct governed entities with a stamp: see the departure test in `plan`. */
    stamped: number;
  }>;
  private abandoned = false;

  constructor(
    deps: {
      catalog: CatalogService;
      store: ScorecardStore;
      tierPolicies: TierPolicies;
    },
    credentials: BackstageCredentials,
    now: Date,
  ) {
    this.result = this.compare(deps, credentials, now);
    // A plan that abandons the comparison never awaits it.
    this.result.catch(() => {});
  }

  /** The plan reads everything instead: no further page is asked for. */
  abandon() {
    this.abandoned = true;
  }

  private async compare(
    deps: ConstructorParameters<typeof EtagComparison>[0],
    credentials: BackstageCredentials,
    now: Date,
  ) {
    const changed = new Set<string>();
    const unchanged = new Set<string>();
    let governed = 0;
    let stamped = 0;
    const pages = readCatalogPages({
      catalog: deps.catalog,
      credentials,
      filter: governedFilter(deps.tierPolicies),
      fields: ETAG_FIELDS,
      pageSize: ETAG_PAGE_SIZE,
    });
    // The catalog's next page is asked for while this one's stamps are read.
    for await (const page of readAhead(pages)) {
      if (this.abandoned) {
        break;
      }
      const refs = page.map(entity => stringifyEntityRef(entity));
      const stamps = await deps.store.getEvaluationStamps(refs);
      for (const [i, entity] of page.entries()) {
        const ref = refs[i];
        // A catalog read while entities change may serve one on two pages.
        if (changed.has(ref) || unchanged.has(ref)) {
          continue;
        }
        const stamp = stamps.get(ref);
        const etag = entity.metadata.etag;
        stamped += stamp ? 1 : 0;
        if (
          !etag ||
          !stamp ||
          stamp.catalogEtag !== etag ||
          (stamp.validUntil && stamp.validUntil.getTime() <= now.getTime())
        ) {
          changed.add(ref);
        } else {
          unchanged.add(ref);
        }
      }
      governed += page.length;
    }
    return { changed, unchanged, governed, stamped };
  }
}

/**
 * Works out which governed entities a scheduled pass must read in full: those whose catalog
 * etag differs from the one stored with their results, whose facts or waivers were written
 * since the last pass, whose verdicts expire with time, and the dependents of those
 * read. Anything it cannot tell per entity (configuration, domains, radar, ADR locations, pruned
 * facts, an entity that left) makes the pass read everything, as does a day without a full read. The input
 * hash of each entity read stays the last word on whether it is evaluated.
 *
 * @internal
 */
export class EvaluationChanges {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      store: FactStore & WaiverStore & ScorecardStore;
      tierPolicies: TierPolicies;
      adrs?: Pick<AdrStore, 'adrLocationsDigest'>;
      stackChecks?: Pick<StackChecks, 'radarVersion'>;
      /** The facts the checks read: only their writes are changes. */
      factNames: readonly string[];
      /** A digest of everything configuration decides about an evaluation. */
      configDigest: string;
      /** How long the pass may go without reading every entity in full. */
      fullReadInterval: Duration;
    },
  ) {}

  /**
   * Decides what a pass at `now` reads; with `full`, everything. `domains` may still be on its
   * way: the catalog's etags are read meanwhile, as both are catalog reads of their own.
   */
  async plan(options: {
    now: Date;
    credentials: BackstageCredentials;
    domains: SystemDomains | Promise<SystemDomains>;
    full?: boolean;
  }): Promise<EvaluationPlan> {
    const { now, credentials } = options;
    const { store, adrs, stackChecks, factNames } = this.deps;
    const last = await store.getLastPass();
    const since = new Date(
      (last?.evaluatedAt ?? now).getTime() - WRITE_MARGIN.toMillis(),
    );
    // Reasons to read everything that need nothing but the last pass: no etag is read then.
    let fullReadReason: string | undefined;
    if (options.full) {
      fullReadReason = 'a full pass was asked for';
    } else if (!last?.inputsDigest || !last.fullReadAt) {
      fullReadReason = 'no earlier pass recorded what it read';
    } else if (
      now.getTime() - last.fullReadAt.getTime() >=
      this.deps.fullReadInterval.toMillis()
    ) {
      fullReadReason = `the last full read was at ${last.fullReadAt.toISOString()}`;
    } else if (now.getTime() <= last.evaluatedAt.getTime()) {
      fullReadReason = 'the last pass ran at or after this one';
    }
    const comparison = fullReadReason
      ? undefined
      : new EtagComparison(this.deps, credentials, now);
    // A pass that reads every entity needs only what the digest covers: the changes since the
    // last pass are read to compare etags, and cost a scan of the facts' write times.
    const [facts, waivers, adrLocations, radar, domains] = await Promise.all([
      comparison
        ? store.listFactChangesSince(since, factNames)
        : store
            .countFactRemovals()
            .then(removals => ({ entityRefs: [], removals })),
      comparison ? store.listWaiverChangesSince(since) : [],
      adrs?.adrLocationsDigest(),
      stackChecks?.radarVersion(),
      options.domains,
    ]).catch(error => {
      comparison?.abandon();
      throw error;
    });
    const inputsDigest = createHash('sha256')
      .update(
        JSON.stringify([
          CHANGES_VERSION,
          this.deps.configDigest,
          domains.digest ?? null,
          radar ?? null,
          adrLocations ?? null,
          facts.removals,
        ]),
      )
      .digest('hex');
    const fullRead = (reason: string) => ({ inputsDigest, fullRead: reason });
    if (!comparison) {
      return fullRead(fullReadReason!);
    }
    if (last?.inputsDigest !== inputsDigest) {
      comparison.abandon();
      return fullRead(
        "configuration, systems' domains, the radar, ADR locations or fact retention changed",
      );
    }
    const { changed, unchanged, governed, stamped } = await comparison.result;
    for (const ref of [...facts.entityRefs, ...waivers]) {
      if (unchanged.delete(ref)) {
        changed.add(ref);
      }
    }
    // An entity that left the governed set can change the dependency check of entities that
    // depend on it, and what named them left with it. Each governed entity is counted once
    // among the stamps and an arriving one has none, so any stored row beyond them is one
    // that left (or, written before stamps were, one a full read stamps).
    const left = (await store.countEvaluatedEntities()) - stamped;
    if (left > 0) {
      return fullRead(
        `${left} evaluated entities left the catalog or have no stamp`,
      );
    }
    if (changed.size > Math.max(1000, governed * MOST_CHANGED_SHARE)) {
      return fullRead(
        `${changed.size} of ${governed} entities may have changed`,
      );
    }
    return { inputsDigest, changed: [...changed], unchanged };
  }

  /**
   * Reads the changed entities of a plan in pages of `pageSize`. An entity read names what
   * depends on it (`dependencyOf`): those move from unchanged to the pages still to come,
   * since their dependency check reads this entity's tier.
   */
  async *readChanged(
    plan: { changed: string[]; unchanged: Set<string> },
    options: { credentials: BackstageCredentials; pageSize: number },
  ): AsyncGenerator<Entity[]> {
    const queue = [...plan.changed];
    // Dependents join the queue while it is read, so a short last page can grow.
    for (let start = 0; start < queue.length; ) {
      const entityRefs = queue.slice(start, start + options.pageSize);
      start += entityRefs.length;
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        { entityRefs, fields: EVALUATED_ENTITY_FIELDS },
        { credentials: options.credentials },
      );
      const page = items.filter((item): item is Entity => Boolean(item));
      for (const entity of page) {
        for (const relation of entity.relations ?? []) {
          if (
            relation.type === RELATION_DEPENDENCY_OF &&
            plan.unchanged.delete(relation.targetRef)
          ) {
            queue.push(relation.targetRef);
          }
        }
      }
      yield page;
    }
  }
}
