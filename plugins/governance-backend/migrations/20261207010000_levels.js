// @ts-check

/**
 * Maturity levels: each evaluated entity's current level and since when it has been below the
 * level its tier requires (the escalation trigger reads it), and the level after each evaluation
 * in the scorecard history, so the level has a trend.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluated_entities', table => {
    table
      .string('level', 63)
      .nullable()
      .comment('The highest level reached; null when none is');
    table
      .timestamp('below_required_since', { useTz: true })
      .nullable()
      .comment(
        "First evaluation of the current stretch below the tier's required level; null when it is met",
      );
    table.index(['below_required_since'], 'evaluated_entities_below_idx');
  });
  await knex.schema.alterTable('scorecard_history', table => {
    table
      .string('level', 63)
      .nullable()
      .comment(
        "The level after this evaluation; '' when none is reached, null on rows written before levels",
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecard_history', table => {
    table.dropColumn('level');
  });
  await knex.schema.alterTable('evaluated_entities', table => {
    table.dropIndex(['below_required_since'], 'evaluated_entities_below_idx');
    table.dropColumn('below_required_since');
    table.dropColumn('level');
  });
};
