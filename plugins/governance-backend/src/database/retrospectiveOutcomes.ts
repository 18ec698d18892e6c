import {
  Retrospective,
  RETROSPECTIVE_OUTCOMES,
  RetrospectiveOutcome,
  RetrospectiveOutcomes,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { DbTimestamp, HiddenEntities, toIso, whereVisible } from './util';

/** @internal */
export type RetrospectiveRow = {
  id: string;
  adr_id: string;
  entity_ref: string;
  date: string;
  outcome: string;
  notes: string;
  lessons: string | null;
  recorded_by: string;
  recorded_at: DbTimestamp;
};

/** @internal */
export function toRetrospective(row: RetrospectiveRow): Retrospective {
  return {
    id: row.id,
    adrId: row.adr_id,
    date: row.date,
    outcome: row.outcome as RetrospectiveOutcome,
    notes: row.notes,
    ...(row.lessons && { lessons: row.lessons }),
    recordedBy: row.recorded_by,
    recordedAt: toIso(row.recorded_at),
  };
}

/**
 * The retrospectives recorded across the organisation: counts per outcome and the newest
 * `limit`, with the ADR each was held on. Retrospectives of `hidden` entities are left out in
 * the query, so the counts are those of what the caller can see. A retrospective outlives its
 * ADR's file (a location that stops naming it), so the ADR is joined, not required.
 *
 * @internal
 */
export async function listRetrospectiveOutcomes(
  db: Knex,
  options: { hidden?: HiddenEntities; limit: number },
): Promise<RetrospectiveOutcomes> {
  const visible = () =>
    whereVisible(
      db('adr_retrospectives'),
      options.hidden,
      'adr_retrospectives.entity_ref',
    );
  const counted: { outcome: string; count: string | number }[] = await visible()
    .groupBy('outcome')
    .select('outcome')
    .count({ count: '*' });
  const rows: (RetrospectiveRow & {
    title: string | null;
    number: number | null;
  })[] = await visible()
    .leftJoin('adrs', 'adrs.id', 'adr_retrospectives.adr_id')
    .orderBy('adr_retrospectives.recorded_at', 'desc')
    .orderBy('adr_retrospectives.id')
    .limit(options.limit)
    .select('adr_retrospectives.*', 'adrs.title', 'adrs.number');
  return {
    counts: RETROSPECTIVE_OUTCOMES.map(outcome => ({
      outcome,
      count: Number(counted.find(c => c.outcome === outcome)?.count ?? 0),
    })),
    items: rows.map(row => ({
      retrospective: toRetrospective(row),
      entityRef: row.entity_ref,
      ...(row.title !== null && { adrTitle: row.title }),
      ...(row.number !== null && { adrNumber: row.number }),
    })),
  };
}
