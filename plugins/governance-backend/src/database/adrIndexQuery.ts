import {
  AdrIndexQuery,
  RetrospectiveState,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { whereConcern } from './adrGraph';
import { AdrRow } from './adrRows';
import { HiddenEntities, whereVisible } from './util';

// How DatabaseAdrStore turns the index's filters and sort into SQL, kept apart from the store
// so each reads in one sitting.

/** The ADRs the index query matches, leaving out those of `hidden` entities. */
export function matchingAdrs(
  db: Knex,
  query: AdrIndexQuery,
  options: { now: Date; hidden?: HiddenEntities; staleAfterMonths: number },
): Knex.QueryBuilder<AdrRow> {
  const q = whereVisible(db<AdrRow>('adrs'), options.hidden);
  if (query.status?.length) {
    q.whereIn('status', query.status);
  }
  if (query.owner) {
    q.where('owner', query.owner);
  }
  if (query.system) {
    q.where('system', query.system);
  }
  if (query.from) {
    q.where('date', '>=', query.from);
  }
  if (query.to) {
    q.where('date', '<=', query.to);
  }
  if (query.q) {
    q.whereRaw("LOWER(title) LIKE ? ESCAPE '\\'", [
      `%${query.q.toLocaleLowerCase('en-US').replace(/[\\%_]/g, '\\$&')}%`,
    ]);
  }
  if (query.retrospective?.length) {
    whereRetrospective(db, q, query.retrospective, options.now);
  }
  if (query.concern?.length) {
    const staleBefore = DateTime.fromJSDate(options.now, { zone: 'utc' })
      .minus({ months: options.staleAfterMonths })
      .toISODate()!;
    whereConcern(db, q, query.concern, staleBefore);
  }
  return q;
}

/** The index's order: undated ADRs last in either direction, then by entity and path. */
export function orderedAdrs(
  query: AdrIndexQuery,
): (q: Knex.QueryBuilder) => Knex.QueryBuilder {
  const order =
    query.order ?? (query.sort === 'date' || !query.sort ? 'desc' : 'asc');
  const column = { date: 'date', title: 'title', entity: 'entity_ref' }[
    query.sort ?? 'date'
  ];
  // Spelled out, as knex drops the column itself from a `nulls: 'last'` ordering on SQLite.
  return q =>
    q
      .orderByRaw('CASE WHEN ?? IS NULL THEN 1 ELSE 0 END', [column])
      .orderBy(column, order)
      .orderBy('entity_ref', 'asc')
      .orderBy('path', 'asc');
}

function whereRetrospective(
  db: Knex,
  q: Knex.QueryBuilder,
  states: RetrospectiveState[],
  now: Date,
): void {
  const today = now.toISOString().slice(0, 10);
  const recorded = db('adr_retrospectives')
    .select('adr_id')
    .whereRaw('adr_retrospectives.adr_id = adrs.id');
  q.where(inner => {
    for (const state of states) {
      inner.orWhere(one => {
        if (state === 'not-applicable') {
          one.whereNull('retrospective_due_at');
          return;
        }
        one.whereNotNull('retrospective_due_at');
        if (state === 'recorded') {
          one.whereExists(recorded);
          return;
        }
        one.whereNotExists(recorded);
        if (state === 'overdue') {
          one.where('retrospective_overdue_at', '<=', today);
        } else if (state === 'due') {
          one
            .where('retrospective_due_at', '<=', today)
            .where('retrospective_overdue_at', '>', today);
        } else {
          one.where('retrospective_due_at', '>', today);
        }
      });
    }
  });
}
