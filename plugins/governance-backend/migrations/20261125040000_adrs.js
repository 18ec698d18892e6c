// @ts-check

/**
 * ADRs: each entity's ADR location with the ETag of its last reading, the ADRs parsed from it,
 * and the retrospectives recorded for them. Retrospectives are keyed by the ADR's id (entity and
 * path), so they survive re-reading the location.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('adr_locations', table => {
    table.comment(
      'Where each entity keeps its ADRs, and how the last reading went',
    );
    table.string('entity_ref', 255).primary().notNullable();
    table.text('url').notNullable().comment('Resolved location URL');
    table
      .string('etag', 255)
      .nullable()
      .comment(
        'ETag of the last successful reading; unchanged locations are not read again',
      );
    table.string('status', 15).notNullable().comment('pending, ok or error');
    table
      .text('error')
      .nullable()
      .comment('Why the location could not be read');
    table.timestamp('read_at', { useTz: true }).nullable();
  });

  await knex.schema.createTable('adrs', table => {
    table.comment('ADRs parsed from the ADR location of each entity');
    table
      .string('id', 64)
      .primary()
      .notNullable()
      .comment('Hash of entity ref and path');
    table.string('entity_ref', 255).notNullable();
    table.string('owner', 255).nullable();
    table.string('system', 255).nullable();
    table.string('path', 1023).notNullable();
    table.text('url').notNullable();
    table.integer('number').nullable();
    table.string('title', 1023).notNullable();
    table.string('status', 15).nullable();
    table.text('status_text').nullable();
    table.text('superseded_by').nullable().comment('JSON AdrLink');
    table.string('date', 10).nullable().comment('YYYY-MM-DD');
    table.text('deciders').notNullable().comment('JSON array');
    table.text('links').notNullable().comment('JSON array of AdrLink');
    table.string('scope', 63).nullable();
    table.string('format', 15).notNullable();
    table.text('warnings').notNullable().comment('JSON array');
    table.text('body').notNullable();
    table
      .string('retrospective_due_at', 10)
      .nullable()
      .comment('YYYY-MM-DD; only for accepted ADRs with a date');
    table.string('retrospective_overdue_at', 10).nullable();
    table.index(['entity_ref'], 'adrs_entity_idx');
    table.index(['date'], 'adrs_date_idx');
    table.index(['status'], 'adrs_status_idx');
    table.index(['owner'], 'adrs_owner_idx');
  });

  await knex.schema.createTable('adr_retrospectives', table => {
    table.comment('Retrospectives recorded for ADRs');
    table.string('id', 36).primary().notNullable();
    table.string('adr_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('date', 10).notNullable();
    table.string('outcome', 15).notNullable();
    table.text('notes').notNullable();
    table.string('recorded_by', 255).notNullable();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.index(['adr_id'], 'adr_retrospectives_adr_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('adr_retrospectives');
  await knex.schema.dropTable('adrs');
  await knex.schema.dropTable('adr_locations');
};
