import { createHash } from 'node:crypto';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityPlacement } from '../database/ScorecardStore';
import { readCatalogRefMap } from './readGovernedEntities';
import { specRef } from './specRef';

/** How many owner and system refs a {@link SystemDomains} remembers. */
const REFS_REMEMBERED = 10_000;

/**
 * Works out where an entity sits for the Compliance roll-ups: its owner, its system, and that
 * system's domain. A full evaluation reads every system once up front; a single-entity
 * evaluation looks its system up.
 *
 * @internal
 */
export class SystemDomains {
  /** Owner and system refs by what entities write; see {@link SystemDomains.refOf}. */
  private readonly refs = new Map<string, string | undefined>();

  private constructor(
    private readonly domainOfSystem: (
      systemRef: string,
    ) => Promise<string | undefined>,
    /**
     * Every system's domain, hashed, when all were read: a pass that sees another than the
     * last one knows placements may have moved.
     */
    readonly digest?: string,
    /** Every system's domain, when all were read: looked up without awaiting each one. */
    private readonly domains?: ReadonlyMap<string, string | undefined>,
  ) {}

  /** Reads the domain of every system in the catalog, page by page. */
  static async readAll(
    catalog: CatalogService,
    credentials: BackstageCredentials,
  ): Promise<SystemDomains> {
    const domains = await readCatalogRefMap(
      {
        catalog,
        credentials,
        filter: { kind: 'system' },
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'spec.domain'],
      },
      system => specRef(system, 'domain', 'domain'),
    );
    const digest = createHash('sha256')
      .update(JSON.stringify([...domains].sort(([a], [b]) => (a < b ? -1 : 1))))
      .digest('hex');
    return new SystemDomains(async ref => domains.get(ref), digest, domains);
  }

  /** Looks up each system when asked, for evaluating one entity. */
  static lookingUp(
    catalog: CatalogService,
    credentials: BackstageCredentials,
  ): SystemDomains {
    return new SystemDomains(async ref => {
      const system = await catalog.getEntityByRef(ref, { credentials });
      return system ? specRef(system, 'domain', 'domain') : undefined;
    });
  }

  /** The entity's place in the organisation; a System is its own system. */
  async placementOf(entity: Entity): Promise<Omit<EntityPlacement, 'tier'>> {
    // Runs for every entity of every pass: each ref is parsed once, and kinds are compared with
    // plain lower-casing (the same as the en-US locale's, without the locale lookup).
    const isSystem = entity.kind.toLowerCase() === 'system';
    const system = isSystem
      ? stringifyEntityRef(entity)
      : this.refOf(entity, 'system', 'system');
    let domain: string | undefined;
    if (isSystem) {
      domain = specRef(entity, 'domain', 'domain');
    } else if (system) {
      domain = this.domains
        ? this.domains.get(system)
        : await this.domainOfSystem(system);
    }
    const owner = this.refOf(entity, 'owner', 'group');
    // Set one by one in this order, not spread in from objects made for the purpose.
    const placement: Omit<EntityPlacement, 'tier'> = {};
    if (entity.metadata.title) {
      placement.title = entity.metadata.title;
    }
    if (owner) {
      placement.owner = owner;
    }
    if (system) {
      placement.system = system;
    }
    if (domain) {
      placement.domain = domain;
    }
    return placement;
  }

  /**
   * {@link specRef}, remembered: entity after entity names the same few owners and systems,
   * and each ref parsed and written out again lower-cases its kind and namespace for the
   * en-US locale. Bounded, as a long-lived lookup may meet any number of them.
   */
  private refOf(
    entity: Entity,
    field: 'owner' | 'system',
    defaultKind: string,
  ): string | undefined {
    const value = entity.spec?.[field];
    if (typeof value !== 'string') {
      return specRef(entity, field, defaultKind);
    }
    const key = `${field}|${entity.metadata.namespace ?? 'default'}|${value}`;
    if (this.refs.has(key)) {
      return this.refs.get(key);
    }
    const ref = specRef(entity, field, defaultKind);
    if (this.refs.size >= REFS_REMEMBERED) {
      this.refs.clear();
    }
    this.refs.set(key, ref);
    return ref;
  }
}
