// @ts-check

/**
 * When the last full evaluation pass ran. A pass skips the entities whose inputs did not change;
 * instead of moving the `evaluated_at` of each of them (an UPDATE of every roll-up row, with
 * its index entries, on every pass), it records its time here once. Every roll-up row still
 * there after the pass was evaluated or skipped by it (the pass removes the others), so an
 * entity's evaluation time is the later of its own and the pass's.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecard_passes', table => {
    table.comment(
      'When the last full evaluation pass ran: every evaluated entity was evaluated or found unchanged then',
    );
    table
      .string('name', 63)
      .primary()
      .notNullable()
      .comment("'full': the scheduled pass over every governed entity");
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
  });
};

/**
 * Gives the rows the pass's time back, as they had it before this table existed.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const pass = await knex('scorecard_passes').where({ name: 'full' }).first();
  if (pass) {
    await knex('evaluated_entities')
      .where('evaluated_at', '<', pass.evaluated_at)
      .update({ evaluated_at: pass.evaluated_at });
  }
  await knex.schema.dropTable('scorecard_passes');
};
