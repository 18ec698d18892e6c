import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultScorecardEngine } from '../__testUtils__/defaultEngines';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';
import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** More services than one catalog page holds (500), each depending on the next one. */
const SERVICES = 1_200;
const services: Entity[] = Array.from({ length: SERVICES }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: `service-${i}`,
    annotations: { 'governance/tier': 'core' },
  },
  spec: { type: 'service', owner: 'group:default/team-a' },
  relations: [
    {
      type: 'dependsOn',
      targetRef: `component:default/service-${(i + 1) % SERVICES}`,
    },
  ],
}));

describe.each(databases.eachSupportedId())(
  'a full evaluation pages through the catalog on %s',
  databaseId => {
    it('reads entities and the tiers of their dependencies a page at a time, never the whole catalog at once', async () => {
      const knex = await migratedDatabase(databases, databaseId);
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
        expect(query?.limit).toBeLessThanOrEqual(500);
      }
      // Dependency tiers: one request per page of 500 entities, each naming that page's targets.
      expect(byRefs).toHaveBeenCalledTimes(Math.ceil(SERVICES / 500));
      for (const [request] of byRefs.mock.calls) {
        expect(request.entityRefs.length).toBeLessThanOrEqual(500);
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
  },
);
