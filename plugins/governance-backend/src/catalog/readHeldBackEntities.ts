import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';

/**
 * An entity the catalog read from its location but refused: its raw form as written, and the
 * processing errors that held it back.
 *
 * @internal
 */
export interface HeldBackEntity {
  entityRef: string;
  entity: Entity;
  errors: { name?: string; message: string }[];
}

/** A row of the unprocessed-entities module's answer, the catalog's refresh_state. */
interface UnprocessedEntityRow {
  entity_ref: string;
  unprocessed_entity: Entity;
  errors?: { name?: string; message: string }[];
}

/**
 * The entities the catalog holds back with processing errors and never ingested, read from the
 * catalog's unprocessed-entities module (`@backstage/plugin-catalog-backend-module-unprocessed`)
 * with the plugin's own service credentials. The catalog API itself does not return them. An
 * entity ingested before keeps its last good version there, with the errors in its
 * `status.items`; those are read from the catalog as usual. Without the module there is
 * nothing to read: an empty list, and `moduleInstalled` false.
 *
 * @internal
 */
export async function readHeldBackEntities(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): Promise<{ moduleInstalled: boolean; entities: HeldBackEntity[] }> {
  const baseUrl = await deps.discovery.getBaseUrl('catalog');
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: await deps.auth.getOwnServiceCredentials(),
    targetPluginId: 'catalog',
  });
  const entities: HeldBackEntity[] = [];
  // pending: never ingested; failed: ingested rows whose entity the catalog cleared.
  for (const reason of ['pending', 'failed']) {
    const response = await fetch(`${baseUrl}/entities/unprocessed/${reason}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.status === 404) {
      return { moduleInstalled: false, entities: [] };
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as {
      entities?: UnprocessedEntityRow[];
    };
    for (const row of body.entities ?? []) {
      if (row.errors?.length && row.unprocessed_entity?.metadata) {
        entities.push({
          entityRef: row.entity_ref,
          entity: row.unprocessed_entity,
          errors: row.errors,
        });
      }
    }
  }
  return { moduleInstalled: true, entities };
}
