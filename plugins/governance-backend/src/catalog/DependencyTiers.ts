import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityDependency,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { readCatalogRefMap } from './readGovernedEntities';

const TIER_FIELD = `metadata.annotations.${GOVERNANCE_ANNOTATIONS.tier}`;
const FIELDS = ['kind', 'metadata.namespace', 'metadata.name', TIER_FIELD];

/** Two lookups of one entity answered different tiers: it changed while a pass was running. */
const DIFFERENT_TIERS = Symbol('different tiers');
type AnsweredTier = string | undefined | typeof DIFFERENT_TIERS;

const tierOf = (entity: Entity) =>
  entity.metadata.annotations?.[GOVERNANCE_ANNOTATIONS.tier];

const dependsOnRefs = (entity: Entity) => [
  ...new Set(
    (entity.relations ?? [])
      .filter(r => r.type === RELATION_DEPENDS_ON)
      .map(r => r.targetRef),
  ),
];

/**
 * Works out the tier of each entity another one `dependsOn`, for the `dependencies-meet-tier`
 * check. A full evaluation reads the tier of every tiered entity once up front; a single-entity
 * evaluation looks its dependencies up. An entity missing from the catalog has no tier.
 *
 * @internal
 */
export class DependencyTiers {
  private constructor(
    private readonly tiersOf: (
      refs: string[],
    ) => Promise<Map<string, string | undefined>>,
    /** Each tier answered so far, or {@link DIFFERENT_TIERS}: see `answeredOtherTierThan`. */
    private readonly answered = new Map<string, AnsweredTier>(),
  ) {}

  /**
   * Whether an entity that depends on this one was told a tier other than the one it has now:
   * it was evaluated against another version of this entity, read before this one changed.
   */
  answeredOtherTierThan(
    entity: Entity,
    /** The entity's ref, when the caller has it: writing one out again costs a pass. */
    entityRef = stringifyEntityRef(entity),
  ): boolean {
    return (
      this.answered.has(entityRef) &&
      this.answered.get(entityRef) !== tierOf(entity)
    );
  }

  /**
   * Reads the tier annotation of every entity that has one, page by page; untiered entities
   * are not read at all, since a missing tier is what they would say.
   */
  static async readAll(
    catalog: CatalogService,
    credentials: BackstageCredentials,
  ): Promise<DependencyTiers> {
    const tiers = await readCatalogRefMap(
      {
        catalog,
        credentials,
        filter: { [TIER_FIELD]: CATALOG_FILTER_EXISTS },
        fields: FIELDS,
      },
      tierOf,
    );
    return new DependencyTiers(async () => tiers, tiers);
  }

  /**
   * Looks up the dependencies of the entities being evaluated, in one catalog request per call
   * (per page with {@link DependencyTiers.forEntities}), so memory follows the page, not the
   * catalog.
   */
  static lookingUp(
    catalog: CatalogService,
    credentials: BackstageCredentials,
  ): DependencyTiers {
    // One entry per entity depended on (not per entity evaluated), kept for the whole pass.
    const answered = new Map<string, AnsweredTier>();
    return new DependencyTiers(async refs => {
      if (!refs.length) {
        return new Map();
      }
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: FIELDS },
        { credentials },
      );
      const tiers = new Map(
        refs.map((ref, i) => [ref, items[i] && tierOf(items[i])]),
      );
      for (const [ref, tier] of tiers) {
        const before = answered.get(ref);
        answered.set(
          ref,
          !answered.has(ref) || before === tier ? tier : DIFFERENT_TIERS,
        );
      }
      return tiers;
    }, answered);
  }

  /** Whether the entity names anything it `dependsOn`: most do not, and need no lookup. */
  static dependsOnAnything(entity: Entity): boolean {
    return (entity.relations ?? []).some(r => r.type === RELATION_DEPENDS_ON);
  }

  /**
   * The tiers of everything a page of entities depends on, read at once: one catalog request
   * for the page instead of one per entity.
   */
  async forEntities(entities: Entity[]): Promise<DependencyTiers> {
    const tiers = await this.tiersOf([
      ...new Set(entities.flatMap(dependsOnRefs)),
    ]);
    return new DependencyTiers(async () => tiers, this.answered);
  }

  /**
   * The entity's `dependsOn` targets with their tiers; the entity must have been read with its
   * `relations`.
   */
  async dependenciesOf(entity: Entity): Promise<EntityDependency[]> {
    const refs = dependsOnRefs(entity);
    const tiers = await this.tiersOf(refs);
    return refs.map(entityRef => {
      const tier = tiers.get(entityRef);
      return tier ? { entityRef, tier } : { entityRef };
    });
  }
}
