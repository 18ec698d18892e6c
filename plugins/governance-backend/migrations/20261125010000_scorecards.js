// @ts-check

/**
 * Scorecards: the latest measured facts, the current result of every check, and the history of
 * check results stored as transitions (a row only when a state or value changes), so trends and
 * roll-ups are read from the database instead of re-running checks.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('facts', table => {
    table.comment(
      'The latest measured value of each fact per entity and source; older values are replaced, so the table stays bounded',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('name', 63).notNullable();
    table
      .string('source', 255)
      .notNullable()
      .comment('Who pushed it, e.g. ci/github-actions');
    table.text('value').notNullable().comment('JSON-encoded value');
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'name', 'source']);
  });

  await knex.schema.createTable('check_results', table => {
    table.comment(
      'The current result of every check of every evaluated entity',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 127).notNullable();
    table
      .integer('position')
      .notNullable()
      .comment('Order of the check on the scorecard');
    table.string('state', 15).notNullable();
    table.text('result').notNullable().comment('JSON-encoded CheckResult');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'check_id']);
    table.index(['state'], 'check_results_state_idx');
  });

  await knex.schema.createTable('check_history', table => {
    table.comment('A row each time a check result changes state or value');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 127).notNullable();
    table.string('state', 15).notNullable();
    table.text('actual').nullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'changed_at'], 'check_history_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('check_history');
  await knex.schema.dropTable('check_results');
  await knex.schema.dropTable('facts');
};
