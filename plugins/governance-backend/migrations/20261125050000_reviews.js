// @ts-check

/**
 * The architecture council's review queue: items (requested by users or raised by escalation
 * triggers), their discussion, and the history of every change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('review_items', table => {
    table.comment(
      'One row per review item; version increases with every change',
    );
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('kind', 63).notNullable();
    table.string('title', 255).notNullable();
    table.text('description').notNullable();
    table
      .string('requested_by', 255)
      .nullable()
      .comment('User who asked for it');
    table.string('trigger_id', 63).nullable().comment('Trigger that raised it');
    table
      .string('cause_key', 511)
      .nullable()
      .unique({ indexName: 'review_items_cause_key_idx' })
      .comment('What the trigger saw; unique, so a cause raises one item ever');
    table.string('status', 31).notNullable();
    table.string('priority', 15).notNullable();
    table.string('assignee', 255).nullable();
    table.string('due_date', 10).nullable().comment('YYYY-MM-DD');
    table.text('adr').nullable().comment('ADR linked by the requester');
    table.string('decision', 31).nullable();
    table.text('decision_rationale').nullable();
    table.text('decision_adr').nullable();
    table.string('decided_by', 255).nullable();
    table.timestamp('decided_at', { useTz: true }).nullable();
    table.integer('version').notNullable();
    table.integer('comment_count').notNullable().defaultTo(0);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['entity_ref'], 'review_items_entity_idx');
    table.index(['status'], 'review_items_status_idx');
  });

  await knex.schema.createTable('review_comments', table => {
    table.comment('The discussion of review items');
    table.string('id', 36).primary().notNullable();
    table
      .string('review_id', 36)
      .notNullable()
      .references('id')
      .inTable('review_items')
      .onDelete('CASCADE');
    table.string('author', 255).notNullable();
    table.text('body').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['review_id', 'created_at'], 'review_comments_review_idx');
  });

  await knex.schema.createTable('review_history', table => {
    table.comment(
      'Every change to a review item: who, when, from what to what',
    );
    table.bigIncrements('id').primary();
    table
      .string('review_id', 36)
      .notNullable()
      .references('id')
      .inTable('review_items')
      .onDelete('CASCADE');
    table.string('actor', 255).notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('action', 15).notNullable();
    table.text('changes').notNullable().comment('JSON array of field changes');
    table.index(['review_id'], 'review_history_review_idx');
  });

  await knex.schema.createTable('review_known_dependencies', table => {
    table.comment(
      'Dependencies the cross-team trigger has seen, so only new ones escalate',
    );
    table.string('source_ref', 255).notNullable();
    table.string('target_ref', 255).notNullable();
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    table.primary(['source_ref', 'target_ref']);
  });

  await knex.schema.createTable('review_trigger_runs', table => {
    table.comment('When each escalation trigger first and last ran');
    table.string('trigger_id', 63).primary().notNullable();
    table.timestamp('first_run_at', { useTz: true }).notNullable();
    table.timestamp('last_run_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_trigger_runs');
  await knex.schema.dropTable('review_known_dependencies');
  await knex.schema.dropTable('review_history');
  await knex.schema.dropTable('review_comments');
  await knex.schema.dropTable('review_items');
};
