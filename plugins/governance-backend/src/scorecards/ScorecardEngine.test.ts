import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseGovernanceStore } from '../database/DatabaseGovernanceStore';
import { ScorecardEngine } from './ScorecardEngine';
import { component } from '../__testUtils__/catalogEntities';
import { defaultScorecardEngine } from '../__testUtils__/defaultEngines';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

describeEachDatabase('ScorecardEngine', database => {
  async function setup(entities: Entity[]) {
    const store = await DatabaseGovernanceStore.create({
      database: mockServices.database({
        knex: await database.empty(),
        migrations: { skip: false },
      }),
    });
    const engine = (catalogEntities: Entity[]) =>
      defaultScorecardEngine({
        catalog: catalogServiceMock({ entities: catalogEntities }),
        store,
      });
    return { store, engine: engine(entities), engineFor: engine };
  }

  it('evaluates every tiered entity and stores one result per check', async () => {
    const { store, engine } = await setup([
      component('payments', {
        'governance/tier': 'critical',
        'governance/availability-slo': '99.99',
      }),
      component('search', { 'governance/tier': 'supporting' }),
      component('untiered', {}),
    ]);
    const now = new Date('2026-11-25T00:00:00Z');
    expect(await engine.evaluateAll(now)).toEqual({
      entities: 2,
      skipped: 0,
    });

    const payments = await store.getResults('component:default/payments');
    expect(payments?.evaluatedAt).toBe(now.toISOString());
    expect(payments?.results.map(r => [r.checkId, r.state])).toEqual([
      ['availability', 'pass'],
      ['p95-latency', 'unknown'],
      ['security-review', 'unknown'],
      ['coverage', 'unknown'],
      ['testing-load', 'unknown'],
    ]);
    expect(
      await store.getResults('component:default/untiered'),
    ).toBeUndefined();
  });

  it('removes the current results of an entity that left the catalog, keeping its history', async () => {
    const payments = component('payments', { 'governance/tier': 'core' });
    const search = component('search', { 'governance/tier': 'core' });
    const { store, engine, engineFor } = await setup([payments, search]);
    await engine.evaluateAll(new Date('2026-11-24T00:00:00Z'));

    await engineFor([payments]).evaluateAll(new Date('2026-11-25T00:00:00Z'));

    expect(await store.getResults('component:default/search')).toBeUndefined();
    expect(await store.getResults('component:default/payments')).toBeDefined();
    expect(
      await store.listTransitions('component:default/search', new Date(0)),
    ).not.toHaveLength(0);
  });

  it('turns a pushed measurement into a pass on the next evaluation of that entity', async () => {
    const { store, engine } = await setup([
      component('payments', { 'governance/tier': 'core' }),
    ]);
    const now = new Date('2026-11-25T00:00:00Z');
    await store.addFacts(
      [
        {
          entityRef: 'component:default/payments',
          name: 'testingKinds',
          value: ['unit', 'integration'],
          source: 'ci/github-actions',
          observedAt: '2026-11-24T00:00:00.000Z',
        },
      ],
      now,
    );
    const results = await engine.evaluateEntity('component:default/payments', {
      now,
    });
    expect(
      results.find(r => r.checkId === 'testing-integration'),
    ).toMatchObject({
      state: 'pass',
      origin: 'measured',
      source: 'ci/github-actions',
    });
  });
});

describe('custom checks', () => {
  const engineWith = (
    customChecks: ConstructorParameters<
      typeof ScorecardEngine
    >[0]['customChecks'],
  ) =>
    defaultScorecardEngine({
      catalog: catalogServiceMock(),
      store: {} as DatabaseGovernanceStore,
      customChecks,
    });
  const check = {
    title: 'x',
    target: 'x',
    evaluate: () => ({ state: 'pass' as const, actual: 'x' }),
  };

  it('refuses a custom check that reads a fact nobody declared, naming the config key', () => {
    expect(() =>
      engineWith([{ ...check, id: 'burn', factName: 'errorBudgetBurn' }]),
    ).toThrow(
      "reads the unknown fact 'errorBudgetBurn'; declare it under governance.facts.errorBudgetBurn",
    );
  });

  it('refuses a custom check that reuses the id of a tier check', () => {
    expect(() =>
      engineWith([{ ...check, id: 'coverage', factName: 'coverage' }]),
    ).toThrow("Custom governance check 'coverage' reuses the id");
  });
});
