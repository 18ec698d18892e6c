// @ts-check

/**
 * Decision impact: every measured observation of a fact is kept (the `facts` table keeps only
 * the latest per source), so an ADR's impact can compare the weeks before its date with the
 * weeks after; the same retention prunes both. Retrospectives record lessons, and their outcome
 * says whether the decision was validated: the old outcomes map onto the new ones.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('fact_history', table => {
    table.comment('Every measured observation of a fact, within retention');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table.string('name', 63).notNullable();
    table.string('source', 255).notNullable();
    table.text('value').notNullable().comment('JSON');
    table.timestamp('observed_at', { useTz: true }).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    // A pipeline that pushes the same observation twice records it once.
    table.unique(['entity_ref', 'name', 'source', 'observed_at'], {
      indexName: 'fact_history_observation_uniq',
    });
    table.index(['observed_at'], 'fact_history_observed_idx');
  });
  // What the store held when history started: the latest observation of each source.
  await knex
    .insert(
      knex('facts').select(
        'entity_ref',
        'name',
        'source',
        'value',
        'observed_at',
        'received_at',
      ),
    )
    .into(
      knex.raw('?? (??, ??, ??, ??, ??, ??)', [
        'fact_history',
        'entity_ref',
        'name',
        'source',
        'value',
        'observed_at',
        'received_at',
      ]),
    );

  // 'partly-validated' does not fit the old column.
  await knex.schema.alterTable('adr_retrospectives', table => {
    table.text('lessons').nullable();
    table.string('outcome', 31).notNullable().alter();
    table.index(['recorded_at'], 'adr_retrospectives_recorded_idx');
  });
  for (const [from, to] of [
    ['keep', 'validated'],
    ['revise', 'partly-validated'],
    ['supersede', 'reversed'],
  ]) {
    await knex('adr_retrospectives')
      .where('outcome', from)
      .update({ outcome: to });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('adr_retrospectives', table => {
    table.dropIndex(['recorded_at'], 'adr_retrospectives_recorded_idx');
  });
  for (const [from, to] of [
    ['validated', 'keep'],
    ['partly-validated', 'revise'],
    ['reversed', 'supersede'],
  ]) {
    await knex('adr_retrospectives')
      .where('outcome', from)
      .update({ outcome: to });
  }
  await knex.schema.alterTable('adr_retrospectives', table => {
    table.dropColumn('lessons');
  });
  await knex.schema.dropTable('fact_history');
};
