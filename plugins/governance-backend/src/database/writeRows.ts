import { Knex } from 'knex';
import { isPostgres } from './util';

/*
 * Many-row writes and reads by key in statements of a few parameters: the evaluation writes a
 * page of a thousand entities at a time, and knex's multi-row insert binds, checks and formats
 * a parameter per value (node-postgres formats each Date in JavaScript), which cost more than
 * the database's own work. PostgreSQL gets each column as one array parameter; SQLite gets the
 * rows as one JSON parameter and reads it with its JSON functions.
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
   * each, which it splits without reading every character as an array's or JSON's quoting
   * would (half the CPU of the results' write), and stores the very same text.
   */
  jsonText?: readonly (keyof Row & string)[];
};

/**
 * Writes the rows in one statement. PostgreSQL unnests an array of each column's values, cast
 * to the column's type (a Date goes as its ISO text): a third of the CPU its JSON functions
 * took to read the same rows into the table's row type. SQLite takes each column's JSON value
 * (its JSON reader gives back the very double JSON.stringify wrote), and a Date as its epoch
 * milliseconds, as knex stores a Date there.
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
    const types = await columnTypes(tx, table);
    const jsonText = new Set<string>(write.jsonText ?? []);
    const parameters = columns.map(column =>
      postgresColumn(
        rows.map(row => row[column as keyof Row]),
        types.get(column),
        jsonText.has(column),
      ),
    );
    await tx.raw(
      `INSERT INTO ?? (${names})
       SELECT * FROM unnest(${parameters.map(p => p.sql).join(', ')})
         AS written(${names})${conflict.sql}`,
      [
        table,
        ...columns,
        ...parameters.map(p => p.binding),
        ...columns,
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

/** Each table's column types, read once per database (migrations run before any write). */
const columnTypesByDatabase = new WeakMap<
  object,
  Map<string, Promise<Map<string, string>>>
>();

/**
 * The type of each column of `table`, which its array parameter is cast to: PostgreSQL
 * converts text to another type only when told.
 */
function columnTypes(
  tx: Knex | Knex.Transaction,
  table: string,
): Promise<Map<string, string>> {
  // A transaction's client shares its database's config object.
  const database = tx.client.config;
  let tables = columnTypesByDatabase.get(database);
  if (!tables) {
    tables = new Map();
    columnTypesByDatabase.set(database, tables);
  }
  let types = tables.get(table);
  if (!types) {
    types = tx
      .raw(
        `SELECT attname AS name, format_type(atttypid, NULL) AS type
           FROM pg_attribute
          WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped`,
        [table],
      )
      .then(
        ({ rows }: { rows: { name: string; type: string }[] }) =>
          new Map(rows.map(row => [row.name, row.type])),
      );
    tables.set(table, types);
    // A table that does not exist yet is looked up again next time.
    types.catch(() => tables!.delete(table));
  }
  return types;
}

/**
 * One column's values as a parameter of `unnest`: JSON text a line each when it can go so,
 * otherwise an array literal of the column's type. Each value is written as node-postgres
 * writes a lone parameter: a Date as its ISO text, a string's lone surrogate halves as U+FFFD
 * (when it encodes the parameter as UTF-8), and a number JSON has no text for (NaN) as NULL,
 * as the rows' JSON stored it before.
 */
function postgresColumn(
  values: unknown[],
  type: string | undefined,
  jsonText: boolean,
): { sql: string; binding: string } {
  if (
    jsonText &&
    values.every(
      value =>
        typeof value === 'string' && value !== '' && !value.includes('\n'),
    )
  ) {
    return {
      sql: `string_to_array(?, E'\\n')`,
      binding: (values as string[]).join('\n'),
    };
  }
  if (!type) {
    // The INSERT names the column, so PostgreSQL's own error says that it does not exist.
    return { sql: '?::text[]', binding: arrayLiteral(values) };
  }
  return { sql: `?::${type}[]`, binding: arrayLiteral(values) };
}

/** Characters a quoted array element escapes with a backslash. */
const ARRAY_QUOTING = /[\\"]/;

/** A value as node-postgres writes it alone; NULL for a number JSON has no text for. */
function elementText(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : null;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** PostgreSQL's text of a one-dimensional array of the values, each element quoted. */
function arrayLiteral(values: unknown[]): string {
  const elements = values.map(value => {
    const text = elementText(value);
    if (text === null) {
      return 'NULL';
    }
    return ARRAY_QUOTING.test(text)
      ? `"${text.replace(/[\\"]/g, '\\$&')}"`
      : `"${text}"`;
  });
  return `{${elements.join(',')}}`;
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
