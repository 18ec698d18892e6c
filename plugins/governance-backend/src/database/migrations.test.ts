import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { migrateGovernanceDatabase } from './migrateGovernanceDatabase';
import { governanceTestDatabases } from '../__testUtils__/testDatabases';

const databases = governanceTestDatabases();
const directory = resolvePackagePath(
  '@catalog-governance/backstage-plugin-governance-backend',
  'migrations',
);

const result = (checkId: string, state: CheckResult['state']): CheckResult => ({
  checkId,
  title: checkId,
  state,
  target: 'target',
  actual: state === 'pass' ? '90' : '10',
  factName: checkId,
  stale: false,
});

it('runs on PostgreSQL when the suite requires it', () => {
  // .ci/run sets this, so a missing PostgreSQL fails CI instead of skipping silently.
  const required = process.env.GOVERNANCE_REQUIRE_POSTGRES === '1';
  expect({
    required,
    available: databases.supports('POSTGRES_15'),
  }).not.toEqual({
    required: true,
    available: false,
  });
  expect(databases.supports('SQLITE_3')).toBe(true);
});

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('roll all the way down cleanly', async () => {
    const knex = await databases.init(databaseId);
    await migrateGovernanceDatabase(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    await knex.migrate.rollback({ directory }, true);
    expect(await knex.schema.hasTable('entity_tiers')).toBe(false);
    expect(await knex.schema.hasTable('tier_changes')).toBe(false);
  });

  it('carry scorecard results and history from per-check rows to per-entity rows and back', async () => {
    const knex = await databases.init(databaseId);
    await migrateGovernanceDatabase(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const store = new DatabaseScorecardStore(knex);
    const ref = 'component:default/payments';
    const evaluate = (a: CheckResult['state'], at: string) =>
      store.storeEvaluations(
        [
          {
            entityRef: ref,
            placement: { tier: 'core' },
            results: [result('coverage', a), result('availability', 'pass')],
          },
        ],
        new Date(at),
      );
    await evaluate('fail', '2026-10-01T00:00:00Z');
    await evaluate('pass', '2026-11-01T00:00:00Z');
    const results = await store.getResults(ref);
    const transitions = await store.listTransitions(ref, new Date(0));
    expect(transitions).toHaveLength(3);

    // Back to one row per check, as the previous release stored them (later migrations are
    // undone first, as a rollback would).
    while (
      (await knex.migrate.currentVersion({ directory })) >= '20261125060000'
    ) {
      await knex.migrate.down({ directory });
    }
    expect(
      await knex('check_results')
        .orderBy('position')
        .select('check_id', 'state'),
    ).toEqual([
      { check_id: 'coverage', state: 'pass' },
      { check_id: 'availability', state: 'pass' },
    ]);
    expect(Number((await knex('check_history').count({ n: '*' }))[0].n)).toBe(
      3,
    );

    // And forward again: the same results and history.
    await knex.migrate.latest({ directory });
    expect(await store.getResults(ref)).toEqual(results);
    expect(await store.listTransitions(ref, new Date(0))).toEqual(transitions);
  });
});
