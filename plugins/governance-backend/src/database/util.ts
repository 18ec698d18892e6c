import { Knex } from 'knex';
import { Duration } from 'luxon';

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

const DAY_MS = Duration.fromObject({ days: 1 }).toMillis();
const HOUR_MS = Duration.fromObject({ hours: 1 }).toMillis();
const MINUTE_MS = Duration.fromObject({ minutes: 1 }).toMillis();
const SECOND_MS = Duration.fromObject({ seconds: 1 }).toMillis();
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) =>
  String(n).padStart(2, '0'),
);
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) =>
  String(n).padStart(3, '0'),
);

/**
 * Reads SQLite's timestamps, the epoch milliseconds knex stored for a Date, as the ISO text
 * `toISOString` writes. A Date per row and its `toISOString` were 7% of an evaluation's CPU on
 * SQLite (and SQLite's own strftime costs more): each day's date is written once per read, the
 * time of day by plain arithmetic. A time stored any other way, or before 1970, goes through a
 * Date as before.
 */
function epochIsoReader(): (value: DbTimestamp) => string {
  const dates = new Map<number, string>();
  return value => {
    if (typeof value !== 'number' || value < 0 || value % 1 !== 0) {
      return toIso(value);
    }
    const ofDay = value % DAY_MS;
    const midnight = value - ofDay;
    let date = dates.get(midnight);
    if (date === undefined) {
      const iso = toIso(midnight);
      date = iso.slice(0, iso.indexOf('T') + 1);
      dates.set(midnight, date);
    }
    const ofHour = ofDay % HOUR_MS;
    const ofMinute = ofHour % MINUTE_MS;
    const millis = ofMinute % SECOND_MS;
    return `${date}${TWO_DIGITS[(ofDay - ofHour) / HOUR_MS]}:${
      TWO_DIGITS[(ofHour - ofMinute) / MINUTE_MS]
    }:${TWO_DIGITS[(ofMinute - millis) / SECOND_MS]}.${THREE_DIGITS[millis]}Z`;
  };
}

/**
 * Selects a timestamp column so that `readIso` gives its ISO text. Reads that run for every
 * entity of every evaluation use it: PostgreSQL writes the text itself (to the millisecond, as
 * `toISOString` does) instead of the driver parsing each row's value into a Date, and SQLite's
 * milliseconds are written out without a Date per row.
 */
export function isoTimestampColumn(
  db: Knex,
  column: string,
): { select: Knex.Raw | string; readIso: (value: DbTimestamp) => string } {
  if (!isPostgres(db)) {
    return { select: column, readIso: epochIsoReader() };
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
