import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { DatabaseComplianceStore } from './DatabaseComplianceStore';
import { DatabaseEscalationSignals } from './DatabaseEscalationSignals';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { dayStart } from './factSeries';
import { migrationsDirectory } from './migrateGovernanceDatabase';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';
import { governanceTestDatabases } from '../__testUtils__/testDatabases';
import {
  migrateDownBelow,
  migrateToLatest,
  undoMigrations,
} from '../__testUtils__/migrationSteps';

const databases = governanceTestDatabases();

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
    const knex = await migratedDatabase(databases, databaseId);
    await knex.migrate.rollback({ directory: migrationsDirectory }, true);
    expect(await knex.schema.hasTable('entity_tiers')).toBe(false);
    expect(await knex.schema.hasTable('tier_changes')).toBe(false);
  });

  it('add and remove the etags, pass digest and fact removals a pass finds changes by', async () => {
    const knex = await migratedDatabase(databases, databaseId);
    const schema = async () => [
      await knex.schema.hasColumn('evaluated_entities', 'catalog_etag'),
      await knex.schema.hasColumn('scorecard_passes', 'inputs_digest'),
      await knex.schema.hasTable('fact_removals'),
    ];
    expect(await schema()).toEqual([true, true, true]);

    await migrateDownBelow(knex, '20261212010000');
    expect(await schema()).toEqual([false, false, false]);

    await migrateToLatest(knex);
    expect(await schema()).toEqual([true, true, true]);
  });

  it('index only the evaluated entities below their required level, and back', async () => {
    const knex = await migratedDatabase(databases, databaseId);
    // Each index's name and definition (PostgreSQL's `indexdef`, SQLite's `CREATE INDEX`).
    const indexes = async (): Promise<Record<string, string>> => {
      const rows: { name: string; definition: string }[] =
        knex.client.config.client === 'pg'
          ? (
              await knex.raw(
                `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'evaluated_entities'`,
              )
            ).rows
          : await knex.raw(
              `SELECT name, sql AS definition FROM sqlite_master WHERE type = 'index' AND tbl_name = 'evaluated_entities'`,
            );
      return Object.fromEntries(
        rows
          .filter(row => row.name.endsWith('_idx'))
          .map(row => [row.name, row.definition.toLowerCase()]),
      );
    };
    const names = async () => Object.keys(await indexes()).sort();
    const latest = [
      'evaluated_entities_below_required_idx',
      'evaluated_entities_domain_idx',
      'evaluated_entities_owner_idx',
      'evaluated_entities_system_idx',
      'evaluated_entities_tier_idx',
    ];
    expect(await names()).toEqual(latest);
    // A partial index: PostgreSQL uses it only for queries with the same predicate.
    expect(
      (await indexes()).evaluated_entities_below_required_idx.replace(
        /["`()]/g,
        '',
      ),
    ).toContain('where below_required_since is not null');

    await migrateDownBelow(knex, '20261213010000');
    expect(await names()).toEqual([
      'evaluated_entities_below_idx',
      'evaluated_entities_domain_idx',
      'evaluated_entities_owner_idx',
      'evaluated_entities_system_idx',
      'evaluated_entities_tier_idx',
    ]);

    await migrateToLatest(knex);
    expect(await names()).toEqual(latest);
  });

  it('carry scorecard results and history from per-check rows to per-entity rows and back', async () => {
    const knex = await migratedDatabase(databases, databaseId);
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
    await migrateDownBelow(knex, '20261125060000');
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
    await migrateToLatest(knex);
    expect(await store.getResults(ref)).toEqual(results);
    expect(await store.listTransitions(ref, new Date(0))).toEqual(transitions);
  });

  it('compact scorecard history and compliance changes, and expand them back, with every view answering the same', async () => {
    const knex = await migratedDatabase(databases, databaseId);
    const scorecards = new DatabaseScorecardStore(knex);
    const compliance = new DatabaseComplianceStore(knex);
    const signals = new DatabaseEscalationSignals(knex);
    const payments = 'component:default/payments';
    // No owner and no system: its compliance group has NULL refs.
    const wiki = 'component:default/wiki';
    const day = async (
      date: string,
      coverage: CheckResult['state'],
      availability: CheckResult['state'],
    ) => {
      await scorecards.storeEvaluations(
        [
          {
            entityRef: payments,
            placement: {
              tier: 'core',
              owner: 'group:default/team-a',
              system: 'system:default/pay',
            },
            results: [
              result('coverage', coverage),
              result('availability', availability),
            ],
          },
          {
            entityRef: wiki,
            placement: { tier: 'supporting' },
            results: [
              { ...result('coverage', availability), actual: undefined },
            ],
          },
        ],
        new Date(`${date}T09:00:00Z`),
      );
      await compliance.recordComplianceDay(date);
    };
    await day('2026-10-01', 'fail', 'pass');
    await day('2026-10-02', 'pass', 'pass');
    await day('2026-10-03', 'pass', 'fail');
    const views = async () => ({
      transitions: [
        await scorecards.listTransitions(payments, new Date(0)),
        await scorecards.listTransitions(wiki, new Date(0)),
      ],
      trends: await Promise.all(
        [
          {},
          { owner: 'group:default/team-a' },
          { owner: '' },
          { system: '' },
        ].map(filter =>
          compliance.getComplianceTrend(filter, '2026-09-30', '2026-10-04'),
        ),
      ),
      failing: await signals.listFailingChecks({}),
    });
    const before = await views();
    expect(before.transitions[0]).toHaveLength(4);
    // The wiki, with no system, passes its one check on the first two days only.
    expect(before.trends[3].map(point => point.counts.pass)).toEqual([
      1, 1, 0, 0,
    ]);

    const history = async () =>
      (await knex('scorecard_history').orderBy('id').select('changes')).map(
        row => JSON.parse(row.changes),
      );
    const compactHistory = await history();
    expect(compactHistory[0]).toEqual([
      ['coverage', 'f', '10'],
      ['availability', 'p', '90'],
    ]);
    const compactChanges = (
      await knex('compliance_changes')
        .join('compliance_groups', 'compliance_groups.id', 'group_id')
        .orderBy(['day', 'tier'])
        .select('day', 'owner', 'system', 'domain', 'tier', 'pass', 'fail')
    ).map(row => ({ ...row, day: dayStart(row.day).slice(0, 10) }));
    expect(compactChanges[0]).toEqual({
      day: '2026-10-01',
      owner: 'group:default/team-a',
      system: 'system:default/pay',
      domain: null,
      tier: 'core',
      pass: 1,
      fail: 1,
    });

    await undoMigrations(knex, '20261211010000_compact_history.js');
    expect((await history())[0]).toEqual([
      { checkId: 'coverage', state: 'fail', actual: '10' },
      { checkId: 'availability', state: 'pass', actual: '90' },
    ]);
    // The wiki's change has no actual value, and gets none back.
    expect((await history())[1]).toEqual([
      { checkId: 'coverage', state: 'pass' },
    ]);
    expect(await knex.schema.hasTable('compliance_groups')).toBe(false);
    expect(
      await knex('compliance_changes')
        .orderBy(['day', 'tier'])
        .select('day', 'owner', 'system', 'domain', 'tier', 'pass', 'fail'),
    ).toEqual(compactChanges);

    // A state this version does not know (written by a later one, say) is kept as it was.
    const unknownState = [
      { checkId: 'coverage', state: 'exotic', actual: '1' },
    ];
    await knex('scorecard_history').insert({
      entity_ref: 'component:default/legacy',
      changes: JSON.stringify(unknownState),
      changed_at: new Date('2026-10-04T09:00:00Z'),
    });

    await migrateToLatest(knex);
    expect(await history()).toEqual([...compactHistory, unknownState]);
    expect(await views()).toEqual(before);
  });
});
