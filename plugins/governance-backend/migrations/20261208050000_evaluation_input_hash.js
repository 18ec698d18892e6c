// @ts-check

/**
 * Skipping unchanged entities: each evaluated entity's roll-up row keeps a hash of everything
 * its evaluation read (annotations, placement, tier policy, facts, waivers, dependency tiers,
 * ADRs, level config) and the earliest moment time alone would change a verdict (a fact going
 * stale, a waiver expiring, a security review falling due). A scheduled pass skips an entity
 * whose inputs hash the same while that moment has not come. Kept in the database so every
 * replica skips the same entities.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluated_entities', table => {
    table
      .string('input_hash', 64)
      .nullable()
      .comment(
        'sha256 of the inputs of the last evaluation; null re-evaluates',
      );
    table
      .timestamp('inputs_valid_until', { useTz: true })
      .nullable()
      .comment(
        'When time alone changes a verdict of the last evaluation; null when never',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('evaluated_entities', table => {
    table.dropColumn('input_hash');
    table.dropColumn('inputs_valid_until');
  });
};
