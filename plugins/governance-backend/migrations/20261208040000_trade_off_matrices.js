// @ts-check

/**
 * Trade-off matrices on design reviews: the options, criteria (with weights) and scored cells,
 * one JSON document per review with its own revision so concurrent edits are refused; what
 * happened per criterion, written at the decision's retrospective; and the option the
 * decision chose, beside the rest of the decision on the review item.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('review_trade_offs', table => {
    table.comment('The trade-off matrix of a design review item');
    table
      .string('review_id', 64)
      .primary()
      .notNullable()
      .references('id')
      .inTable('review_items')
      .onDelete('CASCADE');
    table
      .text('matrix')
      .notNullable()
      .comment('JSON { criteria, options, cells }');
    table
      .text('outcomes')
      .nullable()
      .comment('JSON TradeOffOutcome[]: what happened, from the retrospective');
    table.integer('revision').notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.alterTable('review_items', table => {
    table
      .string('decision_chosen_option', 64)
      .nullable()
      .comment('The trade-off option id the decision chose');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('review_items', table => {
    table.dropColumn('decision_chosen_option');
  });
  await knex.schema.dropTable('review_trade_offs');
};
