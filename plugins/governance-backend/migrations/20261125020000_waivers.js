// @ts-check

/**
 * Waivers granted by the council on scorecard checks; revocation is recorded, never deleted.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('waivers', table => {
    table.comment(
      'Waivers on scorecard checks, with who granted and revoked them and when',
    );
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 127).notNullable();
    table.text('reason').notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('revoked_by', 255).nullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.index(['entity_ref'], 'waivers_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('waivers');
};
