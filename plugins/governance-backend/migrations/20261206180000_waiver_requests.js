// @ts-check

/**
 * Waiver requests: engineers ask the council for a waiver through a review item, which carries
 * the check and the proposed expiry; the waiver the council grants from it records that review
 * and the ADR of the decision. Review items get a number people can say ("review #12").
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('review_items', table => {
    table
      .integer('number')
      .nullable()
      .comment('Sequential, shown as #N; unique');
    table
      .string('waiver_check_id', 127)
      .nullable()
      .comment('The check a waiver request is about');
    table
      .timestamp('waiver_expires_at', { useTz: true })
      .nullable()
      .comment('The expiry a waiver request proposes');
  });
  // Numbers in the order the items were raised, so existing items keep a stable #N.
  const rows = await knex('review_items')
    .select('id')
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
  for (const [index, row] of rows.entries()) {
    await knex('review_items')
      .where({ id: row.id })
      .update({ number: index + 1 });
  }
  await knex.schema.alterTable('review_items', table => {
    table.unique(['number'], { indexName: 'review_items_number_idx' });
    table.index(
      ['entity_ref', 'waiver_check_id'],
      'review_items_waiver_check_idx',
    );
  });
  await knex.schema.alterTable('waivers', table => {
    table
      .string('review_id', 36)
      .nullable()
      .comment('The waiver request whose decision granted it');
    table.integer('review_number').nullable();
    table.text('adr').nullable().comment('The ADR recording the decision');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('waivers', table => {
    table.dropColumn('adr');
    table.dropColumn('review_number');
    table.dropColumn('review_id');
  });
  await knex.schema.alterTable('review_items', table => {
    table.dropIndex(
      ['entity_ref', 'waiver_check_id'],
      'review_items_waiver_check_idx',
    );
    table.dropUnique(['number'], 'review_items_number_idx');
    table.dropColumn('waiver_expires_at');
    table.dropColumn('waiver_check_id');
    table.dropColumn('number');
  });
};
