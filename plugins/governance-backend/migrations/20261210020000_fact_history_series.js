// @ts-check

const { Duration } = require('luxon');

const DAY_MS = Duration.fromObject({ days: 1 }).as('milliseconds');
const PAGE = 5000;
// Under SQLite's 500 terms in the compound SELECT knex builds for a multi-row insert.
const BATCH = 500;

/** @param {Date | string | number} at */
const dayOf = at => Math.floor(new Date(at).getTime() / DAY_MS);

/**
 * Fact history packed onto the fact's own row: `facts.history` holds one value per UTC day as
 * a JSON array of [day, value] pairs, oldest first, the first day a day number since
 * 1970-01-01 and each next the days since the one before, instead of a row per observation in
 * `fact_history` (about 230 bytes each with its indexes, nine or so here). A day keeps its
 * latest observation. History of a source no longer in `facts` gets its row back,
 * from its latest observation, so nothing is lost.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('facts', table => {
    table
      .text('history')
      .nullable()
      .comment(
        'JSON array of [day, value] pairs, one per UTC day, oldest first: the first day since 1970-01-01, each next in days since the one before',
      );
    table
      .integer('history_from_day')
      .nullable()
      .comment('The first day in history, so pruning finds old points');
  });
  /** @type {Array<Record<string, unknown>>} */
  let series = [];
  const flush = async () => {
    for (let i = 0; i < series.length; i += BATCH) {
      await knex('facts')
        .insert(series.slice(i, i + BATCH))
        .onConflict(['entity_ref', 'name', 'source'])
        .merge(['history', 'history_from_day']);
    }
    series = [];
  };
  /** @type {any} */
  let current;
  // Keyset paging in the order of the unique index: a large table is never read at once.
  for (let after; ; ) {
    const query = knex('fact_history')
      .orderBy(['entity_ref', 'name', 'source', 'observed_at'])
      .limit(PAGE)
      .select(
        'entity_ref',
        'name',
        'source',
        'value',
        'observed_at',
        'received_at',
      );
    if (after) {
      query.whereRaw('(entity_ref, name, source, observed_at) > (?, ?, ?, ?)', [
        after.entity_ref,
        after.name,
        after.source,
        after.observed_at,
      ]);
    }
    const rows = await query;
    for (const row of rows) {
      if (
        !current ||
        current.entity_ref !== row.entity_ref ||
        current.name !== row.name ||
        current.source !== row.source
      ) {
        if (current) {
          series.push(packed(current));
        }
        current = { ...row, days: new Map() };
      }
      // In time order, so each day ends with its latest value, and the row with the latest.
      current.days.set(dayOf(row.observed_at), JSON.parse(row.value));
      Object.assign(current, {
        value: row.value,
        observed_at: row.observed_at,
        received_at: row.received_at,
      });
    }
    if (series.length >= PAGE) {
      await flush();
    }
    if (rows.length < PAGE) {
      break;
    }
    after = rows[rows.length - 1];
  }
  if (current) {
    series.push(packed(current));
  }
  await flush();
  await knex.schema.dropTable('fact_history');
};

/** @param {any} group a source's observations, in time order */
function packed({ days, ...latest }) {
  const points = [...days.entries()];
  return {
    ...latest,
    history: JSON.stringify(
      points.map(([day, value], i) => [
        i ? day - points[i - 1][0] : day,
        value,
      ]),
    ),
    history_from_day: points[0][0],
  };
}

/**
 * Each day's value becomes an observation again, at the start of its day; the latest day's at
 * the row's own time.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.createTable('fact_history', table => {
    table.comment('Every measured observation of a fact, within retention');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('name', 63).notNullable();
    table.string('source', 255).notNullable();
    table.text('value').notNullable().comment('JSON');
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.unique(['entity_ref', 'name', 'source', 'observed_at'], {
      indexName: 'fact_history_observation_uniq',
    });
    table.index(['observed_at'], 'fact_history_observed_idx');
  });
  for (let after; ; ) {
    const query = knex('facts')
      .whereNotNull('history')
      .orderBy(['entity_ref', 'name', 'source'])
      .limit(BATCH)
      .select(
        'entity_ref',
        'name',
        'source',
        'observed_at',
        'received_at',
        'history',
      );
    if (after) {
      query.whereRaw('(entity_ref, name, source) > (?, ?, ?)', [
        after.entity_ref,
        after.name,
        after.source,
      ]);
    }
    const rows = await query;
    const observations = rows.flatMap(row => {
      let day = 0;
      return JSON.parse(row.history).map(
        (/** @type {[number, unknown]} */ [days, value]) => {
          day += days;
          const latest = day === dayOf(row.observed_at);
          return {
            entity_ref: row.entity_ref,
            name: row.name,
            source: row.source,
            value: JSON.stringify(value),
            observed_at: latest ? row.observed_at : new Date(day * DAY_MS),
            received_at: latest ? row.received_at : new Date(day * DAY_MS),
          };
        },
      );
    });
    for (let i = 0; i < observations.length; i += BATCH) {
      await knex('fact_history').insert(observations.slice(i, i + BATCH));
    }
    if (rows.length < BATCH) {
      break;
    }
    after = rows[rows.length - 1];
  }
  await knex.schema.alterTable('facts', table => {
    table.dropColumn('history');
    table.dropColumn('history_from_day');
  });
};
