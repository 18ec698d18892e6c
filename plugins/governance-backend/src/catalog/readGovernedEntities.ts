import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityFilterQuery } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GOVERNANCE_ANNOTATIONS,
  TierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';

/** What a governance task reads of the catalog at once, unless it asks for another size. */
const PAGE_SIZE = 500;

/**
 * The most entities one catalog request asks for: a larger page is put together from several.
 * The catalog's PostgreSQL query for a filtered page walks the entities after the cursor and
 * probes the filter for each, until the page is full; asked for more than about 3,000 at a time
 * out of 100,000 matches, the planner instead sorts every match on each request (240 ms a
 * request of 5,000 against 24 ms one of 2,500), and a read of the whole catalog grows with the
 * square of its size: 5 s for 100,000 etags in requests of 5,000, 1 s in requests of 2,500.
 */
const MAX_REQUEST_SIZE = 2500;

/**
 * The fields that name an entity and its owner and carry its annotations: what every
 * governance task reads of an entity.
 *
 * @internal
 */
export const ENTITY_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
];

/**
 * What {@link readGovernedEntities} reads of each entity besides its `extraFields`.
 *
 * @internal
 */
export const GOVERNED_ENTITY_FIELDS = [
  ...ENTITY_FIELDS,
  'spec.system',
  'spec.domain',
];

/**
 * The catalog filter of the governed entities: those that declare one of the configured tiers.
 *
 * @internal
 */
export function governedFilter(tierPolicies: TierPolicies): EntityFilterQuery {
  return {
    [`metadata.annotations.${GOVERNANCE_ANNOTATIONS.tier}`]: [
      ...tierPolicies.keys(),
    ],
  };
}

/**
 * Pages through every catalog entity that declares one of the configured tiers, reading only
 * the fields governance needs, so a 10,000-entity catalog never sits in memory at once.
 *
 * @internal
 */
export async function* readGovernedEntities(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  tierPolicies: TierPolicies;
  /** Fields read on top of the ones every governance task needs. */
  extraFields?: string[];
  /** Entities a page holds; 500 when absent. */
  pageSize?: number;
}): AsyncGenerator<Entity[]> {
  const { catalog, credentials, tierPolicies, pageSize } = options;
  yield* readCatalogPages({
    catalog,
    credentials,
    pageSize,
    filter: governedFilter(tierPolicies),
    fields: [...GOVERNED_ENTITY_FIELDS, ...(options.extraFields ?? [])],
  });
}

/**
 * Pages through the catalog entities matching `filter` (every entity without one), reading
 * only `fields`.
 *
 * @internal
 */
export async function* readCatalogPages(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  filter?: EntityFilterQuery;
  fields: string[];
  /** Entities a page holds; 500 when absent. */
  pageSize?: number;
}): AsyncGenerator<Entity[]> {
  const { catalog, credentials, filter, fields } = options;
  const pageSize = options.pageSize ?? PAGE_SIZE;
  let cursor: string | undefined;
  let page: Entity[] = [];
  do {
    // Asks only for what the page still lacks, so a page is never larger than asked for.
    const limit = Math.min(pageSize - page.length, MAX_REQUEST_SIZE);
    // The cursor carries the filter but not the fields: without them every page after the
    // first would come back whole, with specs and relations governance never reads. No task
    // reads the total, so the catalog is spared counting every match beside the first page.
    const answer = await catalog.queryEntities(
      cursor
        ? { cursor, fields, limit }
        : { ...(filter && { filter }), fields, limit, totalItems: 'exclude' },
      { credentials },
    );
    page = page.length ? page.concat(answer.items) : answer.items;
    cursor = answer.pageInfo.nextCursor;
    if (page.length >= pageSize || !cursor) {
      yield page;
      page = [];
    }
  } while (cursor);
}

/**
 * Reads every catalog entity matching `filter`, page by page, into a map from its entity ref
 * to what `valueOf` takes from it: the up-front read of a full evaluation.
 *
 * @internal
 */
export async function readCatalogRefMap<T>(
  options: Parameters<typeof readCatalogPages>[0],
  valueOf: (entity: Entity) => T,
): Promise<Map<string, T>> {
  const values = new Map<string, T>();
  for await (const page of readCatalogPages(options)) {
    for (const entity of page) {
      values.set(stringifyEntityRef(entity), valueOf(entity));
    }
  }
  return values;
}
