import { Knex } from 'knex';
import { FactStore, MeasuredFact } from './FactStore';
import {
  dayNumber,
  dayStart,
  parseSeries,
  seriesColumns,
  setDay,
} from './factSeries';
import { chunks, DbTimestamp, isoTimestampColumn, isPostgres } from './util';
import { among, writeRows } from './writeRows';

type FactRow = {
  entity_ref: string;
  name: string;
  source: string;
  value: string;
  observed_at: DbTimestamp;
  received_at: DbTimestamp;
  /** The fact's history, a JSON array of `SeriesPoint`s, oldest first. */
  history: string | null;
  /** The first day in `history`, so pruning finds old points without reading every series. */
  history_from_day: number | null;
};

const DEFAULT_MAX_SOURCES_PER_FACT = 10;

/** The row of `fact_removals` that counts the prunings of `facts`. */
const FACT_REMOVALS = 'facts';

/** What a write reads of a stored fact: all but the first day, which it derives. */
const STORED_COLUMNS = [
  'entity_ref',
  'name',
  'source',
  'value',
  'observed_at',
  'received_at',
  'history',
];

/** How many facts one PostgreSQL statement writes at most. */
const POSTGRES_FACTS_PER_STATEMENT = 5_000;

/**
 * Inserts or replaces the rows. A writer that read a row before another wrote a newer
 * observation must not undo it, so an update only goes through for a newer or equal one.
 */
async function upsertFacts(tx: Knex.Transaction, rows: FactRow[]) {
  await writeRows(tx, {
    table: 'facts',
    rows,
    onConflict: {
      key: ['entity_ref', 'name', 'source'],
      newest: 'observed_at',
    },
  });
}

/**
 * Locks the rows read on PostgreSQL until the transaction ends: two writers adding to one
 * history at once must not each write back their own copy. (SQLite runs one writer at a time.)
 */
function lockedForWrite(tx: Knex.Transaction, query: Knex.QueryBuilder) {
  return isPostgres(tx) ? query.forUpdate() : query;
}

/** The advisory-lock namespace of fact writes (two-key locks, apart from one-key ones). */
const FACT_LOCK_SPACE = 1_735_814_758;
/**
 * Facts are locked in this many buckets: a batch of 30,000 facts must not take 30,000 locks
 * (PostgreSQL's lock table holds 64 per connection by default), and two small batches
 * rarely share a bucket.
 */
const FACT_LOCK_BUCKETS = 64;

/**
 * `FOR UPDATE` only locks rows that exist: two writers adding the first observations of one
 * fact would each build a one-day history and the second would replace the first's. A lock
 * on the fact's bucket, taken before the read, makes the second writer read the first's row.
 * Taken in bucket order, so two batches never wait on each other crosswise. (SQLite runs one
 * writer at a time.)
 */
async function lockFactsForWrite(
  tx: Knex.Transaction,
  facts: Array<{ entityRef: string; name: string }>,
) {
  if (!isPostgres(tx)) {
    return;
  }
  // PostgreSQL evaluates a volatile function in the select list after the ORDER BY. The facts
  // go as one JSON parameter of their two fields, written in one native pass.
  await tx.raw(
    `SELECT pg_advisory_xact_lock(?, bucket)
       FROM (SELECT DISTINCT hashtext(f."entityRef" || chr(10) || f.name) & ? AS bucket
               FROM json_to_recordset(?::json) AS f("entityRef" text, name text)) AS buckets
      ORDER BY bucket`,
    [
      FACT_LOCK_SPACE,
      FACT_LOCK_BUCKETS - 1,
      JSON.stringify(facts, ['entityRef', 'name']),
    ],
  );
}

/** How many entities' facts one PostgreSQL read returns: an evaluated page's. */
const POSTGRES_FACT_READ_ENTITIES = 1_000;

/**
 * The facts of the entities as [entityRef, name, source, value, observedAt] in one JSON array,
 * which the driver parses in one native pass: a row per fact cost Node a parse of each row's
 * fields and of its value's JSON, and two statements of 500 entities each scanned the table.
 * The stored value text goes in as JSON unchanged, so it reads back as `JSON.parse` of it would.
 */
async function readPostgresFacts(
  db: Knex,
  entityRefs: string[],
  names: readonly string[] | undefined,
): Promise<Array<[string, string, string, MeasuredFact['value'], string]>> {
  const { rows } = await db.raw(
    `SELECT json_agg(json_build_array(entity_ref, name, source, value::json,
              to_char(observed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) AS facts
       FROM facts
      WHERE ?${names ? ' AND name = ANY(?::text[])' : ''}`,
    [among(db, 'entity_ref', entityRefs), ...(names ? [[...names]] : [])],
  );
  return rows[0].facts ?? [];
}

const factKey = (row: { entity_ref: string; name: string; source: string }) =>
  JSON.stringify([row.entity_ref, row.name, row.source]);

/**
 * Knex implementation of {@link FactStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseFactStore implements FactStore {
  private readonly maxSourcesPerFact: number;

  constructor(
    private readonly db: Knex,
    options: {
      /** How many sources one entity's fact keeps at most (default 10). */
      maxSourcesPerFact?: number;
    } = {},
  ) {
    this.maxSourcesPerFact =
      options.maxSourcesPerFact ?? DEFAULT_MAX_SOURCES_PER_FACT;
  }

  async addFacts(facts: MeasuredFact[], receivedAt: Date): Promise<void> {
    const observations = new Map<string, MeasuredFact[]>();
    for (const fact of facts) {
      const key = factKey({
        entity_ref: fact.entityRef,
        name: fact.name,
        source: fact.source,
      });
      const list = observations.get(key);
      if (list) {
        list.push(fact);
      } else {
        observations.set(key, [fact]);
      }
    }
    const lists = [...observations.values()];
    await this.db.transaction(async tx => {
      // Both databases write a batch as one JSON parameter, one statement per step. PostgreSQL
      // takes chunks of a few thousand facts so a huge push is never built as one statement in
      // memory; SQLite binds each entity and name its read of the stored rows matches, so it
      // takes smaller chunks.
      const chunkSize = isPostgres(tx)
        ? POSTGRES_FACTS_PER_STATEMENT
        : undefined;
      for (const batch of chunks(lists, chunkSize)) {
        await this.writeBatch(tx, batch, receivedAt);
      }
    });
  }

  /**
   * Writes the observations of a batch of facts, each list one entity's fact from one
   * source: reads the stored rows of those facts (every source, for the cap on sources), adds
   * the observations to their history and writes each row once.
   */
  private async writeBatch(
    tx: Knex.Transaction,
    observations: MeasuredFact[][],
    receivedAt: Date,
  ): Promise<void> {
    // Every source of these facts, for the cap on sources. Two plain lists match a few more
    // rows than the pairs would (another of the batch's facts of an entity), but plan at once.
    await lockFactsForWrite(
      tx,
      observations.map(([f]) => f),
    );
    const entityRefs = [...new Set(observations.map(([f]) => f.entityRef))];
    const names = [...new Set(observations.map(([f]) => f.name))];
    const reading = tx<FactRow>('facts').select(STORED_COLUMNS);
    if (isPostgres(tx)) {
      reading
        .whereRaw('entity_ref = ANY(?)', [entityRefs])
        .whereRaw('name = ANY(?)', [names]);
    } else {
      reading.whereIn('entity_ref', entityRefs).whereIn('name', names);
    }
    const stored: FactRow[] = await lockedForWrite(tx, reading);
    const storedByKey = new Map(stored.map(row => [factKey(row), row]));
    const rows = observations.map(list => {
      const [{ entityRef, name, source }] = list;
      const key = { entity_ref: entityRef, name, source };
      return {
        ...key,
        ...withObservations(storedByKey.get(factKey(key)), list, receivedAt),
      };
    });
    await upsertFacts(tx, rows);
    const written = new Set(rows.map(factKey));
    const evicted = this.sourcesBeyondCap([
      ...stored.filter(row => !written.has(factKey(row))),
      ...rows,
    ]);
    for (const batch of chunks(evicted)) {
      await tx('facts')
        .whereIn(['entity_ref', 'name', 'source'], batch)
        .delete();
    }
  }

  /**
   * Each source is a row, so a writer inventing source names would grow an entity's fact
   * without bound: only the most recently observed sources are kept.
   */
  private sourcesBeyondCap(
    rows: Array<
      Pick<FactRow, 'entity_ref' | 'name' | 'source'> & {
        observed_at: DbTimestamp;
        received_at: DbTimestamp;
      }
    >,
  ): string[][] {
    const sourcesByFact = new Map<string, typeof rows>();
    for (const row of rows) {
      const fact = JSON.stringify([row.entity_ref, row.name]);
      const sources = sourcesByFact.get(fact);
      if (sources) {
        sources.push(row);
      } else {
        sourcesByFact.set(fact, [row]);
      }
    }
    const time = (at: DbTimestamp) => new Date(at).getTime();
    return [...sourcesByFact.values()].flatMap(sources =>
      sources
        .sort(
          (a, b) =>
            time(b.observed_at) - time(a.observed_at) ||
            time(b.received_at) - time(a.received_at) ||
            (a.source < b.source ? -1 : Number(a.source > b.source)),
        )
        .slice(this.maxSourcesPerFact)
        .map(row => [row.entity_ref, row.name, row.source]),
    );
  }

  async getFacts(
    entityRefs: string[],
    options: { names?: readonly string[] } = {},
  ): Promise<Map<string, MeasuredFact[]>> {
    const result = new Map<string, MeasuredFact[]>();
    const add = (fact: MeasuredFact) => {
      const list = result.get(fact.entityRef) ?? [];
      list.push(fact);
      result.set(fact.entityRef, list);
    };
    if (isPostgres(this.db)) {
      for (const batch of chunks(entityRefs, POSTGRES_FACT_READ_ENTITIES)) {
        const facts = await readPostgresFacts(this.db, batch, options.names);
        for (const [entityRef, name, source, value, observedAt] of facts) {
          add({ entityRef, name, source, value, observedAt });
        }
      }
      return result;
    }
    // Every evaluation reads every entity's facts.
    const observedAt = isoTimestampColumn(this.db, 'observed_at');
    for (const batch of chunks(entityRefs)) {
      // Only the columns evaluation reads.
      const query = this.db<FactRow>('facts')
        .whereIn('entity_ref', batch)
        .select('entity_ref', 'name', 'source', 'value', observedAt.select);
      if (options.names) {
        query.whereIn('name', [...options.names]);
      }
      for (const row of await query) {
        add({
          entityRef: row.entity_ref,
          name: row.name,
          source: row.source,
          value: JSON.parse(row.value),
          observedAt: observedAt.readIso(row.observed_at),
        });
      }
    }
    return result;
  }

  async listFactChangesSince(
    since: Date,
    names: readonly string[],
  ): Promise<{ entityRefs: string[]; removals: number }> {
    // A row's received_at moves whenever its value or observation time does: a range scan of
    // the received_at index, not a read of every fact.
    const entityRefs: string[] = await this.db('facts')
      .where('received_at', '>=', since)
      .whereIn('name', [...names])
      .distinct()
      .pluck('entity_ref');
    return { entityRefs, removals: await this.countFactRemovals() };
  }

  async countFactRemovals(): Promise<number> {
    const counter = await this.db('fact_removals')
      .where({ name: FACT_REMOVALS })
      .first('removals');
    return Number(counter?.removals ?? 0);
  }

  async listFactEntityRefs(): Promise<string[]> {
    return this.db('facts').distinct().pluck('entity_ref');
  }

  async removeFacts(entityRefs: string[]): Promise<number> {
    let removed = 0;
    for (const batch of chunks(entityRefs)) {
      removed += await this.db('facts').whereIn('entity_ref', batch).delete();
    }
    return removed;
  }

  async pruneFacts(before: Date): Promise<number> {
    // A deleted fact leaves no row a pass could find by its time: the pass sees the count. Both
    // in one transaction, so no deletion is ever left uncounted.
    const expired = await this.db.transaction(async tx => {
      const deleted = await tx('facts')
        .where('observed_at', '<', before)
        .delete();
      if (deleted) {
        await tx('fact_removals')
          .insert({ name: FACT_REMOVALS, removals: 1 })
          .onConflict('name')
          .merge({ removals: tx.raw('fact_removals.removals + 1') });
      }
      return deleted;
    });
    // The day `before` falls on is kept whole: the history does not know a day's hour.
    const firstDay = dayNumber(before);
    for (;;) {
      const trimmed = await this.db.transaction(async tx => {
        const reading = tx<FactRow>('facts')
          .where('history_from_day', '<', firstDay)
          .limit(500)
          .select(STORED_COLUMNS);
        const rows: FactRow[] = await lockedForWrite(tx, reading);
        if (rows.length) {
          await tx('facts')
            .insert(
              rows.map(row => ({
                ...row,
                ...seriesColumns(
                  parseSeries(row.history).filter(([day]) => day >= firstDay),
                ),
              })),
            )
            .onConflict(['entity_ref', 'name', 'source'])
            .merge(['history', 'history_from_day']);
        }
        return rows.length;
      });
      if (trimmed === 0) {
        return expired;
      }
    }
  }

  async getFactHistory(query: {
    entityRefs: string[];
    names: readonly string[];
    from: Date;
    to: Date;
  }): Promise<MeasuredFact[]> {
    const result: MeasuredFact[] = [];
    const [from, to] = [query.from.toISOString(), query.to.toISOString()];
    for (const batch of chunks(query.entityRefs)) {
      const rows = await this.db<FactRow>('facts')
        .whereIn('entity_ref', batch)
        .whereIn('name', [...query.names])
        // A series ends on its latest observation's day.
        .where('observed_at', '>=', new Date(dayStart(dayNumber(query.from))))
        .where('history_from_day', '<=', dayNumber(query.to))
        .select('entity_ref', 'name', 'source', 'history');
      for (const row of rows) {
        for (const [day, value] of parseSeries(row.history)) {
          const observedAt = dayStart(day);
          if (observedAt >= from && observedAt < to) {
            result.push({
              entityRef: row.entity_ref,
              name: row.name,
              source: row.source,
              value,
              observedAt,
            });
          }
        }
      }
    }
    return result.sort(
      (a, b) =>
        a.observedAt.localeCompare(b.observedAt) ||
        a.entityRef.localeCompare(b.entityRef) ||
        a.name.localeCompare(b.name) ||
        a.source.localeCompare(b.source),
    );
  }
}

/**
 * A stored fact with new observations of it: the latest observation wins the row (an older one
 * than stored changes only the history), and each observation sets its day in the history. A
 * day keeps its latest observation, so a late one of the stored row's day does not replace it.
 */
function withObservations(
  stored: FactRow | undefined,
  observations: MeasuredFact[],
  receivedAt: Date,
) {
  const points = parseSeries(stored?.history);
  let latest = stored && {
    value: stored.value,
    observedAt: new Date(stored.observed_at),
    receivedAt: new Date(stored.received_at),
  };
  const inTimeOrder = observations
    .map(fact => ({ fact, observedAt: new Date(fact.observedAt) }))
    .sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());
  for (const { fact, observedAt } of inTimeOrder) {
    const day = dayNumber(observedAt);
    const newerThatDay =
      latest &&
      latest.observedAt > observedAt &&
      dayNumber(latest.observedAt) === day;
    if (!newerThatDay) {
      setDay(points, day, fact.value);
    }
    if (!latest || latest.observedAt <= observedAt) {
      latest = { value: JSON.stringify(fact.value), observedAt, receivedAt };
    }
  }
  return {
    value: latest!.value,
    observed_at: latest!.observedAt,
    received_at: latest!.receivedAt,
    ...seriesColumns(points),
  };
}
