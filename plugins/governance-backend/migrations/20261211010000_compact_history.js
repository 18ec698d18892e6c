// @ts-check

const { Duration } = require('luxon');

const DAY_MS = Duration.fromObject({ days: 1 }).as('milliseconds');
const PAGE = 1000;
// Under SQLite's 500 terms in the compound SELECT knex builds for a multi-row insert.
const BATCH = 50;
/** @type {Record<string, string>} The letter each check state is stored as in history. */
const STATE_LETTERS = {
  pass: 'p',
  fail: 'f',
  warn: 'w',
  unknown: 'u',
  waived: 'v',
  removed: 'r',
};
const STATE_OF_LETTER = Object.fromEntries(
  Object.entries(STATE_LETTERS).map(([state, letter]) => [letter, state]),
);
const GROUP_COLUMNS = ['owner', 'system', 'domain', 'tier'];
const COUNT_COLUMNS = [
  'entities',
  'pass',
  'fail',
  'warn',
  'unknown',
  'waived',
  'total',
];

/**
 * Rewrites every `scorecard_history.changes` with `convert`, in pages by id.
 *
 * @param {import('knex').Knex} knex
 * @param {(change: any) => any} convert
 */
async function rewriteChanges(knex, convert) {
  for (let after = 0; ; ) {
    const rows = await knex('scorecard_history')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .select('id', 'changes');
    if (!rows.length) {
      return;
    }
    const rewritten = rows.flatMap(row => {
      const changes = JSON.stringify(JSON.parse(row.changes).map(convert));
      return changes === row.changes ? [] : [{ id: row.id, changes }];
    });
    if (knex.client.config.client === 'pg') {
      // One statement a page: a year of history is about a hundred thousand rows, and one
      // round trip each would hold start-up for minutes.
      if (rewritten.length) {
        await knex.raw(
          `UPDATE scorecard_history SET changes = page.changes
             FROM json_to_recordset(?::json) AS page(id integer, changes text)
            WHERE scorecard_history.id = page.id`,
          [JSON.stringify(rewritten)],
        );
      }
    } else {
      for (const { id, changes } of rewritten) {
        await knex('scorecard_history').where('id', id).update({ changes });
      }
    }
    after = rows[rows.length - 1].id;
  }
}

/**
 * Replaces `compliance_changes` by a table whose `day` and key are made by `columns`, holding
 * `rows`.
 *
 * @param {import('knex').Knex} knex
 * @param {(table: import('knex').Knex.CreateTableBuilder) => void} columns
 * @param {Record<string, unknown>[]} rows
 */
async function replaceComplianceChanges(knex, columns, rows) {
  await knex.schema.dropTable('compliance_changes');
  await knex.schema.createTable('compliance_changes', table => {
    table.comment(
      'How much the counts of an owner/system/domain/tier combination changed on a day (UTC); the sum up to a day is its counts that day',
    );
    columns(table);
    for (const column of COUNT_COLUMNS) {
      table.integer(column).notNullable();
    }
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    await knex('compliance_changes').insert(rows.slice(i, i + BATCH));
  }
}

/**
 * Reads `compliance_changes` summed per day and `groupBy`, counts as numbers (PostgreSQL
 * returns sums as strings). Summing also merges rows a day recorded twice.
 *
 * @param {import('knex').Knex.QueryBuilder} query
 * @param {string[]} groupBy
 * @returns {Promise<Record<string, any>[]>}
 */
async function sumsPerDay(query, groupBy) {
  /** @type {Record<string, any>[]} */
  const rows = await query
    .select('day', ...groupBy)
    .sum(Object.fromEntries(COUNT_COLUMNS.map(column => [column, column])))
    .groupBy('day', ...groupBy)
    .orderBy('day');
  return rows.map(row => ({
    ...row,
    ...Object.fromEntries(COUNT_COLUMNS.map(c => [c, Number(row[c])])),
  }));
}

/** @param {Record<string, unknown>} row */
const groupKey = row =>
  JSON.stringify(GROUP_COLUMNS.map(column => row[column] ?? null));

/**
 * Compact history, so a year of evaluations grows the database by less (issue 19; the
 * scorecard bench's year at 10,000 entities on PostgreSQL: 48 MB instead of 72 MB):
 * - `scorecard_history.changes` holds each change as `[checkId, state letter, actual?]`
 *   instead of `{ checkId, state, actual }`, and its index is on the entity alone (PostgreSQL
 *   keeps an entity's rows under one index key, and readers sort an entity's few rows
 *   themselves): 24 MB instead of 39 MB.
 * - `compliance_changes` names its owner/system/domain/tier combination by the id of a row in
 *   the new `compliance_groups` instead of repeating four refs on every row, holds its day as
 *   a day number instead of text, and is keyed by day and group instead of a serial id and a
 *   day index: 9.5 MB instead of 20 MB.
 * Existing rows are converted; down() converts them back.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // A state this version does not know stays an object, which readers still take.
  await rewriteChanges(knex, change =>
    Array.isArray(change) || !(change.state in STATE_LETTERS)
      ? change
      : [
          change.checkId,
          STATE_LETTERS[change.state],
          ...(change.actual === undefined ? [] : [change.actual]),
        ],
  );
  await knex.schema.alterTable('scorecard_history', table => {
    table.dropIndex(
      ['entity_ref', 'changed_at'],
      'scorecard_history_entity_idx',
    );
    table.index(['entity_ref'], 'scorecard_history_entity_ref_idx');
  });

  const sums = await sumsPerDay(knex('compliance_changes'), GROUP_COLUMNS);
  await knex.schema.createTable('compliance_groups', table => {
    table.comment(
      'Each owner/system/domain/tier combination compliance_changes has counted; rows are never removed',
    );
    table.increments('id').primary();
    table.string('owner', 255).nullable().comment('Full ref of spec.owner');
    table.string('system', 255).nullable().comment('Full ref of spec.system');
    table
      .string('domain', 255)
      .nullable()
      .comment("Full ref of the system's spec.domain");
    table.string('tier', 63).notNullable();
  });
  const groups = new Map(
    sums.map(row => [
      groupKey(row),
      Object.fromEntries(GROUP_COLUMNS.map(column => [column, row[column]])),
    ]),
  );
  const groupRows = [...groups.values()];
  for (let i = 0; i < groupRows.length; i += BATCH) {
    await knex('compliance_groups').insert(groupRows.slice(i, i + BATCH));
  }
  const ids = new Map(
    (await knex('compliance_groups').select('id', ...GROUP_COLUMNS)).map(
      group => [groupKey(group), group.id],
    ),
  );
  await replaceComplianceChanges(
    knex,
    table => {
      table
        .integer('day')
        .notNullable()
        .comment('The UTC day, in days since 1970-01-01');
      table
        .integer('group_id')
        .notNullable()
        .references('compliance_groups.id');
      table.primary(['day', 'group_id']);
    },
    sums.map(row => ({
      day: Math.floor(new Date(row.day).getTime() / DAY_MS),
      group_id: ids.get(groupKey(row)),
      ...Object.fromEntries(COUNT_COLUMNS.map(column => [column, row[column]])),
    })),
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const sums = await sumsPerDay(
    knex('compliance_changes').join(
      'compliance_groups',
      'compliance_groups.id',
      'compliance_changes.group_id',
    ),
    GROUP_COLUMNS,
  );
  await replaceComplianceChanges(
    knex,
    table => {
      table.bigIncrements('id').primary();
      table.string('day', 10).notNullable().comment('YYYY-MM-DD');
      for (const column of ['owner', 'system', 'domain']) {
        table.string(column, 255).nullable();
      }
      table.string('tier', 63).notNullable();
      table.index(['day'], 'compliance_changes_day_idx');
    },
    sums.map(row => ({
      ...row,
      day: new Date(row.day * DAY_MS).toISOString().slice(0, 10),
    })),
  );
  await knex.schema.dropTable('compliance_groups');

  await knex.schema.alterTable('scorecard_history', table => {
    table.dropIndex(['entity_ref'], 'scorecard_history_entity_ref_idx');
    table.index(['entity_ref', 'changed_at'], 'scorecard_history_entity_idx');
  });
  await rewriteChanges(knex, change =>
    Array.isArray(change)
      ? {
          checkId: change[0],
          state: STATE_OF_LETTER[change[1]],
          ...(change.length > 2 ? { actual: change[2] } : {}),
        }
      : change,
  );
};
