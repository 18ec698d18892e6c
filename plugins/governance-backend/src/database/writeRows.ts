import { Knex } from 'knex';
import { DbTimestamp, isPostgres } from './util';

/*
 * Many-row writes and reads by key in statements of a few parameters: the evaluation writes a
 * page of a thousand entities at a time, and knex's multi-row insert binds, checks and formats
 * a parameter per value (node-postgres formats each Date in JavaScript), which cost more than
 * the database's own work. The rows go to PostgreSQL as one JSON parameter instead, which it
 * reads with its own JSON functions. better-sqlite3 runs SQLite in the Node process, where
 * a prepared statement run per row costs less than either (see runPerRow).
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
   * Text columns whose values are JSON.stringify's output (an entity's results, say), which
   * never holds a line break: PostgreSQL gets such a column as one text of its values a line
   * each, which it splits without parsing them as it parses the rows' JSON (half the CPU of
   * the results' write), and stores the very same text.
   */
  jsonText?: readonly (keyof Row & string)[];
};

/**
 * Writes the rows. PostgreSQL reads them in one statement from JSON into the table's own row
 * type, so each value converts to its column's type (a Date goes as its ISO text), and takes
 * the `jsonText` columns from their texts a line each. SQLite gets each value as knex's insert
 * binds it (a Date as its epoch milliseconds), all rows or none.
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
    const lines = lineColumns(rows, columns, write.jsonText ?? []);
    const select = columns.map(column => {
      const line = lines.indexOf(column);
      return line < 0 ? `r.${column}` : `line${line}.json_text`;
    });
    await tx.raw(
      `INSERT INTO ?? (${names})
       SELECT ${names}
         FROM json_populate_recordset(NULL::??, ?::json) WITH ORDINALITY AS r${lines
           .map(
             (_, line) =>
               ` JOIN unnest(string_to_array(?, E'\\n')) WITH ORDINALITY
                   AS line${line}(json_text, line_number)
                   ON line${line}.line_number = r.ordinality`,
           )
           .join('')}${conflict.sql}`,
      [
        table,
        ...columns,
        ...select,
        table,
        postgresJson(rows, columns, lines),
        ...lines.map(column =>
          rows.map(row => row[column as keyof Row]).join('\n'),
        ),
        ...conflict.bindings,
      ],
    );
    return;
  }
  if (isBetterSqlite(tx)) {
    await runPerRow(tx, write, columns, conflict);
    return;
  }
  // Another SQLite driver, whose statements knex prepares: each row as an array of its values
  // (JSON.stringify without a replacer stays on V8's fast path, so the Dates are turned into
  // numbers first), each column read back with SQLite's JSON functions.
  const values = rows.map(row =>
    columns.map(column => {
      const value = row[column as keyof Row];
      return isDate(value) ? value.getTime() : value;
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
 * Inserts the rows on better-sqlite3, which runs each statement in the Node process: one row's
 * insert, prepared once and run per row, costs SQLite less than reading the rows from JSON (a
 * page's results, JSON text inside JSON, cost nearly three times their insert), and Node less
 * than stringifying them, or than knex's checks of each bound value of a statement of many
 * rows. Backstage reaches the same connection for its in-memory database's snapshots.
 */
async function runPerRow<Row extends object>(
  tx: Knex | Knex.Transaction,
  { table, rows }: RowsWrite<Row>,
  columns: string[],
  conflict: { sql: string; bindings: string[] },
): Promise<void> {
  // knex quotes the names; the values stay placeholders for the statement's runs.
  const { sql } = tx
    .raw(
      `INSERT INTO ?? (${columns.map(() => '??').join(', ')})
       VALUES (${columns.map(() => '?').join(', ')})${conflict.sql}`,
      [table, ...columns, ...columns.map(() => null), ...conflict.bindings],
    )
    .toSQL();
  const connection: BetterSqliteConnection =
    await tx.client.acquireConnection();
  try {
    const statement = connection.prepare(sql);
    const values = new Array<unknown>(columns.length);
    // All rows or none, as one statement would: a savepoint inside the caller's transaction.
    connection.transaction(() => {
      for (const row of rows) {
        for (let index = 0; index < columns.length; index++) {
          values[index] = sqliteValue(row[columns[index] as keyof Row]);
        }
        statement.run(values);
      }
    })();
  } finally {
    await tx.client.releaseConnection(connection);
  }
}

/** What {@link writeRows} uses of a better-sqlite3 connection. */
type BetterSqliteConnection = {
  prepare(sql: string): { run(values: unknown[]): unknown };
  transaction(fn: () => void): () => void;
};

/** Whether `db` runs on better-sqlite3, whose statements {@link writeRows} prepares itself. */
function isBetterSqlite(db: Knex): boolean {
  return db.client.driverName === 'better-sqlite3';
}

/**
 * A value as knex binds it on SQLite (a Date as its epoch milliseconds, a boolean as 0 or 1),
 * and NULL for a column a row leaves out or leaves undefined.
 */
function sqliteValue(value: unknown): unknown {
  // By type first: nearly every value is a text or a number, which go as they are. better-sqlite3
  // binds a number as REAL, as knex's own inserts do: an INTEGER column stores 3, but a TEXT
  // column would store '3.0', so numbers belong in numeric columns only.
  switch (typeof value) {
    case 'string':
    case 'number':
      return value;
    case 'boolean':
      return Number(value);
    case 'undefined':
      return null;
    default:
      return isDate(value) ? value.getTime() : value;
  }
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
 * The `jsonText` columns that go to PostgreSQL as one text of their values a line each:
 * those whose every value is a text without a line break (JSON.stringify never writes one).
 */
function lineColumns(
  rows: object[],
  columns: string[],
  jsonText: readonly string[],
): string[] {
  return jsonText.filter(
    column =>
      columns.includes(column) &&
      rows.every(row => {
        const value = (row as Record<string, unknown>)[column];
        return (
          typeof value === 'string' && value !== '' && !value.includes('\n')
        );
      }),
  );
}

/**
 * The rows as JSON text for PostgreSQL, without the columns that go a line each, and with each
 * half of a UTF-16 surrogate pair that stands alone (in a catalog title, say) as U+FFFD, as
 * node-postgres sends it in a bound parameter: PostgreSQL's JSON refuses its escape.
 */
function postgresJson(
  rows: object[],
  columns: string[],
  lines: readonly string[],
): string {
  const written = jsonRows(rows, columns, lines);
  const json = JSON.stringify(written);
  // JSON.stringify escapes nothing else in that range (a match may also be an escaped
  // backslash followed by such text, which the slower path writes unchanged).
  return /\\u[dD][89a-fA-F]/.test(json)
    ? JSON.stringify(written, (_key, value) =>
        typeof value === 'string' ? value.toWellFormed() : value,
      )
    : json;
}

/**
 * The rows as {@link postgresJson} writes them: without the columns that go a line each, and
 * with each Date as the text its toJSON gives. JSON.stringify skips keys given as a list
 * slowly, and calls a Date's toJSON from native code, slowly too: both cost more than copies
 * it writes in its fast native pass (a page's results rows 1.4 -> 0.3 ms). Rows with neither
 * go as they are (see {@link rowTimestamps}).
 */
function jsonRows(
  rows: object[],
  columns: string[],
  lines: readonly string[],
): object[] {
  const kept = lines.length
    ? columns.filter(column => !lines.includes(column))
    : columns;
  const dates = kept.filter(column =>
    rows.some(row => isDate((row as Record<string, unknown>)[column])),
  );
  if (!lines.length && !dates.length) {
    return rows;
  }
  const timestamp = timestampText();
  return rows.map(row => {
    const values = row as Record<string, unknown>;
    let copy: Record<string, unknown>;
    if (lines.length) {
      // Built key by key in one order, so every copy shares one shape.
      copy = {};
      for (const column of kept) {
        copy[column] = values[column];
      }
    } else {
      copy = { ...values };
    }
    for (const column of dates) {
      const value = copy[column];
      if (isDate(value)) {
        copy[column] = timestamp(value);
      }
    }
    return copy;
  });
}

/**
 * Whether `value` is a Date, asked of every value of many rows: `instanceof` alone costs a
 * lookup of `Symbol.hasInstance` once any class in the process defines one (a schema library
 * does), about 50 ms over a full evaluation's rows; a text or a number is no object.
 */
function isDate(value: unknown): value is Date {
  return typeof value === 'object' && value !== null && value instanceof Date;
}

/**
 * A Date as JSON.stringify writes it (as its toJSON: null when invalid), remembering the last
 * time converted: a page's rows share their evaluation time.
 */
function timestampText(): (date: Date) => string | null {
  let lastTime = NaN;
  let lastText = '';
  return date => {
    const time = date.getTime();
    if (Number.isNaN(time)) {
      return null;
    }
    if (time !== lastTime) {
      lastTime = time;
      lastText = date.toISOString();
    }
    return lastText;
  };
}

/**
 * How a row for {@link writeRows} into `db` holds a time, for many rows: on PostgreSQL the
 * text that JSON would carry for the Date, converted once per time in a row, so the rows go
 * into the JSON as they are; elsewhere (and when invalid) the Date itself, which SQLite
 * stores as its epoch milliseconds.
 */
export function rowTimestamps(
  db: Knex | Knex.Transaction,
): (date: Date) => DbTimestamp {
  if (!isPostgres(db)) {
    return date => date;
  }
  const text = timestampText();
  return date => text(date) ?? date;
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
  if (!isPostgres(db)) {
    return db.raw('?? IN (SELECT value FROM json_each(?))', [
      column,
      JSON.stringify(values),
    ]);
  }
  // node-postgres writes an array parameter out value by value in JavaScript, quoting each, and
  // knex walks it looking for undefined: a page's entity refs go as one text of a ref a line,
  // which PostgreSQL splits (while planning, so it still sees the values). An empty value or
  // one with a line break cannot go that way.
  return values.every(value => value !== '' && !value.includes('\n'))
    ? db.raw(`?? = ANY(string_to_array(?, E'\\n'))`, [
        column,
        values.join('\n'),
      ])
    : db.raw('?? = ANY(?::text[])', [column, values]);
}
