/*
 * What the scorecard bench measures of the database itself: its size on disk, its largest
 * tables and the fact history packed on the facts rows.
 */
import { Knex } from 'knex';

/** Bytes as megabytes, for the report. */
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Bytes on disk of every table and index, after the clean-up autovacuum would do. */
export async function databaseBytes(db: Knex): Promise<number> {
  if (db.client.config.client === 'pg') {
    await db.raw('VACUUM ANALYZE');
    const { rows } = await db.raw(
      `SELECT sum(pg_total_relation_size(quote_ident(tablename)))::bigint AS bytes
       FROM pg_tables WHERE schemaname = 'public'`,
    );
    return Number(rows[0].bytes);
  }
  const [{ page_count: pages }] = await db.raw('PRAGMA page_count');
  const [{ freelist_count: free }] = await db.raw('PRAGMA freelist_count');
  const [{ page_size: size }] = await db.raw('PRAGMA page_size');
  return (pages - free) * size;
}

/** PostgreSQL's tables with their indexes, largest first. */
export async function postgresTableSizes(
  db: Knex,
): Promise<Array<{ name: string; bytes: number }>> {
  const { rows } = await db.raw(
    `SELECT tablename AS name, pg_total_relation_size(quote_ident(tablename))::bigint AS bytes
     FROM pg_tables WHERE schemaname = 'public' ORDER BY 2 DESC`,
  );
  return (rows as Array<{ name: string; bytes: string }>).map(r => ({
    name: r.name,
    bytes: Number(r.bytes),
  }));
}

/**
 * The fact history, a column of `facts`: how many daily values it holds and the bytes of
 * their packed text.
 */
export async function factHistorySize(
  db: Knex,
): Promise<{ points: number; bytes: number }> {
  let [points, bytes] = [0, 0];
  for (const { history } of await db('facts')
    .whereNotNull('history')
    .select('history')) {
    points += JSON.parse(history).length;
    bytes += Buffer.byteLength(history);
  }
  return { points, bytes };
}
