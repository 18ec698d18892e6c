// @ts-check

/**
 * Escalations that resolve themselves: when a trigger no longer sees the cause of its item,
 * the item is closed (status `resolved`) or marked for the council to close. These columns
 * record when that was seen and which of the two happened, so every replica shows it and
 * the next run does not do it again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('review_items', table => {
    table
      .timestamp('cause_cleared_at', { useTz: true })
      .nullable()
      .comment(
        'When the trigger that raised the item stopped seeing its cause',
      );
    table
      .string('cause_cleared_action', 15)
      .nullable()
      .comment('closed or marked');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('review_items', table => {
    table.dropColumn('cause_cleared_action');
    table.dropColumn('cause_cleared_at');
  });
};
