import {
  APPROVED_STACK_CHECK_ID,
  DEPENDENCIES_CHECK_ID,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  changeCheckPasses,
  ledger,
  payments,
  radarOf,
  search,
} from '../__testUtils__/changeCheckPasses';
import {
  ADR_FOLDER,
  ledgerAdr,
  PAYMENTS,
  later,
  readLedgerAdr,
} from '../__testUtils__/scorecardEngineFixtures';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

describeEachDatabase('finding what changed since the last pass', database => {
  const setup = () => changeCheckPasses(database);

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

  it('reads no facts or waivers written since the last pass when it reads every entity anyway', async () => {
    const { store, evaluateAll } = await setup();
    const factChanges = jest.spyOn(store, 'listFactChangesSince');
    const waiverChanges = jest.spyOn(store, 'listWaiverChangesSince');
    // A day after the last full read, the pass reads every entity in full: what changed since
    // the last pass would decide nothing.
    expect(await evaluateAll(later(25))).toEqual({ entities: 3, skipped: 3 });
    expect(factChanges).not.toHaveBeenCalled();
    expect(waiverChanges).not.toHaveBeenCalled();
    // The pass after it compares etags again, and reads what changed since.
    expect(await evaluateAll(later(26))).toEqual({ entities: 3, skipped: 3 });
    expect(factChanges).toHaveBeenCalledTimes(1);
    expect(waiverChanges).toHaveBeenCalledTimes(1);
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
    const { store, waiveAvailability, evaluateAll, check, readInFull } =
      await setup();
    await waiveAvailability(
      'New SLO dashboards land next month',
      '2027-03-01T00:00:00.000Z',
    );
    await evaluateAll(later(2));
    expect(readInFull()).toEqual([PAYMENTS]);
    expect((await check('availability'))?.state).toBe('waived');

    await store.revokeWaiver('w1', 'user:default/council', later(3));
    await evaluateAll(later(4));
    expect(readInFull()).toEqual([PAYMENTS]);
    expect((await check('availability'))?.state).toBe('unknown');
  });

  it('re-evaluates an entity one of whose verdicts expires with time', async () => {
    const { waiveAvailability, evaluateAll, check, readInFull } = await setup();
    await waiveAvailability(
      'Until the dashboards land',
      later(3).toISOString(),
    );
    await evaluateAll(later(2));
    expect((await check('availability'))?.state).toBe('waived');

    // Nothing was written since: only time tells.
    await evaluateAll(later(4));
    expect(readInFull()).toEqual([PAYMENTS]);
    expect((await check('availability'))?.state).toBe('unknown');
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

    await readLedgerAdr(adrs, later(2));
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
});
