// @ts-check

/**
 * What lets a scheduled pass find what changed without reading every entity's inputs (issues 19
 * and 20: "nothing changed" in 0.5 s at 10,000 entities):
 * - `evaluated_entities.catalog_etag`: the catalog's `metadata.etag` of the entity as it was
 *   evaluated. The catalog changes an entity's etag whenever its stitched form changes, so an
 *   unchanged etag means unchanged annotations, owner, system and relations.
 * - `scorecard_passes.inputs_digest`: what the last pass saw beyond entities (configuration,
 *   systems' domains, radar, ADR locations, fact removals); a different one reads everything.
 * - an index on `facts.received_at`, so the facts written since the last pass are one range scan.
 * - `fact_removals`: how many times facts were deleted (retention, entities that left); a pass
 *   that sees another count reads everything, since a deleted fact leaves no row to find.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluated_entities', table => {
    table
      .string('catalog_etag', 255)
      .nullable()
      .comment(
        "The catalog's metadata.etag of the entity its last evaluation read; null reads it again",
      );
  });
  await knex.schema.alterTable('scorecard_passes', table => {
    table
      .text('inputs_digest')
      .nullable()
      .comment(
        'What the pass read besides entities (configuration, domains, radar, ADR locations, fact removals), hashed',
      );
  });
  await knex.schema.alterTable('facts', table => {
    table.index(['received_at'], 'facts_received_idx');
  });
  await knex.schema.createTable('fact_removals', table => {
    table.comment(
      'How many times facts were deleted, so a pass can tell that inputs disappeared',
    );
    table.string('name', 63).primary().notNullable().comment("'facts'");
    table.integer('removals').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('fact_removals');
  await knex.schema.alterTable('facts', table => {
    table.dropIndex(['received_at'], 'facts_received_idx');
  });
  await knex.schema.alterTable('scorecard_passes', table => {
    table.dropColumn('inputs_digest');
  });
  await knex.schema.alterTable('evaluated_entities', table => {
    table.dropColumn('catalog_etag');
  });
};
