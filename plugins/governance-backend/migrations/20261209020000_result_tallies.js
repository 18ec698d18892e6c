// @ts-check

/**
 * What the Standards tab counts, beside each entity's results: per result its check, whether
 * it complies and whether measured evidence feeds it. GET /standards then groups these few
 * bytes in the database instead of reading and parsing every entity's full results on each
 * request. Existing rows are filled in from their results.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entity_results', table => {
    table
      .text('tallies')
      .comment(
        'JSON array of [checkId, compliant 0|1, automated 0|1], one per result, in scorecard order',
      );
  });
  // Keyset paging over the entity ref: a large table is never read at once.
  for (let after = ''; ; ) {
    const rows = await knex('entity_results')
      .select('entity_ref', 'results')
      .where('entity_ref', '>', after)
      .orderBy('entity_ref')
      .limit(500);
    for (const row of rows) {
      await knex('entity_results')
        .where({ entity_ref: row.entity_ref })
        .update({
          tallies: JSON.stringify(JSON.parse(row.results).map(tally)),
        });
    }
    if (rows.length < 500) {
      break;
    }
    after = rows[rows.length - 1].entity_ref;
  }
};

/**
 * A result's tally as countCheckResult and evidenceOf (governance-common) count it when this
 * migration was written; the store writes new rows through those functions themselves.
 *
 * @param {{ checkId: string, state: string, evidence?: string, origin?: string }} result
 */
function tally(result) {
  return [
    result.checkId,
    ['pass', 'warn', 'waived'].includes(result.state) ? 1 : 0,
    evidenceOf(result) === 'automated' ? 1 : 0,
  ];
}

/** @param {{ checkId: string, evidence?: string, origin?: string }} result */
function evidenceOf(result) {
  if (result.evidence) {
    return result.evidence;
  }
  if (result.origin === 'measured') {
    return 'automated';
  }
  if (result.origin === 'declared') {
    return 'attested';
  }
  return result.checkId === 'dependencies-meet-tier' ? 'automated' : undefined;
}

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_results', table => {
    table.dropColumn('tallies');
  });
};
