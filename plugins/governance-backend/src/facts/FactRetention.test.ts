import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import request from 'supertest';
import { startGovernanceTestBackend } from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';
import { visibleCatalog } from '../__testUtils__/visibleCatalog';

const component = (name: string) =>
  tieredComponent(name, 'core', 'team-a', { 'governance/test-coverage': '60' });

/** The catalog, from which the ledger service can be taken out and put back. */
function catalogWithLeavingLedger() {
  const state = { ledgerLeft: false };
  const catalog = visibleCatalog(
    [component('payments'), component('ledger')],
    (_, ref) => state.ledgerLeft && ref === 'component:default/ledger',
  );
  return { catalog, state };
}

async function startBackend() {
  const { catalog, state } = catalogWithLeavingLedger();
  const scheduler = mockServices.scheduler.mock();
  const server = await startGovernanceTestBackend({
    catalog,
    config: { governance: { scorecard: { factRetentionDays: 30 } } },
    features: [scheduler.factory],
  });
  /** Runs the scheduled evaluation, as its next tick would. */
  const evaluateAll = async () => {
    const task = scheduler.scheduleTask.mock.calls
      .map(([t]) => t)
      .find(t => t.id === 'governance-evaluate-scorecards')!;
    await task.fn(new AbortController().signal);
  };
  const push = (entity: string, observedAt: Date) =>
    request(server)
      .post('/api/governance/facts')
      .set('Authorization', mockCredentials.service.header())
      .send({
        entityRef: `component:default/${entity}`,
        name: 'coverage',
        value: 95,
        source: 'ci/github-actions',
        observedAt: observedAt.toISOString(),
      })
      .expect(201);
  const coverage = async (entity: string) =>
    (
      (
        await request(server)
          .get(`/api/governance/summary?entityRef=component:default/${entity}`)
          .set('Authorization', mockCredentials.user.header())
      ).body as EntityGovernanceSummary
    ).scorecard!.results.find(r => r.checkId === 'coverage')!;
  return { state, evaluateAll, push, coverage };
}

const daysAgo = (days: number) => DateTime.utc().minus({ days }).toJSDate();

describe('fact retention', () => {
  it('forgets facts older than governance.scorecard.factRetentionDays after the scheduled evaluation', async () => {
    const { evaluateAll, push, coverage } = await startBackend();
    await push('payments', daysAgo(31));
    await push('ledger', daysAgo(29));
    expect((await coverage('payments')).origin).toBe('measured');

    await evaluateAll();
    expect((await coverage('payments')).origin).toBe('declared');
    expect((await coverage('ledger')).origin).toBe('measured');
  });

  it('forgets the facts of an entity that left the catalog, so they do not come back with it', async () => {
    const { state, evaluateAll, push, coverage } = await startBackend();
    await push('ledger', daysAgo(1));
    state.ledgerLeft = true;
    await evaluateAll();
    state.ledgerLeft = false;
    expect((await coverage('ledger')).origin).toBe('declared');
  });
});
