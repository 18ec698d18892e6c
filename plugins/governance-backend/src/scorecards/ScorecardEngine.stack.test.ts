import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { APPROVED_STACK_CHECK_ID } from '@catalog-governance/backstage-plugin-governance-common';
import { evaluatedService } from '../__testUtils__/catalogEntities';
import { configuredStackChecks } from '../__testUtils__/configuredStackChecks';
import {
  defaultAdrStore,
  defaultScorecardEngine,
} from '../__testUtils__/defaultEngines';
import {
  firstAdr,
  NOW,
  PAYMENTS,
  later,
} from '../__testUtils__/scorecardEngineFixtures';
import { scorecardEngineStores } from '../__testUtils__/scorecardEngineStores';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';
import { DatabaseStackStore } from '../database/DatabaseStackStore';
import { EVALUATION_PAGE_SIZE } from './ScorecardPass';

const component = (name: string, annotations: Record<string, string>) =>
  evaluatedService(name, { 'governance/tier': 'core', ...annotations });

const ENTITIES = [
  component('payments', { 'governance/stack': 'languages: go' }),
  component('ledger', { 'governance/stack': 'datastores: mongodb' }),
  component('search', { 'governance/stack': 'datastores: couchdb' }),
  component('docs', {}),
];

const radarOf = (mongodbRing: string) => ({
  entries: [
    { id: 'go', title: 'Go', ring: 'adopt' },
    { id: 'mongodb', title: 'MongoDB', ring: mongodbRing },
  ],
});

describeEachDatabase(
  'skipping unchanged entities with the approved-stack check',
  database => {
    async function setup() {
      const { knex, store, adrs, storedResult } = await scorecardEngineStores(
        database,
      );
      const stackStore = new DatabaseStackStore(knex);
      const replaceTechnologies = jest.spyOn(
        stackStore,
        'replaceEntityTechnologies',
      );
      // Each pass reads the radar held in config then, as a restarted backend would.
      const evaluateAll = async (now: Date, radar: object) =>
        defaultScorecardEngine({
          catalog: catalogServiceMock({ entities: ENTITIES }),
          store,
          stackChecks: await configuredStackChecks({
            radar,
            store: stackStore,
            adrs,
            now,
          }),
        }).evaluateAll(now);
      const stackCheck = (entityRef: string) =>
        storedResult(entityRef, APPROVED_STACK_CHECK_ID);
      expect(await evaluateAll(NOW, radarOf('hold'))).toEqual({
        entities: 4,
        skipped: 0,
      });
      return { stackStore, adrs, replaceTechnologies, evaluateAll, stackCheck };
    }

    it('skips every unchanged entity on an unchanged radar and writes no technologies', async () => {
      const { stackStore, replaceTechnologies, evaluateAll, stackCheck } =
        await setup();
      const before = await stackCheck('component:default/ledger');
      expect(before?.state).toBe('fail');
      const usage = await stackStore.listTechnologyUsage(undefined);
      replaceTechnologies.mockClear();

      // The radar is read again, with the same entries: nothing it places changed.
      expect(await evaluateAll(later(1), radarOf('hold'))).toEqual({
        entities: 4,
        skipped: 4,
      });
      expect(replaceTechnologies).not.toHaveBeenCalled();
      expect(await stackCheck('component:default/ledger')).toEqual(before);
      expect(await stackStore.listTechnologyUsage(undefined)).toEqual(usage);
    });

    it('writes the technologies on the next pass when writing them failed, instead of skipping the entity as unchanged', async () => {
      const { stackStore, replaceTechnologies, evaluateAll } = await setup();
      const ledgerRing = async () =>
        (
          await stackStore.listEntityTechnologies(['component:default/ledger'])
        ).get('component:default/ledger')?.[0]?.ring;
      expect(await ledgerRing()).toBe('hold');

      // MongoDB moves to trial, and the database refuses the technologies write of that pass.
      replaceTechnologies.mockRejectedValueOnce(new Error('connection reset'));
      await expect(evaluateAll(later(1), radarOf('trial'))).rejects.toThrow(
        'connection reset',
      );
      // The results of that page were not stored over the failed write, so the next pass
      // sees the ledger as changed and writes its technologies.
      await evaluateAll(later(2), radarOf('trial'));
      expect(await ledgerRing()).toBe('trial');
    });

    it('re-evaluates every entity that declares a stack when the radar changes, and only those', async () => {
      const { stackStore, replaceTechnologies, evaluateAll, stackCheck } =
        await setup();
      replaceTechnologies.mockClear();

      expect(await evaluateAll(later(1), radarOf('assess'))).toEqual({
        entities: 4,
        skipped: 1,
      });
      expect(await stackCheck('component:default/ledger')).toMatchObject({
        state: 'warn',
      });
      expect((await stackCheck(PAYMENTS))?.state).toBe('pass');
      // Only the entity whose technologies moved ring is written again.
      expect(replaceTechnologies).toHaveBeenCalledTimes(1);
      expect(replaceTechnologies.mock.calls[0][0]).toEqual([
        {
          entityRef: 'component:default/ledger',
          technologies: [
            {
              category: 'datastores',
              technology: 'mongodb',
              ring: 'assess',
              clearedByAdr: false,
            },
          ],
        },
      ]);
      expect(
        await stackStore.listEntityTechnologies([
          PAYMENTS,
          'component:default/ledger',
          'component:default/docs',
        ]),
      ).toEqual(
        new Map([
          [
            PAYMENTS,
            [
              {
                category: 'languages',
                technology: 'go',
                ring: 'adopt',
                clearedByAdr: false,
              },
            ],
          ],
          [
            'component:default/ledger',
            [
              {
                category: 'datastores',
                technology: 'mongodb',
                ring: 'assess',
                clearedByAdr: false,
              },
            ],
          ],
        ]),
      );
    });

    it('re-evaluates an entity when an accepted ADR accepts a technology not on the radar', async () => {
      const { adrs, evaluateAll, stackCheck } = await setup();
      const SEARCH = 'component:default/search';
      expect((await stackCheck(SEARCH))?.state).toBe('fail');
      await adrs.replaceAdrs({
        entityRef: SEARCH,
        url: 'https://git.example.com/search/docs/adr/',
        readAt: later(1),
        adrs: [
          firstAdr({
            id: 's1',
            entityRef: SEARCH,
            folderUrl: 'https://git.example.com/search/docs/adr/',
            path: '0001-couchdb.md',
            title: 'Use CouchDB for offline sync',
            body: 'We accept CouchDB for the offline index.',
          }),
        ],
      });

      expect(await evaluateAll(later(2), radarOf('hold'))).toEqual({
        entities: 4,
        skipped: 3,
      });
      expect(await stackCheck(SEARCH)).toMatchObject({
        state: 'pass',
        reason: 'Accepted in an ADR though not on the radar: couchdb',
      });
    });
  },
);

describeEachDatabase(
  'recording technologies with the approved-stack check',
  database => {
    it('writes the technologies of a page in one batch, not one write per entity', async () => {
      const knex = await database.migrated();
      const stackStore = new DatabaseStackStore(knex);
      const replaceTechnologies = jest.spyOn(
        stackStore,
        'replaceEntityTechnologies',
      );
      const stackChecks = await configuredStackChecks({
        radar: radarOf('hold'),
        store: stackStore,
        adrs: defaultAdrStore(knex),
        now: NOW,
      });
      const services = Array.from(
        { length: EVALUATION_PAGE_SIZE + 200 },
        (_, i) =>
          component(`service-${i}`, {
            'governance/stack': 'languages: go; datastores: mongodb',
          }),
      );
      const writes: string[] = [];
      const recordWrite = ({ sql }: { sql: string }) => {
        if (/^\s*(insert|update|delete)\b.*entity_technologies/i.test(sql)) {
          writes.push(sql);
        }
      };
      knex.on('query', recordWrite);
      try {
        await defaultScorecardEngine({
          catalog: catalogServiceMock({ entities: services }),
          store: new DatabaseGovernanceStore(knex),
          stackChecks,
        }).evaluateAll(NOW);
      } finally {
        knex.off('query', recordWrite);
      }

      // One batch per catalog page, each naming that page's entities; a page's technologies
      // may be written while the page before it still is, so in either order.
      expect(
        replaceTechnologies.mock.calls
          .map(([entities]) => entities.length)
          .sort((a, b) => b - a),
      ).toEqual([EVALUATION_PAGE_SIZE, 200]);
      // A few statements per batch of rows, however many entities a page holds.
      expect(writes.length).toBeLessThanOrEqual(10);
      const stored = await stackStore.listEntityTechnologies([
        'component:default/service-1100',
      ]);
      expect(stored.get('component:default/service-1100')).toHaveLength(2);
      expect(stored.get('component:default/service-1100')).toEqual(
        expect.arrayContaining([
          {
            category: 'languages',
            technology: 'go',
            ring: 'adopt',
            clearedByAdr: false,
          },
          {
            category: 'datastores',
            technology: 'mongodb',
            ring: 'hold',
            clearedByAdr: false,
          },
        ]),
      );
    });
  },
);
