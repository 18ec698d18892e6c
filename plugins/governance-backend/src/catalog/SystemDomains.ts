import { createHash } from 'node:crypto';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityPlacement } from '../database/ScorecardStore';
import { readCatalogRefMap } from './readGovernedEntities';
import { specRef } from './specRef';

/**
 * Works out where an entity sits for the Compliance roll-ups: its owner, its system, and that
 * system's domain. A full evaluation reads every system once up front; a single-entity
 * evaluation looks its system up.
 *
 * @internal
 */
export class SystemDomains {
  private constructor(
    private readonly domainOfSystem: (
      systemRef: string,
    ) => Promise<string | undefined>,
    /**
     * Every system's domain, hashed, when all were read: a pass that sees another than the
     * last one knows placements may have moved.
     */
    readonly digest?: string,
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
    return new SystemDomains(async ref => domains.get(ref), digest);
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
      : specRef(entity, 'system', 'system');
    const domain = isSystem
      ? specRef(entity, 'domain', 'domain')
      : system && (await this.domainOfSystem(system));
    const owner = specRef(entity, 'owner', 'group');
    return {
      ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
      ...(owner ? { owner } : {}),
      ...(system ? { system } : {}),
      ...(domain ? { domain } : {}),
    };
  }
}
