// @ts-check

/**
 * Tier history: the tier each governed entity is in now, since when, and every change seen.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('entity_tiers', table => {
    table.comment('The current tier of each entity that declares one');
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Full entity ref, e.g. component:default/payments');
    table.string('tier', 63).notNullable().comment('Tier name as declared');
    table
      .timestamp('since', { useTz: true })
      .notNullable()
      .comment('When the entity was first seen in this tier');
    table
      .timestamp('last_seen_at', { useTz: true })
      .notNullable()
      .comment('When a catalog sync last saw the entity in this tier');
  });

  await knex.schema.createTable('tier_changes', table => {
    table.comment('Every tier change seen in the catalog, oldest first');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table
      .string('from_tier', 63)
      .nullable()
      .comment('Null when newly governed');
    table
      .string('to_tier', 63)
      .nullable()
      .comment('Null when the tier was removed');
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.index(['entity_ref', 'observed_at'], 'tier_changes_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('tier_changes');
  await knex.schema.dropTable('entity_tiers');
};
