import {
  AdrChainLink,
  AdrChainRelation,
  AdrLink,
  AdrStatus,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { chunks, HiddenEntities } from './util';

/**
 * Decisions of the index that need attention: `no-successor` (superseded, and the superseding
 * ADR is not stored) and `stale` (accepted long ago, no retrospective).
 *
 * @internal
 */
export type AdrConcern = 'no-successor' | 'stale';

/** The parser's relation words that make the graph; "relates to" and the like do not. */
const GRAPH_RELATIONS: Record<string, AdrChainRelation> = {
  'superseded by': 'superseded-by',
  'replaced by': 'superseded-by',
  supersedes: 'supersedes',
  replaces: 'supersedes',
  'amended by': 'amended-by',
  amends: 'amends',
};

const INVERSE: Record<AdrChainRelation, AdrChainRelation> = {
  supersedes: 'superseded-by',
  'superseded-by': 'supersedes',
  amends: 'amended-by',
  'amended-by': 'amends',
};

/** A row of `adr_links`. */
export type AdrLinkRow = {
  adr_id: string;
  entity_ref: string;
  relation: AdrChainRelation;
  target: string;
  target_url: string | null;
  target_number: number | null;
};

/**
 * The graph links an ADR writes. A file link is resolved against the ADR's own URL, so
 * `../payments/0005-x.md` and a web link into another repository find the ADR stored under that
 * URL, whichever entity it belongs to; a text reference ("superseded by ADR-0005") names a number
 * in the same entity.
 */
export function graphLinkRows(adr: {
  id: string;
  entityRef: string;
  url: string;
  links: AdrLink[];
  supersededBy?: AdrLink;
}): AdrLinkRow[] {
  const rows = new Map<string, AdrLinkRow>();
  for (const link of [
    ...(adr.supersededBy ? [adr.supersededBy] : []),
    ...adr.links,
  ]) {
    const relation = GRAPH_RELATIONS[link.relation];
    if (!relation) {
      continue;
    }
    const file = link.target.split(/[?#]/)[0];
    const targetUrl = /\.(?:md|markdown)$/i.test(file)
      ? resolveUrl(file, adr.url)
      : undefined;
    const row: AdrLinkRow = {
      adr_id: adr.id,
      entity_ref: adr.entityRef,
      relation,
      target: link.target.slice(0, 2000),
      target_url: targetUrl ?? null,
      target_number: targetUrl ? null : link.number ?? null,
    };
    if (row.target_url || row.target_number !== null) {
      rows.set(
        `${relation}\n${row.target_url ?? `#${row.target_number}`}`,
        row,
      );
    }
  }
  return [...rows.values()];
}

function resolveUrl(target: string, base: string): string | undefined {
  try {
    return new URL(target, base).toString();
  } catch {
    return undefined;
  }
}

/** The ADR (aliased `adr`) a link (aliased `link`) points to: by URL, else by number. */
function onTarget(link: string, adr: string) {
  return (join: Knex.JoinClause) => {
    join
      .on(`${adr}.url`, `${link}.target_url`)
      .orOn(byNumber =>
        byNumber
          .on(`${adr}.entity_ref`, `${link}.entity_ref`)
          .andOn(`${adr}.number`, `${link}.target_number`),
      );
  };
}

type ChainRow = {
  for_id: string;
  relation: AdrChainRelation;
  target: string;
  other_id: string | null;
  other_entity: string | null;
  other_number: number | null;
  other_title: string | null;
  other_status: string | null;
  other_date: string | null;
};

const OTHER_COLUMNS = (alias: string) => ({
  other_id: `${alias}.id`,
  other_entity: `${alias}.entity_ref`,
  other_number: `${alias}.number`,
  other_title: `${alias}.title`,
  other_status: `${alias}.status`,
  other_date: `${alias}.date`,
});

/**
 * Each ADR's links in the decision graph, read from both sides: what it writes ("superseded by
 * 7") and what other ADRs write about it ("supersedes 3"). An ADR of an entity hidden from the
 * caller is never named: a link it writes is left out, and a link to it shows only its target as
 * written.
 */
export async function readChains(
  db: Knex,
  ids: string[],
  hidden: HiddenEntities,
): Promise<Map<string, AdrChainLink[]>> {
  const isHidden = (entityRef: string | null) =>
    entityRef !== null &&
    (hidden === 'all' || (hidden ?? []).includes(entityRef));
  const chains = new Map<string, AdrChainLink[]>(ids.map(id => [id, []]));
  const seen = new Set<string>();
  const add = (row: ChainRow, relation: AdrChainRelation, target: string) => {
    const visible = row.other_id !== null && !isHidden(row.other_entity);
    if (row.other_id === row.for_id) {
      return;
    }
    const key = `${row.for_id}\n${relation}\n${
      visible ? row.other_id : target
    }`;
    if (seen.has(key)) {
      return;
    }
    seen.add(key);
    chains.get(row.for_id)?.push({
      relation,
      target,
      ...(visible && {
        adrId: row.other_id!,
        entityRef: row.other_entity!,
        ...(row.other_number !== null && { number: row.other_number }),
        title: row.other_title!,
        ...(row.other_status !== null && {
          status: row.other_status as AdrStatus,
        }),
        ...(row.other_date !== null && { date: row.other_date }),
      }),
    });
  };
  for (const batch of chunks(ids)) {
    const written: ChainRow[] = await db('adr_links as link')
      .leftJoin('adrs as other', onTarget('link', 'other'))
      .whereIn('link.adr_id', batch)
      .select({
        for_id: 'link.adr_id',
        relation: 'link.relation',
        target: 'link.target',
        ...OTHER_COLUMNS('other'),
      })
      .orderBy('link.id');
    for (const row of written) {
      add(row, row.relation, row.target);
    }
    const writtenAbout: (ChainRow & { other_path: string })[] = await db(
      'adr_links as link',
    )
      .join('adrs as this', onTarget('link', 'this'))
      .join('adrs as other', 'other.id', 'link.adr_id')
      .whereIn('this.id', batch)
      .select({
        for_id: 'this.id',
        relation: 'link.relation',
        target: 'link.target',
        other_path: 'other.path',
        ...OTHER_COLUMNS('other'),
      })
      .orderBy('link.id');
    for (const row of writtenAbout) {
      if (!isHidden(row.other_entity)) {
        add(row, INVERSE[row.relation], row.other_path);
      }
    }
  }
  return chains;
}

/**
 * Narrows an index query on `adrs` to the decisions with any of the concerns. A superseded ADR
 * has a successor when it names one that is stored, or when a stored ADR says it supersedes it.
 */
export function whereConcern(
  db: Knex,
  query: Knex.QueryBuilder,
  concerns: AdrConcern[],
  staleBefore: string,
): void {
  query.where(any => {
    if (concerns.includes('no-successor')) {
      any.orWhere(superseded =>
        superseded
          .where('adrs.status', 'superseded')
          .whereNotExists(
            db('adr_links as link')
              .join('adrs as other', onTarget('link', 'other'))
              .whereRaw('link.adr_id = adrs.id')
              .where('link.relation', 'superseded-by')
              .select(db.raw('1')),
          )
          .whereNotExists(
            db('adr_links as link')
              .join('adrs as other', 'other.id', 'link.adr_id')
              .where('link.relation', 'supersedes')
              .where(target =>
                target
                  .whereRaw('link.target_url = adrs.url')
                  .orWhere(byNumber =>
                    byNumber
                      .whereRaw('link.entity_ref = adrs.entity_ref')
                      .whereRaw('link.target_number = adrs.number'),
                  ),
              )
              .select(db.raw('1')),
          ),
      );
    }
    if (concerns.includes('stale')) {
      any.orWhere(stale =>
        stale
          .where('adrs.status', 'accepted')
          .whereNotNull('adrs.date')
          .where('adrs.date', '<', staleBefore)
          .whereNotExists(
            db('adr_retrospectives')
              .whereRaw('adr_retrospectives.adr_id = adrs.id')
              .select(db.raw('1')),
          ),
      );
    }
  });
}
