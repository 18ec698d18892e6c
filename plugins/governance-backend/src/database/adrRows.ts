import {
  AdrStatus,
  AdrSummary,
  Retrospective,
  RetrospectivePolicy,
  retrospectiveState,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { AdrLocationRecord, StoredAdr } from './AdrStore';
import { RetrospectiveRow, toRetrospective } from './retrospectiveOutcomes';
import { chunks, DbTimestamp, toIso } from './util';

// How DatabaseAdrStore maps ADRs and their locations to and from rows, kept apart from its
// queries so the store reads in one sitting.

export type AdrRow = {
  id: string;
  entity_ref: string;
  owner: string | null;
  system: string | null;
  path: string;
  url: string;
  number: number | null;
  title: string;
  status: string | null;
  status_text: string | null;
  superseded_by: string | null;
  date: string | null;
  deciders: string;
  links: string;
  scope: string | null;
  format: string;
  warnings: string;
  body: string;
  retrospective_due_at: string | null;
  retrospective_overdue_at: string | null;
};

export type LocationRow = {
  entity_ref: string;
  url: string;
  etag: string | null;
  status: string;
  error: string | null;
  read_at: DbTimestamp | null;
};

/** The row of an ADR, with its retrospective due dates so the index can filter on them in SQL. */
export function toAdrRow(adr: StoredAdr, policy: RetrospectivePolicy): AdrRow {
  const state = retrospectiveState(adr, {
    recorded: false,
    now: new Date(0),
    policy,
  });
  return {
    id: adr.id,
    entity_ref: adr.entityRef,
    owner: adr.owner ?? null,
    system: adr.system ?? null,
    path: adr.path,
    url: adr.url,
    number: adr.number ?? null,
    title: adr.title.slice(0, 1000),
    status: adr.status ?? null,
    status_text: adr.statusText ?? null,
    superseded_by: adr.supersededBy ? JSON.stringify(adr.supersededBy) : null,
    date: adr.date ?? null,
    deciders: JSON.stringify(adr.deciders),
    links: JSON.stringify(adr.links),
    scope: adr.scope?.slice(0, 63) ?? null,
    format: adr.format,
    warnings: JSON.stringify(adr.warnings),
    body: adr.body,
    retrospective_due_at: state.dueAt ?? null,
    retrospective_overdue_at: state.overdueAt ?? null,
  };
}

/** Rows as listed, with their retrospective state now and the latest retrospective. */
export async function toAdrSummaries(
  db: Knex,
  rows: AdrRow[],
  now: Date,
  policy: RetrospectivePolicy,
): Promise<AdrSummary[]> {
  const latest = new Map<string, Retrospective>();
  for (const batch of chunks(rows.map(r => r.id))) {
    const recorded = await db<RetrospectiveRow>('adr_retrospectives')
      .whereIn('adr_id', batch)
      .orderBy('recorded_at', 'asc');
    for (const row of recorded) {
      latest.set(row.adr_id, toRetrospective(row));
    }
  }
  return rows.map(row => {
    const status = (row.status ?? undefined) as AdrStatus | undefined;
    const date = row.date ?? undefined;
    return {
      id: row.id,
      entityRef: row.entity_ref,
      path: row.path,
      url: row.url,
      number: row.number ?? undefined,
      title: row.title,
      status,
      statusText: row.status_text ?? undefined,
      supersededBy: row.superseded_by
        ? JSON.parse(row.superseded_by)
        : undefined,
      date,
      deciders: JSON.parse(row.deciders),
      scope: row.scope ?? undefined,
      format: row.format as AdrSummary['format'],
      warnings: JSON.parse(row.warnings),
      retrospective: {
        ...retrospectiveState(
          { status, date },
          { recorded: latest.has(row.id), now, policy },
        ),
        latest: latest.get(row.id),
      },
      owner: row.owner ?? undefined,
      system: row.system ?? undefined,
    };
  });
}

export function toLocation(row: LocationRow): AdrLocationRecord {
  return {
    entityRef: row.entity_ref,
    url: row.url,
    etag: row.etag ?? undefined,
    status: row.status as AdrLocationRecord['status'],
    error: row.error ?? undefined,
    readAt: row.read_at ? toIso(row.read_at) : undefined,
  };
}
