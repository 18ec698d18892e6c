import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogServiceMock,
  catalogServiceMock,
} from '@backstage/plugin-catalog-node/testUtils';
import { readTierPolicies } from '@catalog-governance/backstage-plugin-governance-common';
import { teamGroup, tieredComponent } from '../__testUtils__/catalogEntities';
import { defaultScorecardEngine } from '../__testUtils__/defaultEngines';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { visibleCatalog } from '../__testUtils__/visibleCatalog';
import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';
import { EntitySummaryService } from './EntitySummaryService';

const PAYMENTS = 'component:default/payments';
const NOW = new Date('2026-12-06T12:00:00Z');
const members = (count: number) =>
  Array.from({ length: count }, (_, i) => `user:default/member-${i}`);

describeEachDatabase('the summary of an entity', database => {
  async function setup(
    entities: Entity[],
    hidden: (ref: string) => boolean = () => false,
  ) {
    const knex = await database.migrated();
    const store = new DatabaseGovernanceStore(knex);
    const catalog = visibleCatalog(entities, (_caller, ref) => hidden(ref));
    const scorecards = defaultScorecardEngine({ catalog, store });
    const summaries = new EntitySummaryService({
      catalog,
      store,
      scorecards,
      tierPolicies: readTierPolicies(new ConfigReader({})),
      validationMode: 'warn',
      now: () => NOW,
    });
    const byRef = jest.spyOn(catalog, 'getEntityByRef');
    return { catalog, store, scorecards, summaries, byRef };
  }

  it('reads an evaluated entity and its team in one catalog request, with only the fields it shows', async () => {
    const { catalog, scorecards, summaries, byRef } = await setup([
      tieredComponent('payments', 'core', 'team-a', {
        'governance/test-coverage': '95',
      }),
      teamGroup('team-a', members(4)),
    ]);
    await scorecards.evaluateAll(NOW);
    // The team's size is read by the first summary; later ones reuse it (see below).
    await summaries.getSummary(PAYMENTS, mockCredentials.user());
    catalog.batchReads.mockClear();

    const summary = await summaries.getSummary(
      PAYMENTS,
      mockCredentials.user(),
    );

    expect(byRef).not.toHaveBeenCalled();
    expect(catalog.batchReads).toHaveBeenCalledTimes(1);
    const [[request]] = catalog.batchReads.mock.calls;
    expect(request.entityRefs).toEqual([PAYMENTS, 'group:default/team-a']);
    expect(request.fields).not.toContain('spec');
    // A team's relations name everything it owns: thousands in a big catalog.
    expect(request.fields).not.toContain('relations');
    expect(summary).toMatchObject({
      entityRef: PAYMENTS,
      tier: { name: 'core' },
      scorecard: { evaluatedAt: NOW.toISOString() },
      ownership: { owner: 'group:default/team-a' },
      decisionScope: {
        status: 'resolved',
        team: 'group:default/team-a',
        memberCount: 4,
      },
    });
    expect(summary.scorecard).toEqual({
      results: expect.arrayContaining([
        expect.objectContaining({ checkId: 'coverage', state: 'pass' }),
      ]),
      evaluatedAt: NOW.toISOString(),
    });
  });

  it('follows an owner changed since the last evaluation to the new team', async () => {
    const teams = [
      teamGroup('team-a', members(4)),
      teamGroup('team-b', members(12)),
    ];
    const first = await setup([
      tieredComponent('payments', 'core', 'team-a'),
      ...teams,
    ]);
    await first.scorecards.evaluateAll(NOW);
    const moved = [tieredComponent('payments', 'core', 'team-b'), ...teams];
    const summaries = new EntitySummaryService({
      catalog: catalogServiceMock({ entities: moved }),
      store: first.store,
      scorecards: first.scorecards,
      tierPolicies: readTierPolicies(new ConfigReader({})),
      validationMode: 'warn',
    });

    expect(
      (await summaries.getSummary(PAYMENTS, mockCredentials.user()))
        .decisionScope,
    ).toMatchObject({
      status: 'resolved',
      team: 'group:default/team-b',
      memberCount: 12,
    });
  });

  it("reads a team's size at most once a minute, and asks every time whether the caller sees the team", async () => {
    const payments = tieredComponent('payments', 'core', 'team-a');
    const first = await setup([payments, teamGroup('team-a', members(4))]);
    await first.scorecards.evaluateAll(NOW);
    let catalog: CatalogServiceMock = first.catalog;
    let now = NOW.getTime();
    const summaries = new EntitySummaryService({
      catalog: catalogServiceMock.mock({
        getEntitiesByRefs: (request, options) =>
          catalog.getEntitiesByRefs(request, options),
      }),
      store: first.store,
      scorecards: first.scorecards,
      tierPolicies: readTierPolicies(new ConfigReader({})),
      validationMode: 'warn',
      now: () => new Date(now),
    });
    const decisionScope = async () =>
      (await summaries.getSummary(PAYMENTS, mockCredentials.user()))
        .decisionScope;
    const grown = [payments, teamGroup('team-a', members(9))];

    expect(await decisionScope()).toMatchObject({ memberCount: 4 });
    catalog = catalogServiceMock({ entities: grown });
    now += 30_000;
    expect(await decisionScope()).toMatchObject({ memberCount: 4 });
    catalog = visibleCatalog(grown, (_, ref) => ref === 'group:default/team-a');
    expect(await decisionScope()).toMatchObject({
      status: 'unknown',
      reason: 'The owning group group:default/team-a is not in the catalog.',
    });
    catalog = catalogServiceMock({ entities: grown });
    now += 31_000;
    expect(await decisionScope()).toMatchObject({ memberCount: 9 });
  });

  it('evaluates an entity never evaluated before, and reads its team', async () => {
    const { summaries, store } = await setup([
      tieredComponent('payments', 'core', 'team-a'),
      teamGroup('team-a', members(2)),
    ]);

    const summary = await summaries.getSummary(
      PAYMENTS,
      mockCredentials.user(),
    );

    expect(summary.scorecard?.evaluatedAt).toBe(NOW.toISOString());
    expect(summary.scorecard?.results).toEqual(
      (await store.getResults(PAYMENTS))?.results,
    );
    expect(summary.decisionScope).toMatchObject({ memberCount: 2 });
  });

  it('answers nothing of an evaluated entity the caller may not see, and says so of a hidden team', async () => {
    const entities = [
      tieredComponent('payments', 'core', 'team-a'),
      teamGroup('team-a', members(4)),
    ];
    const hiddenEntity = await setup(entities, ref => ref === PAYMENTS);
    await hiddenEntity.scorecards.evaluateAll(NOW);
    await expect(
      hiddenEntity.summaries.getSummary(PAYMENTS, mockCredentials.user()),
    ).rejects.toThrow(`No entity ${PAYMENTS} in the catalog`);

    const hiddenTeam = await setup(
      entities,
      ref => ref === 'group:default/team-a',
    );
    await hiddenTeam.scorecards.evaluateAll(NOW);
    expect(
      (await hiddenTeam.summaries.getSummary(PAYMENTS, mockCredentials.user()))
        .decisionScope,
    ).toEqual({
      status: 'unknown',
      team: 'group:default/team-a',
      reason: 'The owning group group:default/team-a is not in the catalog.',
    });
  });
});
