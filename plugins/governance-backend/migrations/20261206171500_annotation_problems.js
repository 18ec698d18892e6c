// @ts-check

/**
 * The governance annotation problems of every entity, as the last catalog scan found them, for
 * the council page's Catalog annotations view: one row per entity and key.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('annotation_problems', table => {
    table.comment(
      'Invalid governance annotations, held back by the catalog or ingested with a warning',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('annotation_key', 255).notNullable();
    table.text('value').notNullable().comment('The value as written');
    table.text('allowed').notNullable().comment('What the key allows');
    table
      .string('severity', 16)
      .notNullable()
      .comment('held-back: the catalog refused it; warning: ingested as is');
    table.string('title', 255).nullable();
    table
      .string('owner', 255)
      .nullable()
      .comment('Full entity ref of spec.owner');
    table
      .text('source_location')
      .nullable()
      .comment('The managed-by origin location, or the managed-by location');
    table.timestamp('recorded_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'annotation_key']);
    table.index(['owner'], 'annotation_problems_owner_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('annotation_problems');
};
