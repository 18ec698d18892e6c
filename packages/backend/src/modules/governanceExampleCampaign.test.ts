import {
  exampleDataDatabases,
  startAndRestart,
} from './__testUtils__/governanceTables';
import {
  EXAMPLE_CAMPAIGN_ID,
  governanceExampleCampaign,
  utcDay,
} from './governanceExampleCampaign';

const databases = exampleDataDatabases();

describe('the example campaign', () => {
  it.each(databases.eachSupportedId())(
    'is started once, with its earlier days of progress, on %s; a council edit survives a restart',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await startAndRestart(knex, governanceExampleCampaign, () =>
        knex('campaigns')
          .where('id', EXAMPLE_CAMPAIGN_ID)
          .update({ state: 'closed', revision: 2 }),
      );

      const campaigns = await knex('campaigns');
      expect(campaigns).toHaveLength(1);
      expect(campaigns[0]).toMatchObject({
        id: EXAMPLE_CAMPAIGN_ID,
        state: 'closed',
        target: JSON.stringify({ tiers: ['core'] }),
        deadline: utcDay(new Date(), 21),
      });
      // PostgreSQL sums to a string, SQLite to a number.
      const days: Array<{ day: string; done: string | number }> = await knex(
        'campaign_progress',
      )
        .where('campaign_id', EXAMPLE_CAMPAIGN_ID)
        .groupBy('day')
        .orderBy('day')
        .select('day')
        .sum({ done: 'done' });
      // Done climbs over the days before today, to where the example facts leave it.
      expect(days.map(d => Number(d.done))).toEqual([1, 2, 3, 3]);
      expect(days.at(-1)!.day).toBe(utcDay(new Date(), -1));
    },
  );
});
