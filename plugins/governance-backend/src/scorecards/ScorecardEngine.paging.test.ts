import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { defaultScorecardEngine } from '../__testUtils__/defaultEngines';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';
import { EVALUATION_PAGE_SIZE } from './ScorecardPass';

/** More services than one catalog page holds, each depending on the next one. */
const SERVICES = EVALUATION_PAGE_SIZE + 200;
const PAGES = Math.ceil(SERVICES / EVALUATION_PAGE_SIZE);
const services: Entity[] = Array.from({ length: SERVICES }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `service-${i}`,
    annotations: { 'governance/tier': 'core' },
    description: 'What no check reads',
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
  },
  relations: [
    {
      type: 'dependsOn',
      targetRef: `component:default/service-${(i + 1) % SERVICES}`,
    },
  ],
}));

/** The SQL of every statement `knex` runs while `work` does. */
async function statementsOf(knex: Knex, work: () => Promise<unknown>) {
  const statements: string[] = [];
  const record = (query: { sql: string }) => statements.push(query.sql);
  knex.on('query', record);
  try {
    await work();
  } finally {
    knex.off('query', record);
  }
  return statements;
}

const isWrite = (sql: string) => /^\s*(insert|update|delete)\b/i.test(sql);

describeEachDatabase(
  'a full evaluation pages through the catalog',
  database => {
    it('reads entities and the tiers of their dependencies a page at a time, never the whole catalog at once', async () => {
      const knex = await database.migrated();
      const catalog = catalogServiceMock({ entities: services });
      const queries = jest.spyOn(catalog, 'queryEntities');
      const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
      const engine = defaultScorecardEngine({
        catalog,
        store: new DatabaseGovernanceStore(knex),
      });

      expect(
        await engine.evaluateAll(new Date('2026-12-06T12:00:00Z')),
      ).toEqual({ entities: SERVICES, skipped: 0 });
      // Every catalog request asks for at most one page.
      for (const [query] of queries.mock.calls) {
        expect(query?.limit).toBeLessThanOrEqual(EVALUATION_PAGE_SIZE);
      }
      // Dependency tiers: one request per page, each naming that page's targets.
      expect(byRefs).toHaveBeenCalledTimes(PAGES);
      for (const [request] of byRefs.mock.calls) {
        expect(request.entityRefs.length).toBeLessThanOrEqual(
          EVALUATION_PAGE_SIZE,
        );
      }
      // The dependency check still sees each target's tier.
      const results = await new DatabaseGovernanceStore(knex).getResults(
        'component:default/service-0',
      );
      expect(
        results?.results.find(r => r.checkId === 'dependencies-meet-tier')
          ?.state,
      ).toBe('pass');
    });

    it('asks the catalog for only the fields checks read, on every page', async () => {
      const knex = await database.migrated();
      const catalog = catalogServiceMock({ entities: services });
      const queries = jest.spyOn(catalog, 'queryEntities');
      await defaultScorecardEngine({
        catalog,
        store: new DatabaseGovernanceStore(knex),
      }).evaluateAll(new Date('2026-12-06T12:00:00Z'));

      const pages = await Promise.all(queries.mock.results.map(r => r.value));
      const governedPages = pages.filter(page =>
        page.items.some((e: Entity) => e.kind === 'Component'),
      );
      // The cursor requests after the first page name the fields too.
      expect(governedPages).toHaveLength(PAGES);
      for (const [query] of queries.mock.calls) {
        expect(query).toHaveProperty('fields');
      }
      for (const page of governedPages) {
        for (const entity of page.items as Entity[]) {
          expect(entity.spec).toEqual({ owner: 'group:default/team-a' });
          expect(entity.metadata.description).toBeUndefined();
        }
      }
    });

    it('fails the pass when a page other than the last cannot be written, and stores no later page', async () => {
      const knex = await database.migrated();
      const catalog = catalogServiceMock({ entities: services });
      const store = new DatabaseGovernanceStore(knex);
      const storeEvaluations = jest
        .spyOn(store, 'storeEvaluations')
        .mockRejectedValueOnce(new Error('connection reset'));
      const removeResultsExcept = jest.spyOn(store, 'removeResultsExcept');
      const engine = defaultScorecardEngine({ catalog, store });

      await expect(
        engine.evaluateAll(new Date('2026-12-06T12:00:00Z')),
      ).rejects.toThrow('connection reset');
      // The second page was evaluated while the first was written, but its write never began,
      // and no entity was taken for one that left the catalog.
      expect(storeEvaluations).toHaveBeenCalledTimes(1);
      expect(removeResultsExcept).not.toHaveBeenCalled();
      expect(
        (await store.listComplianceEntities({}, { offset: 0, limit: 5 })).items,
      ).toEqual([]);
    });

    it('fails the pass when the catalog cannot give a page, and nothing of the pass runs after it failed', async () => {
      const knex = await database.migrated();
      const catalog = catalogServiceMock({ entities: services });
      const queryEntities = catalog.queryEntities.bind(catalog);
      // The pages after the first are asked for with the cursor of the one before.
      jest
        .spyOn(catalog, 'queryEntities')
        .mockImplementation((request, options) =>
          request && 'cursor' in request
            ? Promise.reject(new Error('catalog unavailable'))
            : queryEntities(request, options),
        );
      const engine = defaultScorecardEngine({
        catalog,
        store: new DatabaseGovernanceStore(knex),
      });

      const afterFailure: string[] = [];
      let failed = false;
      const record = (query: { sql: string }) => {
        if (failed) {
          afterFailure.push(query.sql);
        }
      };
      knex.on('query', record);
      try {
        await expect(
          engine.evaluateAll(new Date('2026-12-06T12:00:00Z')).finally(() => {
            failed = true;
          }),
        ).rejects.toThrow('catalog unavailable');
        // Long enough for a read or write left running to send its next statement.
        await new Promise(resolve => setTimeout(resolve, 200));
      } finally {
        knex.off('query', record);
      }
      expect(afterFailure).toEqual([]);
    });

    it('writes nothing per entity when nothing changed since the last pass', async () => {
      const knex = await database.migrated();
      const catalog = catalogServiceMock({ entities: services });
      const store = new DatabaseGovernanceStore(knex);
      const engine = defaultScorecardEngine({ catalog, store });
      await engine.evaluateAll(new Date('2026-12-06T12:00:00Z'));
      const before = await store.getResults('component:default/service-7');

      const next = new Date('2026-12-07T12:00:00Z');
      let outcome: unknown;
      const statements = await statementsOf(knex, async () => {
        outcome = await engine.evaluateAll(next);
      });

      expect(outcome).toEqual({ entities: SERVICES, skipped: SERVICES });
      expect(await store.getResults('component:default/service-7')).toEqual({
        ...before,
        evaluatedAt: next.toISOString(),
      });
      const listed = await store.listComplianceEntities(
        {},
        { offset: 0, limit: 5 },
      );
      expect(listed.items.map(item => item.evaluatedAt)).toEqual(
        Array(5).fill(next.toISOString()),
      );
      // Per page: its facts, waivers and stamps are read, nothing is written. After the pass:
      // one row records its time for every skipped entity, and the day's compliance record,
      // unchanged, replaces itself with nothing new. No entity's row is written.
      expect(statements.filter(isWrite)).toEqual([
        expect.stringMatching(/^insert into .scorecard_passes./),
        expect.stringMatching(/^delete from .compliance_changes./),
      ]);
      // One transaction: the compliance record's. No page opens one.
      expect(
        statements.filter(sql => /^\s*begin/i.test(sql)).length,
      ).toBeLessThanOrEqual(1);
    });
  },
);
