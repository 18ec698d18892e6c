import { stringifyEntityRef } from '@backstage/catalog-model';
import { DEPENDENCIES_CHECK_ID } from '@catalog-governance/backstage-plugin-governance-common';
import {
  changeCheckPasses,
  coreService,
  ledger,
  ledgerAfterTwoPages,
  payments,
  search,
  served,
} from '../__testUtils__/changeCheckPasses';
import { evaluatedService } from '../__testUtils__/catalogEntities';
import {
  LEDGER,
  NOW,
  PAYMENTS,
  later,
} from '../__testUtils__/scorecardEngineFixtures';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

describeEachDatabase(
  'finding which dependents changed since the last pass',
  database => {
    const setup = () => changeCheckPasses(database);
    const racingLedger = () => ledgerAfterTwoPages(database);

    it('re-evaluates the entities depending on one whose tier changed', async () => {
      const { evaluateAll, check, readInFull } = await setup();
      expect((await check(DEPENDENCIES_CHECK_ID))?.state).toBe('pass');

      await evaluateAll(later(1), {
        entities: [payments(), ledger('supporting'), search()],
      });
      expect(readInFull()).toEqual([LEDGER, PAYMENTS]);
      expect((await check(DEPENDENCIES_CHECK_ID))?.state).toBe('fail');
    });

    it('re-evaluates an entity whose dependency changed tier during a pass, after it was evaluated', async () => {
      const { entities, evaluateAll, dependencies, changeDuringLookup } =
        await racingLedger();
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
        await racingLedger();
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
  },
);
