// @ts-check

/**
 * Running totals beside the rows they count, so GET /standards and the council roll-up read a
 * few hundred rows instead of grouping every entity's on each request:
 * - `check_tallies`: per check, its results, the compliant ones and the automated ones;
 * - `compliance_totals`: per owner/system/domain/tier/level group, its entities and their counts.
 * The scorecard store changes both by difference in the transaction that stores the results
 * (under one lock across replicas), and the daily jobs recount them from scratch. Existing
 * rows are counted in here, so nothing is lost on upgrade. The approved-stack view gets an
 * index it can answer from alone.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('check_tallies', table => {
    table.comment(
      'Per check, the current results of every evaluated entity: the sum of the tallies in entity_results',
    );
    table.string('check_id', 255).primary().notNullable();
    table.integer('total').notNullable();
    table.integer('compliant').notNullable();
    table.integer('automated').notNullable();
  });
  await knex.schema.createTable('compliance_totals', table => {
    table.comment(
      'Per owner/system/domain/tier/level group, the sum of its evaluated_entities rows',
    );
    table
      .text('group_key')
      .primary()
      .notNullable()
      .comment('JSON array of owner, system, domain, tier and level');
    table.string('owner', 255).nullable();
    table.string('system', 255).nullable();
    table.string('domain', 255).nullable();
    table.string('tier', 63).notNullable();
    table.string('level', 63).nullable();
    table.integer('entities').notNullable();
    table
      .integer('below_required')
      .notNullable()
      .comment("Entities below their tier's required level");
    for (const column of [
      'pass',
      'fail',
      'warn',
      'unknown',
      'waived',
      'total',
      'dependency_mismatches',
    ]) {
      table.integer(column).notNullable();
    }
  });

  /** @type {Record<string, string | number | null>[]} */
  const groups = await knex('evaluated_entities')
    .select('owner', 'system', 'domain', 'tier', 'level')
    .count({ entities: '*' })
    .count({ below_required: 'below_required_since' })
    .sum({
      pass: 'pass',
      fail: 'fail',
      warn: 'warn',
      unknown: 'unknown',
      waived: 'waived',
      total: 'total',
      dependency_mismatches: 'dependency_mismatches',
    })
    .groupBy('owner', 'system', 'domain', 'tier', 'level');
  const totals = groups.map(group => ({
    group_key: JSON.stringify([
      group.owner,
      group.system,
      group.domain,
      group.tier,
      group.level,
    ]),
    ...Object.fromEntries(
      Object.entries(group).map(([column, value]) => [
        column,
        ['owner', 'system', 'domain', 'tier', 'level'].includes(column)
          ? value
          : Number(value ?? 0),
      ]),
    ),
  }));
  for (let i = 0; i < totals.length; i += 100) {
    await knex('compliance_totals').insert(totals.slice(i, i + 100));
  }

  // Keyset paging over the entity ref: a large table is never read at once.
  /** @type {Map<string, { check_id: string, total: number, compliant: number, automated: number }>} */
  const tallies = new Map();
  for (let after = ''; ; ) {
    const rows = await knex('entity_results')
      .select('entity_ref', 'tallies')
      .where('entity_ref', '>', after)
      .orderBy('entity_ref')
      .limit(1000);
    for (const row of rows) {
      for (const [checkId, compliant, automated] of JSON.parse(
        row.tallies ?? '[]',
      )) {
        const tally = tallies.get(checkId) ?? {
          check_id: checkId,
          total: 0,
          compliant: 0,
          automated: 0,
        };
        tally.total += 1;
        tally.compliant += compliant;
        tally.automated += automated;
        tallies.set(checkId, tally);
      }
    }
    if (rows.length < 1000) {
      break;
    }
    after = rows[rows.length - 1].entity_ref;
  }
  const tallyRows = [...tallies.values()];
  for (let i = 0; i < tallyRows.length; i += 100) {
    await knex('check_tallies').insert(tallyRows.slice(i, i + 100));
  }

  // GET /stack/technologies groups by technology and category and counts the cleared ones:
  // this index holds all three in that order, so the grouping reads it alone, already sorted.
  await knex.schema.alterTable('entity_technologies', table => {
    table.dropIndex(['technology'], 'entity_technologies_technology_idx');
    table.index(
      ['technology', 'category', 'cleared_by_adr'],
      'entity_technologies_usage_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_technologies', table => {
    table.dropIndex(
      ['technology', 'category', 'cleared_by_adr'],
      'entity_technologies_usage_idx',
    );
    table.index(['technology'], 'entity_technologies_technology_idx');
  });
  await knex.schema.dropTable('compliance_totals');
  await knex.schema.dropTable('check_tallies');
};
