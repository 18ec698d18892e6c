// @ts-check

/**
 * Fewer index entries for every evaluation to write (issue 19: the first full evaluation of
 * 10,000 entities in 2 s). Each row of `evaluated_entities` went into six indexes:
 * - `tier` had three values in a catalog, so reading one tier through the index read a third
 *   of the table in random order; PostgreSQL's planner costs it as a scan of the whole table.
 *   Dropped: a compliance view of one tier reads a third of the table either way.
 * - `below_required_since` held every entity, while the one query by it (the escalation
 *   trigger's list of entities below their required level) reads only those below it, in
 *   entity order: now an index of the entity refs of those entities only.
 * The owner, system and domain indexes stay: the compliance drill-down of one team, system or
 * domain reads its few rows through them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluated_entities', table => {
    table.dropIndex(['tier'], 'evaluated_entities_tier_idx');
    table.dropIndex(['below_required_since'], 'evaluated_entities_below_idx');
    table.index(['entity_ref'], 'evaluated_entities_below_required_idx', {
      predicate: knex.whereNotNull('below_required_since'),
    });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('evaluated_entities', table => {
    table.dropIndex(['entity_ref'], 'evaluated_entities_below_required_idx');
    table.index(['below_required_since'], 'evaluated_entities_below_idx');
    table.index(['tier'], 'evaluated_entities_tier_idx');
  });
};
