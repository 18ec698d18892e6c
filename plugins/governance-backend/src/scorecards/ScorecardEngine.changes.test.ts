import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  APPROVED_STACK_CHECK_ID,
  DEPENDENCIES_CHECK_ID,
  readLevelPolicy,
  readTierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { createHash } from 'node:crypto';
import { evaluatedService } from '../__testUtils__/catalogEntities';
import { configuredStackChecks } from '../__testUtils__/configuredStackChecks';
import { defaultScorecardEngine } from '../__testUtils__/defaultEngines';
import {
  LEDGER,
  NOW,
  PAYMENTS,
  later,
} from '../__testUtils__/scorecardEngineFixtures';
import { scorecardEngineStores } from '../__testUtils__/scorecardEngineStores';
import { governanceTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseStackStore } from '../database/DatabaseStackStore';
import { EVALUATION_PAGE_SIZE } from './ScorecardPass';

const databases = governanceTestDatabases();

/** The entity as the catalog serves it: with an etag that changes whenever the entity does. */
function served(entity: Entity): Entity {
  const etag = createHash('sha256')
    .update(JSON.stringify(entity))
    .digest('hex');
  return { ...entity, metadata: { ...entity.metadata, etag } };
}

const payments = (annotations: Record<string, string> = {}) =>
  served(
    evaluatedService(
      'payments',
      {
        'governance/tier': 'core',
        'governance/last-security-review': '2026-10-01',
        'governance/stack': 'datastores: mongodb',
        ...annotations,
      },
      { dependsOn: [LEDGER] },
    ),
  );
const ledger = (tier = 'core') =>
  served(
    evaluatedService(
      'ledger',
      { 'governance/tier': tier },
      { dependencyOf: [PAYMENTS] },
    ),
  );
const coreService = (name: string) =>
  served(evaluatedService(name, { 'governance/tier': 'core' }));
const search = () => coreService('search');

const ADR_FOLDER = 'https://git.example.com/payments/docs/adr/';

/** An accepted ADR of payments, in the folder at `folderUrl`, that clears its ledger mismatch. */
const ledgerAdr = (folderUrl: string) => ({
  id: 'p1',
  entityRef: PAYMENTS,
  path: '0001-ledger.md',
  url: `${folderUrl}0001-ledger.md`,
  number: 1,
  title: 'Depend on the ledger',
  status: 'accepted' as const,
  date: '2026-11-01',
  deciders: [],
  links: [],
  format: 'madr' as const,
  warnings: [],
  body: 'We accept depending on ledger while it is supporting.',
});

const radarOf = (mongodbRing: string) => ({
  entries: [{ id: 'mongodb', title: 'MongoDB', ring: mongodbRing }],
});

describe.each(databases.eachSupportedId())(
  'finding what changed since the last pass on %s',
  databaseId => {
    async function setup() {
      const { knex, store, adrs, storedResult } = await scorecardEngineStores(
        databases,
        databaseId,
      );
      const stackStore = new DatabaseStackStore(knex);
      const getFacts = jest.spyOn(store, 'getFacts');
      const storeEvaluations = jest.spyOn(store, 'storeEvaluations');
      /** The entity refs each pass read in full, in the order it asked for them. */
      let readInFull: string[] = [];
      let fieldsAsked: string[][] = [];
      // Each pass gets a new engine, as a pass on another replica would: what it compares
      // with lives in the database.
      const evaluateAll = async (
        now: Date,
        options: {
          entities?: Entity[];
          governance?: object;
          radar?: object;
          /** Changes what the catalog answers, before the pass starts. */
          serve?: (catalog: ReturnType<typeof catalogServiceMock>) => void;
        } = {},
      ) => {
        const {
          entities = [payments(), ledger(), search()],
          governance = {},
          radar = radarOf('adopt'),
        } = options;
        const catalog = catalogServiceMock({ entities });
        options.serve?.(catalog);
        const query = jest.spyOn(catalog, 'queryEntities');
        const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
        const config = new ConfigReader({ governance });
        const tierPolicies = readTierPolicies(config);
        const stackChecks = await configuredStackChecks({
          radar,
          store: stackStore,
          adrs,
          now,
        });
        getFacts.mockClear();
        storeEvaluations.mockClear();
        const run = await defaultScorecardEngine({
          catalog,
          store,
          adrs,
          tierPolicies,
          levelPolicy: readLevelPolicy(config, { tierPolicies }),
          stackChecks,
        }).evaluateAll(now);
        // Entities are read in full with their relations; dependency tiers without.
        readInFull = byRefs.mock.calls.flatMap(([request]) =>
          request.fields?.includes('relations') ? request.entityRefs : [],
        );
        fieldsAsked = [...byRefs.mock.calls, ...query.mock.calls].map(
          ([request]) => [...(request?.fields ?? [])],
        );
        return run;
      };
      const check = (checkId: string, entityRef = PAYMENTS) =>
        storedResult(entityRef, checkId);
      const pushFact = (value: number, at: Date) =>
        store.addFacts(
          [
            {
              entityRef: PAYMENTS,
              name: 'coverage',
              value,
              source: 'ci',
              observedAt: at.toISOString(),
            },
          ],
          at,
        );
      // Before the pass's margin for late writes, so the next pass does not read it again.
      await pushFact(90, later(-1));
      expect(await evaluateAll(NOW)).toEqual({ entities: 3, skipped: 0 });
      return {
        knex,
        store,
        adrs,
        evaluateAll,
        check,
        pushFact,
        getFacts,
        storeEvaluations,
        readInFull: () => readInFull,
        fieldsAsked: () => fieldsAsked,
      };
    }

    it('asks the catalog only for etags and reads no facts when nothing changed', async () => {
      const { evaluateAll, getFacts, storeEvaluations, readInFull, check } =
        await setup();
      const before = await check('coverage');

      expect(await evaluateAll(later(1))).toEqual({ entities: 3, skipped: 3 });
      expect(getFacts).not.toHaveBeenCalled();
      expect(storeEvaluations).not.toHaveBeenCalled();
      expect(readInFull()).toEqual([]);
      expect(await check('coverage')).toEqual(before);
    });

    it('asks the catalog for no entity fields beyond names and etags when nothing changed', async () => {
      const { evaluateAll, fieldsAsked } = await setup();
      await evaluateAll(later(1));
      // Besides the etags of governed entities, only the systems' domains are asked for.
      for (const fields of fieldsAsked()) {
        expect(fields).not.toContain('relations');
        expect(fields).not.toContain('metadata.annotations');
      }
    });

    it('re-evaluates only the entity whose etag changed', async () => {
      const { evaluateAll, check, readInFull } = await setup();
      const run = await evaluateAll(later(1), {
        entities: [
          payments({ 'governance/availability-slo': '99.99' }),
          ledger(),
          search(),
        ],
      });
      expect(run).toEqual({ entities: 3, skipped: 2 });
      expect(readInFull()).toEqual([PAYMENTS]);
      expect((await check('availability'))?.state).toBe('pass');
    });

    it('re-evaluates an entity a fact arrived for', async () => {
      const { evaluateAll, check, pushFact, readInFull } = await setup();
      await pushFact(40, later(1));
      expect(await evaluateAll(later(2))).toEqual({ entities: 3, skipped: 2 });
      expect(readInFull()).toEqual([PAYMENTS]);
      expect(await check('coverage')).toMatchObject({ state: 'fail' });
    });

    it('re-evaluates an entity whose waiver was granted, then revoked', async () => {
      const { store, evaluateAll, check, readInFull } = await setup();
      await store.createWaiver({
        id: 'w1',
        entityRef: PAYMENTS,
        checkId: 'availability',
        reason: 'New SLO dashboards land next month',
        expiresAt: '2027-03-01T00:00:00.000Z',
        createdBy: 'user:default/council',
        createdAt: later(1).toISOString(),
      });
      await evaluateAll(later(2));
      expect(readInFull()).toEqual([PAYMENTS]);
      expect((await check('availability'))?.state).toBe('waived');

      await store.revokeWaiver('w1', 'user:default/council', later(3));
      await evaluateAll(later(4));
      expect(readInFull()).toEqual([PAYMENTS]);
      expect((await check('availability'))?.state).toBe('unknown');
    });

    it('re-evaluates an entity one of whose verdicts expires with time', async () => {
      const { store, evaluateAll, check, readInFull } = await setup();
      await store.createWaiver({
        id: 'w1',
        entityRef: PAYMENTS,
        checkId: 'availability',
        reason: 'Until the dashboards land',
        expiresAt: later(3).toISOString(),
        createdBy: 'user:default/council',
        createdAt: later(1).toISOString(),
      });
      await evaluateAll(later(2));
      expect((await check('availability'))?.state).toBe('waived');

      // Nothing was written since: only time tells.
      await evaluateAll(later(4));
      expect(readInFull()).toEqual([PAYMENTS]);
      expect((await check('availability'))?.state).toBe('unknown');
    });

    it('re-evaluates the entities depending on one whose tier changed', async () => {
      const { evaluateAll, check, readInFull } = await setup();
      expect((await check(DEPENDENCIES_CHECK_ID))?.state).toBe('pass');

      await evaluateAll(later(1), {
        entities: [payments(), ledger('supporting'), search()],
      });
      expect(readInFull()).toEqual([LEDGER, PAYMENTS]);
      expect((await check(DEPENDENCIES_CHECK_ID))?.state).toBe('fail');
    });

    /**
     * Payments, two pages of others, then the ledger: a pass evaluates payments on the first
     * page, looking up the ledger's tier while the second is read, and reads the ledger on the
     * third. `changeDuringLookup` makes the next lookup of the ledger answer one tier and the
     * catalog hold another right after it.
     */
    async function ledgerAfterTwoPages() {
      const { store, adrs, storedResult } = await scorecardEngineStores(
        databases,
        databaseId,
      );
      const others = Array.from({ length: 2 * EVALUATION_PAGE_SIZE }, (_, i) =>
        coreService(`service-${i}`),
      );
      const catalogWith = (ledgerTier: string) =>
        catalogServiceMock({
          entities: [payments(), ...others, ledger(ledgerTier)],
        });
      let current = catalogWith('core');
      let lookup: { answer: string; then: string } | undefined;
      const catalog = {
        queryEntities: (...args: Parameters<typeof current.queryEntities>) =>
          current.queryEntities(...args),
        getEntityByRef: (...args: Parameters<typeof current.getEntityByRef>) =>
          current.getEntityByRef(...args),
        getEntitiesByRefs: async (
          ...args: Parameters<typeof current.getEntitiesByRefs>
        ) => {
          const [request] = args;
          if (
            !lookup ||
            request.fields?.includes('relations') ||
            !request.entityRefs.includes(LEDGER)
          ) {
            return current.getEntitiesByRefs(...args);
          }
          const answer = await catalogWith(lookup.answer).getEntitiesByRefs(
            ...args,
          );
          current = catalogWith(lookup.then);
          lookup = undefined;
          return answer;
        },
      } as unknown as typeof current;
      return {
        entities: others.length + 2,
        evaluateAll: (now: Date) =>
          defaultScorecardEngine({ catalog, store, adrs }).evaluateAll(now),
        dependencies: async () =>
          (await storedResult(PAYMENTS, DEPENDENCIES_CHECK_ID))?.state,
        changeDuringLookup: (tiers: { answer: string; then: string }) => {
          lookup = tiers;
        },
      };
    }

    it('re-evaluates an entity whose dependency changed tier during a pass, after it was evaluated', async () => {
      const { entities, evaluateAll, dependencies, changeDuringLookup } =
        await ledgerAfterTwoPages();
      changeDuringLookup({ answer: 'core', then: 'supporting' });
      await evaluateAll(NOW);
      expect(await dependencies()).toBe('pass');

      await evaluateAll(later(1));
      expect(await dependencies()).toBe('fail');
      // Read twice, the ledger is settled: the next pass evaluates nothing.
      expect(await evaluateAll(later(2))).toEqual({
        entities,
        skipped: entities,
      });
    }, 120_000);

    it('re-evaluates an entity whose dependency changed tier and back during a pass', async () => {
      const { evaluateAll, dependencies, changeDuringLookup } =
        await ledgerAfterTwoPages();
      await evaluateAll(NOW);
      // The day's full read sees the ledger supporting for a moment: its own inputs, read
      // after, are the stored ones, so it is skipped.
      changeDuringLookup({ answer: 'supporting', then: 'core' });
      await evaluateAll(later(25));
      expect(await dependencies()).toBe('fail');

      await evaluateAll(later(26));
      expect(await dependencies()).toBe('pass');
    }, 120_000);

    it('re-evaluates the entities depending on one that left the catalog', async () => {
      const { evaluateAll, check } = await setup();
      const before = await check(DEPENDENCIES_CHECK_ID);

      await evaluateAll(later(1), { entities: [payments(), search()] });
      expect(await check(DEPENDENCIES_CHECK_ID)).not.toEqual(before);
      expect(await check('coverage', LEDGER)).toBeUndefined();
    });

    it('re-evaluates the entities depending on one that left the catalog while another arrived', async () => {
      const { evaluateAll, check } = await setup();
      const before = await check(DEPENDENCIES_CHECK_ID);

      await evaluateAll(later(1), {
        entities: [payments(), coreService('billing'), search()],
      });
      expect(await check(DEPENDENCIES_CHECK_ID)).not.toEqual(before);
      expect(await check('coverage', LEDGER)).toBeUndefined();
    });

    it('removes the results of a changed entity that left the catalog before the pass read it', async () => {
      const { evaluateAll, check } = await setup();
      const SEARCH = 'component:default/search';
      const changedSearch = served(
        evaluatedService('search', {
          'governance/tier': 'core',
          'governance/availability-slo': '99.99',
        }),
      );

      const run = await evaluateAll(later(1), {
        entities: [payments(), ledger(), changedSearch],
        // The etags name its new version; by the time the pass reads it, it is gone.
        serve: catalog => {
          const byRefs = catalog.getEntitiesByRefs.bind(catalog);
          catalog.getEntitiesByRefs = async (request, options) => {
            const { items } = await byRefs(request, options);
            return {
              items: items.map(item =>
                item && stringifyEntityRef(item) === SEARCH ? undefined : item,
              ),
            };
          };
        },
      });
      expect(run).toEqual({ entities: 2, skipped: 2 });
      expect(await check('coverage', SEARCH)).toBeUndefined();
      expect(await check('coverage')).toBeDefined();
    });

    it('fails the pass, storing nothing, when the catalog cannot answer for the systems', async () => {
      const { evaluateAll, storeEvaluations } = await setup();
      await expect(
        evaluateAll(later(1), {
          entities: [payments({ 'governance/availability-slo': '99.99' })],
          serve: catalog => {
            const query = catalog.queryEntities.bind(catalog);
            catalog.queryEntities = async (request, options) => {
              if (request && 'filter' in request && request.filter) {
                const filter = request.filter as Record<string, unknown>;
                if (filter.kind === 'system') {
                  throw new Error('catalog unavailable');
                }
              }
              return query(request, options);
            };
          },
        }),
      ).rejects.toThrow('catalog unavailable');
      expect(storeEvaluations).not.toHaveBeenCalled();
    });

    it('re-evaluates every entity when the configuration changes', async () => {
      const { evaluateAll, check } = await setup();
      const run = await evaluateAll(later(1), {
        governance: {
          tiers: { core: { testing: { minCoveragePercent: 95 } } },
        },
      });
      expect(run.skipped).toBe(0);
      expect(await check('coverage')).toMatchObject({
        state: 'fail',
        target: '>= 95%',
      });
    });

    it('re-evaluates an entity when an ADR of it is accepted', async () => {
      const { adrs, evaluateAll, check } = await setup();
      const entities = [payments(), ledger('supporting'), search()];
      await evaluateAll(later(1), { entities });
      expect((await check(DEPENDENCIES_CHECK_ID))?.state).toBe('fail');

      await adrs.replaceAdrs({
        entityRef: PAYMENTS,
        url: ADR_FOLDER,
        readAt: later(2),
        adrs: [ledgerAdr(ADR_FOLDER)],
      });
      await evaluateAll(later(3), { entities });
      expect((await check(DEPENDENCIES_CHECK_ID))?.state).toBe('pass');
    });

    it('re-evaluates an entity whose ADRs moved to another folder at the same commit', async () => {
      const { adrs, evaluateAll, check } = await setup();
      const entities = [payments(), ledger('supporting'), search()];
      // GitHub's folder etag is the branch head's commit, the same for every folder.
      const readFolder = (url: string, readAt: Date, accepted: boolean) =>
        adrs.replaceAdrs({
          entityRef: PAYMENTS,
          url,
          etag: 'commit-1',
          readAt,
          adrs: accepted ? [ledgerAdr(url)] : [],
        });
      await readFolder(ADR_FOLDER, later(1), true);
      await evaluateAll(later(2), { entities });
      expect((await check(DEPENDENCIES_CHECK_ID))?.state).toBe('pass');

      await readFolder(
        'https://git.example.com/payments/docs/decisions/',
        later(3),
        false,
      );
      await evaluateAll(later(4), { entities });
      expect((await check(DEPENDENCIES_CHECK_ID))?.state).toBe('fail');
    });

    it('re-evaluates the entities with a stack when the radar changes', async () => {
      const { evaluateAll, check } = await setup();
      expect((await check(APPROVED_STACK_CHECK_ID))?.state).toBe('pass');

      await evaluateAll(later(1), { radar: radarOf('hold') });
      expect((await check(APPROVED_STACK_CHECK_ID))?.state).toBe('fail');
    });

    it('reads every entity in full once the last full read is a day old', async () => {
      const { evaluateAll, readInFull, fieldsAsked } = await setup();
      expect(await evaluateAll(later(25))).toEqual({ entities: 3, skipped: 3 });
      expect(readInFull()).toEqual([]);
      expect(fieldsAsked().some(fields => fields.includes('relations'))).toBe(
        true,
      );
    });
  },
);
