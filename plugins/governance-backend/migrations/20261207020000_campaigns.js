// @ts-check

/**
 * Campaigns: the council's drives to get a set of checks passing on a selection of entities by
 * a deadline; their progress per day and owner (for the burn-up and the teams furthest
 * behind); and the notifications already sent, so each is sent once across replicas and
 * restarts.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('campaigns', table => {
    table.comment('Campaigns the council started, active or closed');
    table.string('id', 64).primary().notNullable();
    table.string('title', 255).notNullable();
    table.text('description').notNullable();
    table.string('link', 2000).nullable();
    table.text('checks').notNullable().comment('JSON array of check ids');
    table
      .text('target')
      .notNullable()
      .comment(
        'JSON CampaignTarget: kinds, tiers, owners, systems, domains, entityRefs',
      );
    table.string('deadline', 10).notNullable().comment('YYYY-MM-DD');
    table.string('state', 15).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.integer('revision').notNullable();
    table.index(['state'], 'campaigns_state_idx');
  });

  await knex.schema.createTable('campaign_progress', table => {
    table.comment(
      'Entities of a campaign done and not done on a day (UTC), per owner; the last run of the day wins',
    );
    table
      .string('campaign_id', 64)
      .notNullable()
      .references('id')
      .inTable('campaigns')
      .onDelete('CASCADE');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD');
    table
      .string('owner', 255)
      .notNullable()
      .comment('Full ref of spec.owner, empty for entities without one');
    table.integer('done').notNullable();
    table.integer('not_done').notNullable();
    table.primary(['campaign_id', 'day', 'owner']);
  });

  await knex.schema.createTable('campaign_notifications', table => {
    table.comment(
      'Notifications sent about a campaign, one row per owner and occasion, so none is sent twice',
    );
    table
      .string('campaign_id', 64)
      .notNullable()
      .references('id')
      .inTable('campaigns')
      .onDelete('CASCADE');
    table.string('owner', 255).notNullable();
    table
      .string('occasion', 31)
      .notNullable()
      .comment('started, 14-days, 3-days or finished');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['campaign_id', 'owner', 'occasion']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('campaign_notifications');
  await knex.schema.dropTable('campaign_progress');
  await knex.schema.dropTable('campaigns');
};
