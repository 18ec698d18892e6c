// @ts-check

/**
 * Fewer index entries for every evaluation to write (issue 19: the first full evaluation of
 * 10,000 entities in 2 s). `below_required_since` was indexed for every entity, while the one
 * query by it (the escalation trigger's list of entities below their required level) reads only
 * those below it, in entity order: now an index of the entity refs of those entities only.
 * The tier, owner, system and domain indexes stay: the compliance drill-down of one tier, team,
 * system or domain, and the failing-check trigger's tiers, read their rows through them (a
 * critical tier is often a few percent of the catalog).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluated_entities', table => {
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
  });
};
