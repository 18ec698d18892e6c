// @ts-check

/**
 * Compliance roll-ups: where each evaluated entity sits (owner, system, domain, tier) with the
 * counts of its current results, and the daily change of each owner/system/domain/tier
 * combination's counts (a row only on a day they change, holding the difference), so the
 * Compliance view is a GROUP BY over one small table, a day's counts are the sum of the changes
 * up to it, and a year of history stays small.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('evaluated_entities', table => {
    table.comment(
      'Each entity with current scorecard results, where it sits in the organisation and its counts per state',
    );
    table.string('entity_ref', 255).primary().notNullable();
    table.string('title', 255).nullable();
    table.string('owner', 255).nullable().comment('Full ref of spec.owner');
    table.string('system', 255).nullable().comment('Full ref of spec.system');
    table
      .string('domain', 255)
      .nullable()
      .comment("Full ref of the system's spec.domain");
    table.string('tier', 63).notNullable();
    for (const state of ['pass', 'fail', 'warn', 'unknown', 'waived']) {
      table.integer(state).notNullable();
    }
    table.integer('total').notNullable();
    table
      .float('passing_share')
      .notNullable()
      .comment('pass / total, 0 without checks; orders drill-downs');
    table
      .text('failing')
      .notNullable()
      .comment('JSON array of the ids of failing checks');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.index(['owner'], 'evaluated_entities_owner_idx');
    table.index(['system'], 'evaluated_entities_system_idx');
    table.index(['domain'], 'evaluated_entities_domain_idx');
    table.index(['tier'], 'evaluated_entities_tier_idx');
  });

  await knex.schema.createTable('compliance_changes', table => {
    table.comment(
      'How much the counts of an owner/system/domain/tier combination changed on a day (UTC); the sum up to a day is its counts that day',
    );
    table.bigIncrements('id').primary();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD');
    table.string('owner', 255).nullable();
    table.string('system', 255).nullable();
    table.string('domain', 255).nullable();
    table.string('tier', 63).notNullable();
    table.integer('entities').notNullable();
    for (const state of ['pass', 'fail', 'warn', 'unknown', 'waived']) {
      table.integer(state).notNullable();
    }
    table.integer('total').notNullable();
    table.index(['day'], 'compliance_changes_day_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('compliance_changes');
  await knex.schema.dropTable('evaluated_entities');
};
