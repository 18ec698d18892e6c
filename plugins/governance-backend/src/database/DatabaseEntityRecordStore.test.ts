import { checkResult } from '@catalog-governance/backstage-plugin-governance-common/testUtils';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';
import { DatabaseGovernanceStore } from './DatabaseGovernanceStore';

const PAYMENTS = 'component:default/payments';
const NOW = new Date('2026-12-06T12:00:00Z');

describeEachDatabase('the record of one entity', ({ migrated }) => {
  async function setup() {
    const knex = await migrated();
    return new DatabaseGovernanceStore(knex);
  }

  it('reads the tier and the results as their own reads do, in one query', async () => {
    const store = await setup();
    await store.syncTiers([{ entityRef: PAYMENTS, tier: 'core' }], NOW);

    expect(await store.getEntityRecord(PAYMENTS)).toEqual({
      tier: await store.getEntityTier(PAYMENTS),
      results: undefined,
    });
    expect((await store.getEntityRecord(PAYMENTS)).tier).toMatchObject({
      entityRef: PAYMENTS,
      tier: 'core',
    });
  });

  it('reads the results with their owner as the scorecard store does', async () => {
    const store = await setup();
    await store.storeEvaluations(
      [
        {
          entityRef: PAYMENTS,
          placement: { owner: 'group:default/team-a', tier: 'core' },
          results: [checkResult('coverage', 'pass')],
        },
      ],
      NOW,
    );

    const record = await store.getEntityRecord(PAYMENTS);

    expect(record.tier).toBeUndefined();
    expect(record.results).toEqual(await store.getResultsAndOwner(PAYMENTS));
    expect(record.results).toMatchObject({
      owner: 'group:default/team-a',
      evaluatedAt: NOW.toISOString(),
      results: [{ checkId: 'coverage', state: 'pass' }],
    });
  });

  it('reads nothing of an entity it has never seen', async () => {
    const store = await setup();

    expect(await store.getEntityRecord(PAYMENTS)).toEqual({
      tier: undefined,
      results: undefined,
    });
  });
});
