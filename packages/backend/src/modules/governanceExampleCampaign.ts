import { Knex } from 'knex';
import { createExampleDataModule } from './createExampleDataModule';

/** The example campaign's id, fixed so that a restart finds it. */
export const EXAMPLE_CAMPAIGN_ID = 'example-core-coverage';

/**
 * What the core services' owners had done on the days before the example campaign's first
 * recorded day: days before today, then done and not done of each team (group:default/team-…),
 * a burn-up with a past. The core tier of the example catalog holds order-history
 * (team-payments), search-api and recommendations (team-search) and deploy-pipeline
 * (team-platform); with the example facts all but recommendations pass or warn; from then on
 * the backend records each day.
 */
const EXAMPLE_PROGRESS: ReadonlyArray<
  readonly [
    daysAgo: number,
    byTeam: Record<string, [done: number, notDone: number]>,
  ]
> = [
  [10, { payments: [0, 1], search: [0, 2], platform: [1, 0] }],
  [7, { payments: [1, 0], search: [0, 2], platform: [1, 0] }],
  [4, { payments: [1, 0], search: [1, 1], platform: [1, 0] }],
  [1, { payments: [1, 0], search: [1, 1], platform: [1, 0] }],
];

/** The calendar day (UTC) some days after the given one, or before it when negative. */
export function utcDay(from: Date, days: number): string {
  const day = new Date(from);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * Writes the example campaign, started ten days ago with its deadline three weeks ahead, and
 * its progress on the days before, unless a campaign with its id exists: a restart, or a
 * council that edited or closed it, is left as it is. Returns whether it wrote.
 */
export async function seedExampleCampaign(
  db: Knex,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async tx => {
    if (await tx('campaigns').where('id', EXAMPLE_CAMPAIGN_ID).first('id')) {
      return false;
    }
    const started = new Date(`${utcDay(now, -10)}T09:00:00Z`);
    await tx('campaigns').insert({
      id: EXAMPLE_CAMPAIGN_ID,
      title: 'Core services at 75% test coverage',
      description:
        'Every core service reaches the 75% coverage its tier asks for, so that the integration tests of the new checkout flow can rely on them. Raise coverage or ask the council for a waiver with a plan.',
      link: null,
      checks: JSON.stringify(['coverage']),
      target: JSON.stringify({ tiers: ['core'] }),
      deadline: utcDay(now, 21),
      state: 'active',
      created_by: 'user:default/guest',
      created_at: started,
      updated_at: started,
      revision: 1,
    });
    await tx('campaign_progress').insert(
      EXAMPLE_PROGRESS.flatMap(([daysAgo, byTeam]) =>
        Object.entries(byTeam).map(([team, [done, notDone]]) => ({
          campaign_id: EXAMPLE_CAMPAIGN_ID,
          day: utcDay(now, -daysAgo),
          owner: `group:default/team-${team}`,
          done,
          not_done: notDone,
        })),
      ),
    );
    return true;
  });
}

/**
 * Example data for a fresh install: one running campaign with progress, so the Campaigns tab
 * and each core service's Governance tab show one before the council starts its own. A
 * campaign has a past only once the backend has recorded days of it, so this module writes the
 * campaign and its earlier days into the plugin's own tables once, after the plugin has run its
 * migrations; the backend records today's progress itself. Leave it out of a real backend.
 */
export const governanceExampleCampaign = createExampleDataModule({
  moduleId: 'example-campaign',
  seed: async db =>
    (await seedExampleCampaign(db))
      ? `the campaign ${EXAMPLE_CAMPAIGN_ID} with ten days of progress`
      : undefined,
});
