// @ts-check

/**
 * The approved stack: the radar as last read (so every replica and every evaluation sees the
 * same one, and a radar that cannot be read keeps the last good copy), and each evaluated
 * entity's technologies with their ring, which the council's technologies view counts and the
 * stack-exception trigger reads.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('stack_radar', table => {
    table.comment('The approved-stack radar as last read; one row');
    table.string('id', 32).primary().comment('Always "radar"');
    table
      .string('source', 32)
      .notNullable()
      .comment('url or config: where the radar comes from');
    table
      .text('technologies')
      .notNullable()
      .comment('JSON list of the technologies with their ring');
    table
      .text('problems')
      .notNullable()
      .comment('JSON list of radar entries that could not be placed');
    table
      .dateTime('read_at')
      .nullable()
      .comment('When the radar was last read');
    table
      .text('error')
      .nullable()
      .comment(
        'Why the last attempt to read the radar failed; null when it worked',
      );
    table.dateTime('attempted_at').notNullable();
  });
  await knex.schema.createTable('entity_technologies', table => {
    table.comment(
      'The technologies of each evaluated entity as the approved-stack check placed them',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('category', 32).notNullable();
    table.string('technology', 63).notNullable();
    table
      .string('ring', 16)
      .nullable()
      .comment('adopt, trial, assess or hold; null when not on the radar');
    table
      .boolean('cleared_by_adr')
      .notNullable()
      .defaultTo(false)
      .comment('Not on the radar, but an accepted ADR of the entity names it');
    table.primary(['entity_ref', 'category', 'technology']);
    table.index(['technology'], 'entity_technologies_technology_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('entity_technologies');
  await knex.schema.dropTable('stack_radar');
};
