import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEPENDENCIES_CHECK_ID } from '@catalog-governance/backstage-plugin-governance-common';
import { evaluatedService } from '../__testUtils__/catalogEntities';
import { defaultScorecardEngine } from '../__testUtils__/defaultEngines';
import {
  firstAdr,
  NOW,
  PAYMENTS,
} from '../__testUtils__/scorecardEngineFixtures';
import { scorecardEngineStores } from '../__testUtils__/scorecardEngineStores';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

const entity = (
  kind: 'Component' | 'Resource',
  name: string,
  tier?: string,
  dependsOn: string[] = [],
) =>
  evaluatedService(name, tier ? { 'governance/tier': tier } : {}, {
    kind,
    dependsOn,
  });

const catalogEntities = [
  entity('Component', 'payments', 'critical', [
    'component:default/ledger',
    'component:default/feature-flags',
    'resource:default/cache',
  ]),
  entity('Component', 'ledger', 'critical'),
  entity('Component', 'feature-flags', 'supporting'),
  entity('Resource', 'cache'),
  entity('Component', 'search', 'core'),
];

describeEachDatabase('dependencies-meet-tier', database => {
  async function setup() {
    const { store, adrs, storedResult } = await scorecardEngineStores(database);
    const engine = defaultScorecardEngine({
      catalog: catalogServiceMock({ entities: catalogEntities }),
      store,
      adrs,
    });
    const dependencyCheck = () => storedResult(PAYMENTS, DEPENDENCIES_CHECK_ID);
    const mismatchesByOwner = async () =>
      (await store.getComplianceRollup('owner', {})).groups.map(g => [
        g.key,
        g.dependencyMismatches,
      ]);
    const recordAdr = (status: 'accepted' | 'proposed', body: string) =>
      adrs.replaceAdrs({
        entityRef: PAYMENTS,
        url: 'https://git.example.com/payments/docs/adr/',
        readAt: NOW,
        adrs: [
          firstAdr({
            id: 'p1',
            entityRef: PAYMENTS,
            folderUrl: 'https://git.example.com/payments/docs/adr/',
            path: '0001-use-feature-flags.md',
            title: 'Use the feature flag service',
            status,
            body,
          }),
        ],
      });
    return {
      store,
      engine,
      dependencyCheck,
      mismatchesByOwner,
      recordAdr,
    };
  }

  it('fails a critical service on its supporting and untiered dependencies, naming each, and counts them in the roll-up', async () => {
    const { engine, dependencyCheck, mismatchesByOwner } = await setup();
    await engine.evaluateAll(NOW);

    expect(await dependencyCheck()).toMatchObject({
      state: 'fail',
      target: 'depends only on critical',
      actual:
        'component:default/feature-flags (supporting), resource:default/cache (no tier)',
    });
    expect(await mismatchesByOwner()).toEqual([
      ['group:default/team-payments', 2],
    ]);
  });

  it('gives an entity without dependencies no dependency check', async () => {
    const { engine, store } = await setup();
    await engine.evaluateAll(NOW);
    const search = await store.getResults('component:default/search');
    expect(search?.results.map(r => r.checkId)).not.toContain(
      DEPENDENCIES_CHECK_ID,
    );
  });

  it('finds the same mismatches when one entity is evaluated on its own', async () => {
    const { engine, dependencyCheck } = await setup();
    const results = await engine.evaluateEntity(PAYMENTS, { now: NOW });
    expect(results.find(r => r.checkId === DEPENDENCIES_CHECK_ID)).toEqual(
      await dependencyCheck(),
    );
    expect((await dependencyCheck())?.actual).toBe(
      'component:default/feature-flags (supporting), resource:default/cache (no tier)',
    );
  });

  it('accepts a dependency that an accepted ADR names, but not one a proposed ADR names', async () => {
    const { engine, dependencyCheck, mismatchesByOwner, recordAdr } =
      await setup();
    await recordAdr(
      'proposed',
      'We depend on feature-flags and resource:default/cache.',
    );
    await engine.evaluateAll(NOW);
    expect(await mismatchesByOwner()).toEqual([
      ['group:default/team-payments', 2],
    ]);

    await recordAdr(
      'accepted',
      'We accept depending on feature-flags until it is core.',
    );
    await engine.evaluateAll(NOW);
    expect(await dependencyCheck()).toMatchObject({
      state: 'fail',
      actual: 'resource:default/cache (no tier)',
    });
    expect((await dependencyCheck())?.reason).toContain(
      'accepted in an ADR: component:default/feature-flags (supporting)',
    );
    expect(await mismatchesByOwner()).toEqual([
      ['group:default/team-payments', 1],
    ]);
  });

  it('shows a waived check as waived and leaves it out of the roll-up count', async () => {
    const { engine, store, dependencyCheck, mismatchesByOwner } = await setup();
    await store.createWaiver({
      id: 'w1',
      entityRef: PAYMENTS,
      checkId: DEPENDENCIES_CHECK_ID,
      reason: 'Flags and cache move up a tier next quarter',
      expiresAt: '2027-03-01T00:00:00.000Z',
      createdBy: 'user:default/council',
      createdAt: NOW.toISOString(),
    });
    await engine.evaluateAll(NOW);
    expect(await dependencyCheck()).toMatchObject({
      state: 'waived',
      actual:
        'component:default/feature-flags (supporting), resource:default/cache (no tier)',
    });
    expect(await mismatchesByOwner()).toEqual([
      ['group:default/team-payments', 0],
    ]);
  });
});
