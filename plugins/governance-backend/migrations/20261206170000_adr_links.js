// @ts-check

/**
 * The decision graph: one row per supersedes / amends link an ADR writes, with its target
 * resolved to an absolute URL (a file link) or a number (a text reference such as "superseded by
 * ADR-0005"), so the index can find chains and superseded ADRs with no successor in SQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('adr_links', table => {
    table.comment(
      'Supersedes and amends links between ADRs, as written in each ADR',
    );
    table.bigIncrements('id').primary();
    table.string('adr_id', 64).notNullable().comment('The ADR that writes it');
    table.string('entity_ref', 255).notNullable();
    table
      .string('relation', 31)
      .notNullable()
      .comment('supersedes, superseded-by, amends or amended-by');
    table.text('target').notNullable().comment('As written');
    table
      .text('target_url')
      .nullable()
      .comment('A file link resolved against the ADR URL');
    table
      .integer('target_number')
      .nullable()
      .comment('A text reference in the same entity');
    table.index(['adr_id'], 'adr_links_adr_idx');
    table.index(['entity_ref'], 'adr_links_entity_idx');
    table.index(['entity_ref', 'target_number'], 'adr_links_number_idx');
  });
  // Lets the graph find an ADR by the URL another one links to.
  await knex.schema.alterTable('adrs', table => {
    table.index(['entity_ref', 'number'], 'adrs_entity_number_idx');
  });
  // ADRs stored before this migration get their links on their next reading: forget the
  // ETags so that the next scheduled run reads every location again.
  await knex('adr_locations').update({ etag: null });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('adrs', table => {
    table.dropIndex(['entity_ref', 'number'], 'adrs_entity_number_idx');
  });
  await knex.schema.dropTable('adr_links');
};
