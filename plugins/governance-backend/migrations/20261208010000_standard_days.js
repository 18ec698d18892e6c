// @ts-check

/**
 * Standards as code: each day's counts per configured standard (results, compliant results and
 * results from measured evidence), so the Standards tab shows the trend of compliance and of
 * the measured automation level. One row per day and standard; the last snapshot of a day wins.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('standard_days', table => {
    table.comment(
      'The daily counts of the check results each configured standard covers',
    );
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.string('standard_id', 63).notNullable();
    table.integer('total').notNullable();
    table
      .integer('compliant')
      .notNullable()
      .comment('Results passing, warning or waived');
    table
      .integer('automated')
      .notNullable()
      .comment('Results evaluated from measured evidence');
    table.primary(['day', 'standard_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('standard_days');
};
