// @ts-check

/**
 * Tier contracts across dependencies: each evaluated entity's roll-up row counts the
 * dependencies that fail its `dependencies-meet-tier` check, so the council's compliance
 * roll-ups can sum them by owner, system, domain and tier.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluated_entities', table => {
    table
      .integer('dependency_mismatches')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Dependencies below the tier, not waived and not accepted in an ADR',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('evaluated_entities', table => {
    table.dropColumn('dependency_mismatches');
  });
};
