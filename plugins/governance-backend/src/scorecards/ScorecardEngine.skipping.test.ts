import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEPENDENCIES_CHECK_ID,
  readLevelPolicy,
  readTierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import { evaluatedService } from '../__testUtils__/catalogEntities';
import { defaultScorecardEngine } from '../__testUtils__/defaultEngines';
import {
  LEDGER,
  NOW,
  PAYMENTS,
  later,
  readLedgerAdr,
} from '../__testUtils__/scorecardEngineFixtures';
import { scorecardEngineStores } from '../__testUtils__/scorecardEngineStores';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const payments = (
  annotations: Record<string, string> = {},
  options: { owner?: string } = {},
) =>
  evaluatedService(
    'payments',
    {
      'governance/tier': 'core',
      'governance/last-security-review': '2026-10-01',
      ...annotations,
    },
    { ...options, dependsOn: [LEDGER] },
  );
const ledger = (tier = 'core') =>
  evaluatedService('ledger', { 'governance/tier': tier }, { dependsOn: [] });

/** The council's waiver of payments' availability check, which payments does not declare. */
const availabilityWaiver = (expiresAt: string, createdAt: Date) => ({
  id: 'w1',
  entityRef: PAYMENTS,
  checkId: 'availability',
  reason: 'New SLO dashboards land next month',
  expiresAt,
  createdBy: 'user:default/council',
  createdAt: createdAt.toISOString(),
});

describeEachDatabase('skipping unchanged entities', database => {
  async function setup() {
    const { knex, store, adrs, storedResult } = await scorecardEngineStores(
      database,
    );
    // Each pass gets a new engine, as a pass on another replica would: what lets it skip
    // lives in the database.
    const evaluateAll = (
      now: Date,
      entities: Entity[] = [payments(), ledger()],
      governance: object = {},
    ) => {
      const config = new ConfigReader({ governance });
      const tierPolicies = readTierPolicies(config);
      return defaultScorecardEngine({
        catalog: catalogServiceMock({ entities }),
        store,
        adrs,
        tierPolicies,
        levelPolicy: readLevelPolicy(config, { tierPolicies }),
      }).evaluateAll(now);
    };
    const check = (checkId: string, entityRef = PAYMENTS) =>
      storedResult(entityRef, checkId);
    const pushFact = (name: string, value: number, observedAt: Date) =>
      store.addFacts(
        [
          {
            entityRef: PAYMENTS,
            name,
            value,
            source: 'ci',
            observedAt: observedAt.toISOString(),
          },
        ],
        observedAt,
      );
    await pushFact('coverage', 90, NOW);
    expect(await evaluateAll(NOW)).toEqual({ entities: 2, skipped: 0 });
    return { knex, store, adrs, evaluateAll, check, pushFact };
  }

  it('skips entities whose inputs did not change, keeping their results and moving their evaluation time', async () => {
    const { store, evaluateAll, check } = await setup();
    const before = await check('coverage');

    expect(await evaluateAll(later(1))).toEqual({ entities: 2, skipped: 2 });
    expect(await check('coverage')).toEqual(before);
    expect((await store.getResults(PAYMENTS))?.evaluatedAt).toBe(
      later(1).toISOString(),
    );
  });

  it.each([
    {
      change: 'an entity whose annotations changed',
      checkId: 'availability',
      stateBefore: 'unknown',
      entities: [
        payments({ 'governance/availability-slo': '99.99' }),
        ledger(),
      ],
      governance: {},
      skipped: 1,
      resultAfter: { state: 'pass', origin: 'declared' },
    },
    {
      change: 'every entity when its tier policy changes',
      checkId: 'coverage',
      stateBefore: 'pass',
      entities: undefined,
      governance: {
        tiers: { core: { testing: { minCoveragePercent: 95 } } },
      },
      skipped: 0,
      resultAfter: { state: 'fail', target: '>= 95%' },
    },
    {
      change: 'an entity whose dependency changed tier',
      checkId: DEPENDENCIES_CHECK_ID,
      stateBefore: 'pass',
      entities: [payments(), ledger('supporting')],
      governance: {},
      skipped: 0,
      resultAfter: {
        state: 'fail',
        actual: 'component:default/ledger (supporting)',
      },
    },
  ])(
    're-evaluates $change',
    async ({
      checkId,
      stateBefore,
      entities,
      governance,
      skipped,
      resultAfter,
    }) => {
      const { evaluateAll, check } = await setup();
      expect((await check(checkId))?.state).toBe(stateBefore);

      const run = await evaluateAll(later(1), entities, governance);
      expect(run.skipped).toBe(skipped);
      expect(await check(checkId)).toMatchObject(resultAfter);
    },
  );

  it('re-evaluates an entity whose owner changed, so the roll-ups move it', async () => {
    const { store, evaluateAll } = await setup();
    await evaluateAll(later(1), [
      payments({}, { owner: 'group:default/team-ledger' }),
      ledger(),
    ]);
    expect(
      (await store.getComplianceRollup('owner', {})).groups
        .map(g => g.key)
        .sort(),
    ).toEqual(['group:default/team-ledger', 'group:default/team-payments']);
  });

  it('re-evaluates when the level configuration changes', async () => {
    const { knex, evaluateAll } = await setup();
    const level = async () =>
      (
        await knex('evaluated_entities')
          .where({ entity_ref: PAYMENTS })
          .first('level')
      ).level;
    expect(await level()).toBeNull();

    await evaluateAll(later(1), undefined, {
      levels: [{ name: 'bronze', checks: ['coverage'] }],
      tiers: {
        critical: { requiredLevel: 'bronze' },
        core: { requiredLevel: 'bronze' },
        supporting: { requiredLevel: false },
      },
    });
    expect(await level()).toBe('bronze');
  });

  it('re-evaluates an entity whose fact value or observation time changed', async () => {
    const { evaluateAll, check, pushFact } = await setup();
    await pushFact('coverage', 40, later(1));
    expect((await evaluateAll(later(1))).skipped).toBe(1);
    expect(await check('coverage')).toMatchObject({
      state: 'fail',
      actual: '40%',
    });

    // The same value measured again: the result now says when.
    await pushFact('coverage', 40, later(2));
    await evaluateAll(later(2));
    expect((await check('coverage'))?.observedAt).toBe(later(2).toISOString());
  });

  it('re-evaluates an entity whose waivers changed', async () => {
    const { store, evaluateAll, check } = await setup();
    await store.createWaiver(
      availabilityWaiver('2027-03-01T00:00:00.000Z', later(1)),
    );
    await evaluateAll(later(1));
    expect((await check('availability'))?.state).toBe('waived');

    await store.revokeWaiver('w1', 'user:default/council', later(2));
    await evaluateAll(later(2));
    expect((await check('availability'))?.state).toBe('unknown');
  });

  it('re-evaluates an entity when an accepted ADR accepts its dependency', async () => {
    const { adrs, evaluateAll, check } = await setup();
    const entities = [payments(), ledger('supporting')];
    await evaluateAll(later(1), entities);
    expect((await check(DEPENDENCIES_CHECK_ID))?.state).toBe('fail');
    await readLedgerAdr(adrs, later(2));
    expect((await evaluateAll(later(2), entities)).skipped).toBe(1);
    expect((await check(DEPENDENCIES_CHECK_ID))?.state).toBe('pass');
  });

  it('re-evaluates when time alone changes a verdict: a fact goes stale, a waiver expires, a review falls due', async () => {
    const { store, evaluateAll, check } = await setup();
    await store.createWaiver(
      availabilityWaiver('2026-12-10T00:00:00.000Z', NOW),
    );
    await evaluateAll(later(1));
    expect((await check('availability'))?.state).toBe('waived');
    expect((await evaluateAll(later(2))).skipped).toBe(2);

    // The waiver expires on 10 December: nothing else changed.
    await evaluateAll(new Date('2026-12-10T00:00:00Z'));
    expect((await check('availability'))?.state).toBe('unknown');

    // Coverage measured on 6 December is stale 30 days later.
    expect((await check('coverage'))?.stale).toBe(false);
    await evaluateAll(new Date('2027-01-05T12:00:01Z'));
    expect(await check('coverage')).toMatchObject({
      state: 'unknown',
      stale: true,
    });

    // A core service's review of 1 October is due on 1 April, and warns before.
    expect((await check('security-review'))?.state).toBe('pass');
    await evaluateAll(new Date('2027-04-02T00:00:00Z'));
    expect((await check('security-review'))?.state).toBe('fail');
  });
});
