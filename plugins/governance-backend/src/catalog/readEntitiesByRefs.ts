import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { chunks } from '../database/util';

// Enough to tell whether the caller sees the entity at all.
const IDENTITY_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * Reads many entities in batches the catalog accepts, keyed by the refs asked for:
 * `undefined` where the entity is missing or hidden from the caller. Only the identity fields
 * and `extraFields` are read.
 *
 * @internal
 */
export async function readEntitiesByRefs(options: {
  catalog: CatalogService;
  entityRefs: string[];
  credentials: BackstageCredentials;
  extraFields?: readonly string[];
}): Promise<Map<string, Entity | undefined>> {
  const { catalog, entityRefs, credentials, extraFields = [] } = options;
  const entities = new Map<string, Entity | undefined>();
  // Each field is named once: the catalog builds its projection from the list on every request.
  const fields = [...new Set([...IDENTITY_FIELDS, ...extraFields])];
  for (const batch of chunks(entityRefs)) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: batch, fields },
      { credentials },
    );
    batch.forEach((ref, index) => entities.set(ref, items[index]));
  }
  return entities;
}

/**
 * The refs among `entityRefs` that the catalog does not return to the caller: missing from
 * the catalog or hidden by its read permission.
 *
 * @internal
 */
export async function entityRefsNotInCatalog(options: {
  catalog: CatalogService;
  entityRefs: string[];
  credentials: BackstageCredentials;
}): Promise<string[]> {
  const entities = await readEntitiesByRefs(options);
  return options.entityRefs.filter(ref => !entities.get(ref));
}
