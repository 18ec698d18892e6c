import { Knex } from 'knex';
import { isPostgres } from './util';

/*
 * Many-row writes and reads by key in statements of a few parameters: the evaluation writes a
 * page of a thousand entities at a time, and knex's multi-row insert binds, checks and formats
 * a parameter per value (node-postgres formats each Date in JavaScript), which cost more than
 * the database's own work. The rows go as one JSON parameter instead; each database reads it
 * with its own JSON functions.
 */

/**
 * What an upsert does to a stored row with the same `key` (one column or several): set the
 * other columns to the written values, or increase the `add` columns by them (leaving the others
 * as stored).
 */
export type ConflictUpdate<Row> = {
  key: (keyof Row & string) | readonly (keyof Row & string)[];
  add?: readonly (keyof Row & string)[];
  /**
   * Leaves a stored row whose `newest` column is later than the written row's as it is: a
   * writer that read the row before another wrote a newer observation must not undo it.
   */
  newest?: keyof Row & string;
};

/** The rows to write into `table`; see {@link columnsOf} for a column some rows leave out. */
export type RowsWrite<Row extends object> = {
  table: string;
  rows: Row[];
  /** Without it rows are only inserted. */
  onConflict?: ConflictUpdate<Row>;
  /**
   * Text columns whose values are JSON.stringify's output (an entity's results, say):
   * PostgreSQL gets them inside the rows' JSON as they are, instead of as strings whose every
   * quote is escaped by us and unescaped by it, and stores the very same text.
   */
  jsonText?: readonly (keyof Row & string)[];
};

/**
 * Writes the rows in one statement. PostgreSQL reads the JSON into the table's own row type,
 * so each value converts to its column's type (a Date goes as its ISO text); SQLite takes each
 * column's JSON value (its JSON reader gives back the very double JSON.stringify wrote), and a
 * Date as its epoch milliseconds, as knex stores a Date there.
 */
export async function writeRows<Row extends object>(
  tx: Knex | Knex.Transaction,
  write: RowsWrite<Row>,
): Promise<void> {
  const { table, rows, onConflict } = write;
  if (!rows.length) {
    return;
  }
  const columns = columnsOf(rows);
  const conflict = conflictClause(
    table,
    onConflict as ConflictUpdate<Record<string, unknown>> | undefined,
    columns,
  );
  const names = columns.map(() => '??').join(', ');
  if (isPostgres(tx)) {
    await tx.raw(
      `INSERT INTO ?? (${names})
       SELECT ${names} FROM json_populate_recordset(NULL::??, ?::json)${conflict.sql}`,
      [
        table,
        ...columns,
        ...columns,
        table,
        postgresJson(rows, write.jsonText ?? []),
        ...conflict.bindings,
      ],
    );
    return;
  }
  // Each row as an array of its values: JSON.stringify without a replacer stays on V8's fast
  // path, so the Dates are turned into numbers first.
  const values = rows.map(row =>
    columns.map(column => {
      const value = row[column as keyof Row];
      return value instanceof Date ? value.getTime() : value;
    }),
  );
  // WHERE true: without it SQLite would read ON CONFLICT as part of the SELECT's join.
  await tx.raw(
    `INSERT INTO ?? (${names})
     SELECT ${columns.map(() => 'json_extract(value, ?)').join(', ')}
       FROM json_each(?) WHERE true${conflict.sql}`,
    [
      table,
      ...columns,
      ...columns.map((_, index) => `$[${index}]`),
      JSON.stringify(values),
      ...conflict.bindings,
    ],
  );
}

/**
 * Every column any row names. A row that leaves one out, or leaves it undefined, stores NULL
 * there (JSON has no undefined), not the column's default as knex's insert would.
 */
function columnsOf(rows: object[]): string[] {
  const columns = new Set(Object.keys(rows[0]));
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      columns.add(key);
    }
  }
  return [...columns];
}

/**
 * The rows as JSON text for PostgreSQL, with each half of a UTF-16 surrogate pair that stands
 * alone (in a catalog title, say) as U+FFFD, as node-postgres sends it in a bound parameter:
 * PostgreSQL's JSON refuses its escape. (SQLite reads the escape as knex's binding stores it.)
 */
function postgresJson(rows: object[], jsonText: readonly string[]): string {
  const embedded = jsonText.length
    ? embedJsonText(rows, new Set(jsonText))
    : undefined;
  const json = embedded ?? JSON.stringify(rows);
  // JSON.stringify escapes nothing else in that range (a match may also be an escaped
  // backslash followed by such text, which the slower path writes unchanged).
  return /\\u[dD][89a-fA-F]/.test(json)
    ? JSON.stringify(rows, (_key, value) =>
        typeof value === 'string' ? value.toWellFormed() : value,
      )
    : json;
}

/** Stands in for a `jsonText` value while the rest of its row is serialised. */
const EMBEDDED = '\u0000';
const EMBEDDED_JSON = JSON.stringify(EMBEDDED);

/**
 * JSON.stringify(rows), except that each `jsonText` value that is an array or object goes in
 * as itself rather than as a string, which PostgreSQL's `json` type hands to a text column as
 * the very text it was given. The rows are serialised in one call (the engine's fast path)
 * with a mark for each such value, then the values put in place of the marks. Undefined when
 * some other value serialises like the mark.
 */
function embedJsonText(
  rows: object[],
  jsonText: ReadonlySet<string>,
): string | undefined {
  const values: string[] = [];
  const marked = rows.map(row => {
    const copy: Record<string, unknown> = { ...row };
    // In the order of the row's keys, which is the order JSON.stringify writes them in.
    for (const key of Object.keys(copy)) {
      const value = copy[key];
      if (
        jsonText.has(key) &&
        typeof value === 'string' &&
        (value.startsWith('[') || value.startsWith('{')) &&
        // PostgreSQL refuses some \u escapes (\u0000, half a pair) inside JSON: JSON.stringify
        // writes them rarely, and such a value goes as a string instead.
        !value.includes('\\u')
      ) {
        values.push(value);
        copy[key] = EMBEDDED;
      }
    }
    return copy;
  });
  const parts = JSON.stringify(marked).split(EMBEDDED_JSON);
  if (parts.length !== values.length + 1) {
    return undefined;
  }
  let json = parts[0];
  for (let index = 0; index < values.length; index++) {
    json += values[index] + parts[index + 1];
  }
  return json;
}

/** The ON CONFLICT clause of an upsert into `table`, and its bindings. */
function conflictClause(
  table: string,
  onConflict: ConflictUpdate<Record<string, unknown>> | undefined,
  columns: string[],
): { sql: string; bindings: string[] } {
  if (!onConflict) {
    return { sql: '', bindings: [] };
  }
  const { add, newest } = onConflict;
  const keys: readonly string[] =
    typeof onConflict.key === 'string' ? [onConflict.key] : onConflict.key;
  const set = add
    ? add.map(column => ({
        sql: '?? = ?? + excluded.??',
        bindings: [column, `${table}.${column}`, column],
      }))
    : columns
        .filter(column => !keys.includes(column))
        .map(column => ({
          sql: '?? = excluded.??',
          bindings: [column, column],
        }));
  return {
    sql: ` ON CONFLICT (${keys.map(() => '??').join(', ')}) DO UPDATE SET ${set
      .map(s => s.sql)
      .join(', ')}${newest ? ' WHERE ?? <= excluded.??' : ''}`,
    bindings: [
      ...keys,
      ...set.flatMap(s => s.bindings),
      ...(newest ? [`${table}.${newest}`, newest] : []),
    ],
  };
}

/** Deletes the rows of `table` whose `column` is one of `values`, in one statement. */
export async function deleteRowsAmong(
  tx: Knex | Knex.Transaction,
  table: string,
  column: string,
  values: string[],
  restrict: (query: Knex.QueryBuilder) => Knex.QueryBuilder = query => query,
): Promise<void> {
  if (values.length) {
    await restrict(tx(table).where(among(tx, column, values))).delete();
  }
}

/** The condition that `column` is one of `values`, with the values as one parameter. */
export function among(db: Knex, column: string, values: string[]): Knex.Raw {
  return isPostgres(db)
    ? db.raw('?? = ANY(?::text[])', [column, values])
    : db.raw('?? IN (SELECT value FROM json_each(?))', [
        column,
        JSON.stringify(values),
      ]);
}
