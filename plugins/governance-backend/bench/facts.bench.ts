/*
 * Fact storage over a year: `yarn bench facts` from the repository root. Not part of the test
 * suite; the figures go to docs/benchmarks.md.
 */
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { DatabaseGovernanceStore } from '../src/database/DatabaseGovernanceStore';
import { FactRetention, FactRetentionPolicy } from '../src/facts/FactRetention';
import { MeasuredFact, writeReportSection } from '../src/testUtils';
import { BENCH_DAYS } from './benchSettings';

const ENTITIES = Number(process.env.BENCH_FACT_ENTITIES ?? 1_000);
/** The day a tenth of the entities leaves the catalog. */
const LEAVING_DAY = Math.floor(BENCH_DAYS / 2);
const POLICY: FactRetentionPolicy = {
  retentionDays: 90,
  maxSourcesPerFact: 10,
};
const report: string[] = [];
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;

/** Bytes on disk of the facts table and its index, after the clean-up autovacuum would do. */
async function factsBytes(db: Knex): Promise<number> {
  if (db.client.config.client === 'pg') {
    await db.raw('VACUUM ANALYZE facts');
    const { rows } = await db.raw(
      `SELECT pg_total_relation_size('facts')::bigint AS bytes`,
    );
    return Number(rows[0].bytes);
  }
  // The store's other tables are empty here, so the used pages are the facts table's.
  const [{ page_count: pages }] = await db.raw('PRAGMA page_count');
  const [{ freelist_count: free }] = await db.raw('PRAGMA freelist_count');
  const [{ page_size: size }] = await db.raw('PRAGMA page_size');
  return (pages - free) * size;
}

const component = (i: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: `service-${i}`, namespace: 'default' },
  spec: { type: 'service', owner: `team-${i % 20}` },
});

/**
 * One day's pushes: CI, APM and the SLO job each report their fact for every entity still in
 * the catalog, and a careless writer reports coverage under a new source name every day, the
 * growth the cap on sources bounds.
 */
function dayOfPushes(entityRefs: string[], observedAt: string): MeasuredFact[] {
  const day = observedAt.slice(0, 10);
  return entityRefs.flatMap((entityRef, i) => [
    {
      entityRef,
      name: 'coverage',
      value: 60 + (i % 40),
      source: 'ci/github-actions via ci-facts',
      observedAt,
    },
    {
      entityRef,
      name: 'p95LatencyMs',
      value: 100 + (i % 400),
      source: 'monitoring/apm via ci-facts',
      observedAt,
    },
    {
      entityRef,
      name: 'availability',
      value: 99.9,
      source: 'slo/nightly via ci-facts',
      observedAt,
    },
    {
      entityRef,
      name: 'coverage',
      value: 70,
      source: `nightly-${day} via ci-facts`,
      observedAt,
    },
  ]);
}

describe('fact storage benchmark', () => {
  afterAll(() => {
    writeReportSection(
      'facts',
      [
        '## Fact storage over a year',
        '',
        `${ENTITIES} entities, ${BENCH_DAYS} days. Every day three sources push their fact for every entity`,
        '(coverage, p95 latency, availability), and a fourth writer pushes coverage under a new source',
        `name every day. On day ${LEAVING_DAY} a tenth of the entities leave the catalog. The retention`,
        `(\`governance.scorecard.factRetentionDays: ${POLICY.retentionDays}\`) and the removal of facts of`,
        'departed entities run once a day, as the scheduled evaluation does before each pass;',
        `\`governance.scorecard.maxSourcesPerFact: ${POLICY.maxSourcesPerFact}\` holds on every write.`,
        '',
        '| database | measurement | result |',
        '|---|---|---|',
        ...report,
      ].join('\n'),
    );
  });

  it.each(databases.eachSupportedId())(
    'keeps the facts table bounded on %s',
    async databaseId => {
      const label = databaseId.startsWith('POSTGRES')
        ? 'PostgreSQL 15'
        : 'SQLite';
      const db = await databases.init(databaseId);
      const store = await DatabaseGovernanceStore.create({
        database: mockServices.database({
          knex: db,
          migrations: { skip: false },
        }),
        maxSourcesPerFact: POLICY.maxSourcesPerFact,
      });
      const all = Array.from({ length: ENTITIES }, (_, i) => component(i));
      let catalog = catalogServiceMock({ entities: all });
      const retention = () =>
        new FactRetention({
          store,
          catalog,
          auth: mockServices.auth(),
          logger: mockServices.logger.mock(),
          policy: POLICY,
        });
      const refs = (entities: Entity[]) =>
        entities.map(e => `component:default/${e.metadata.name}`);
      let present = refs(all);

      const start = DateTime.fromISO('2026-01-01T00:00:00Z', { zone: 'utc' });
      const pushMs: number[] = [];
      const pruneMs: number[] = [];
      let pushed = 0;
      for (let day = 0; day < BENCH_DAYS; day++) {
        const now = start.plus({ days: day }).toJSDate();
        if (day === LEAVING_DAY) {
          const staying = all.filter((_, i) => i % 10 !== 0);
          catalog = catalogServiceMock({ entities: staying });
          present = refs(staying);
        }
        const facts = dayOfPushes(present, now.toISOString());
        pushed += facts.length;
        let t = performance.now();
        await store.addFacts(facts, now);
        pushMs.push(performance.now() - t);
        t = performance.now();
        await retention().prune(now);
        pruneMs.push(performance.now() - t);
        // A simulated week passes in a moment, too fast for autovacuum, which over a real week
        // would have made the space of replaced rows reusable.
        if (day % 7 === 6 && db.client.config.client === 'pg') {
          await db.raw('VACUUM facts');
        }
      }
      const [{ rows }] = await db('facts').count({ rows: '*' });
      const bytes = await factsBytes(db);
      const average = (values: number[]) =>
        values.reduce((sum, v) => sum + v, 0) / values.length;
      const bound = (ENTITIES - ENTITIES / 10) * 2 + (ENTITIES - ENTITIES / 10);
      report.push(
        `| ${label} | rows in \`facts\` after the year | ${Number(
          rows,
        )} (${pushed} facts pushed; without retention and the cap one row per source: ${
          ENTITIES * (3 + BENCH_DAYS)
        }) |`,
        `| ${label} | size of \`facts\` with its index after the year | ${mb(
          bytes,
        )} |`,
        `| ${label} | one day's push (${
          present.length * 4
        } facts, one transaction, cap included) | ${average(pushMs).toFixed(
          0,
        )} ms on average |`,
        `| ${label} | one day's retention run (expired facts, facts of departed entities) | ${average(
          pruneMs,
        ).toFixed(0)} ms on average |`,
      );
      // The cap and retention hold: per staying entity two facts with one source, and coverage
      // with at most the cap's sources; nothing left of the departed entities.
      expect(Number(rows)).toBeLessThanOrEqual(
        bound + (ENTITIES - ENTITIES / 10) * (POLICY.maxSourcesPerFact - 1),
      );
      expect(
        Number(
          (
            await db('facts')
              .whereIn('entity_ref', refs(all.filter((_, i) => i % 10 === 0)))
              .count({ n: '*' })
          )[0].n,
        ),
      ).toBe(0);
    },
  );
});
