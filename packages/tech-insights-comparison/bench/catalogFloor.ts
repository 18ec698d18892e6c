/*
 * The catalog alone answering the request `GET /summary` makes of it (issue 20): the floor of
 * the summary's response time while its permission check goes through the catalog. The summary
 * of an evaluated entity asks the catalog, with the caller's credentials, for the entity and its
 * owning group in one `POST /entities/by-refs`; this load sends that request straight to the
 * catalog, with the same fields and the same user token, so the report shows which share of the
 * summary's time is governance's own.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { SUMMARY_FIELDS } from '@catalog-governance/backstage-plugin-governance-backend/testUtils';
import { LoadResult, runLoad } from './governanceLoad';
import { RealCatalogBackend } from './realCatalogBackend';
import { row } from './realCatalogReport';
import { LOAD_CLIENTS, LOAD_SECONDS } from './realCatalogSettings';
import { loadFigures, measure } from './realCatalogSteps';

/**
 * Puts the catalog under the by-refs requests the summaries of `entityRefs` make: each entity
 * with its owning group, read from the catalog first with the backend's own credentials (as the
 * summary knows it from the entity's stored results).
 */
export async function loadSummaryCatalogReads(options: {
  backend: RealCatalogBackend;
  entityRefs: string[];
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const { backend, entityRefs } = options;
  const { items } = await backend.catalog.getEntitiesByRefs(
    { entityRefs, fields: ['kind', 'metadata', 'spec.owner'] },
    { credentials: await backend.auth.getOwnServiceCredentials() },
  );
  return runLoad({
    url: backend.url,
    headers: { Authorization: mockCredentials.user.header() },
    requests: entityRefs.map((entityRef, i) => {
      const owner = items[i]?.spec?.owner;
      if (typeof owner !== 'string') {
        throw new Error(`The catalog names no owner of ${entityRef}`);
      }
      const ownerRef = stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: items[i]!.metadata.namespace,
        }),
      );
      return {
        method: 'POST',
        path: '/api/catalog/entities/by-refs',
        body: JSON.stringify({
          entityRefs: [entityRef, ownerRef],
          fields: SUMMARY_FIELDS,
        }),
      };
    }),
    connections: options.connections,
    seconds: options.seconds,
  });
}

/**
 * The real-catalog bench's row of the catalog alone, beside the summary's: the same entities,
 * clients and seconds, under the profiler as the summary's load is. It has no target of its
 * own: the summary's time beyond it is governance's share.
 */
export async function measureCatalogFloor(options: {
  backend: RealCatalogBackend;
  database: string;
  n: number;
  entityRefs: string[];
}): Promise<void> {
  const { backend, database, n, entityRefs } = options;
  const [result] = await measure(() =>
    loadSummaryCatalogReads({
      backend,
      entityRefs,
      connections: LOAD_CLIENTS,
      seconds: LOAD_SECONDS,
    }),
  );
  if (result.non2xx + result.errors) {
    throw new Error(
      `The catalog answered ${result.non2xx} by-refs requests outside 2xx, ${result.errors} failed`,
    );
  }
  row(
    database,
    n,
    `the catalog alone: the by-refs request the summary makes (\`POST /api/catalog/entities/by-refs\`, the entity and its owning group), ${LOAD_CLIENTS} clients`,
    loadFigures(result),
  );
}
