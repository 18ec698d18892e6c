import { Knex } from 'knex';

// Keeps every statement under SQLite's and PostgreSQL's bound-parameter limits, and multi-row
// inserts under SQLite's limit of 500 terms in the compound SELECT knex builds for them.
const BATCH_SIZE = 500;

/** Whether the database is PostgreSQL, for the statements SQLite writes another way. */
export const isPostgres = (db: Knex) => db.client.config.client === 'pg';

/** A timestamp column as read: SQLite hands it back as a number or string, PostgreSQL as Date. */
export type DbTimestamp = Date | string | number;

export function toIso(value: DbTimestamp): string {
  return new Date(value).toISOString();
}

/**
 * Selects a timestamp column so that `readIso` gives its ISO text. Reads that run for every
 * entity of every evaluation use it: PostgreSQL writes the text itself (to the millisecond, as
 * `toISOString` does) instead of the driver parsing each row's value into a Date.
 */
export function isoTimestampColumn(
  db: Knex,
  column: string,
): { select: Knex.Raw | string; readIso: (value: DbTimestamp) => string } {
  if (!isPostgres(db)) {
    return { select: column, readIso: toIso };
  }
  return {
    select: db.raw(
      `to_char(?? AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ??`,
      [column, column],
    ),
    readIso: value => value as string,
  };
}

/**
 * A catalog title as our `title` columns (at most 255 characters) hold it: the catalog sets no
 * limit, and one longer title would fail the write of every row beside it on PostgreSQL.
 */
export function storedTitle(title: string | undefined): string | null {
  return title === undefined ? null : title.slice(0, 255);
}

export function chunks<T>(items: T[], size = BATCH_SIZE): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/**
 * The entities a caller may not see under the catalog's read permission: none when undefined,
 * every one when `'all'`.
 */
export type HiddenEntities = string[] | 'all' | undefined;

/**
 * Leaves the hidden entities' rows out in the query itself, so counts and pages stay exact.
 */
export function whereVisible<T extends Knex.QueryBuilder>(
  query: T,
  hidden: HiddenEntities,
  column = 'entity_ref',
): T {
  if (hidden === 'all') {
    query.whereRaw('1 = 0');
    return query;
  }
  for (const batch of chunks(hidden ?? [])) {
    query.whereNotIn(column, batch);
  }
  return query;
}

/**
 * One page of the rows `matching` selects, in the order `ordered` puts them, with how many rows
 * match in all: counted with the same filters, so the total and the page always agree.
 */
export async function readPage<Row>(
  matching: () => Knex.QueryBuilder,
  page: { offset: number; limit: number },
  ordered: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
): Promise<{ rows: Row[]; totalItems: number; offset: number; limit: number }> {
  const [{ count }] = await matching().count({ count: '*' });
  const rows: Row[] = await ordered(matching())
    .offset(page.offset)
    .limit(page.limit);
  return {
    rows,
    totalItems: Number(count),
    offset: page.offset,
    limit: page.limit,
  };
}
