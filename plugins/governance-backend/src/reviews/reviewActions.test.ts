import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startGovernanceTestBackend } from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';

async function start(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const registry = actionsRegistryServiceMock();
  await startGovernanceTestBackend({
    entities: [tieredComponent('payments')],
    permission,
    features: [
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
    ],
  });
  return registry;
}

const JANE = mockCredentials.user('user:default/jane');

describe('governance actions', () => {
  it('request a review, list it among the open reviews and read the summary, as the caller', async () => {
    const registry = await start();
    // The mock registry names every action's plugin `test`; in a backend they are `governance:`.
    expect((await registry.list()).actions.map(a => a.id).sort()).toEqual([
      'test:get-adr-successors',
      'test:get-entity-campaigns',
      'test:get-entity-governance-summary',
      'test:list-campaigns',
      'test:list-governing-decisions',
      'test:list-open-reviews',
      'test:request-review',
    ]);

    const requested = await registry.invoke({
      id: 'test:request-review',
      input: {
        entityRef: 'component:default/payments',
        title: 'Introduce a ledger service',
      },
      credentials: JANE,
    });
    expect(requested.output).toMatchObject({ status: 'open' });

    const open = await registry.invoke({
      id: 'test:list-open-reviews',
      input: { entityRef: 'component:default/payments' },
      credentials: JANE,
    });
    expect(open.output).toMatchObject({
      totalCount: 1,
      items: [
        {
          kind: 'design-review',
          title: 'Introduce a ledger service',
          status: 'open',
          overdue: false,
        },
      ],
    });

    const summary = await registry.invoke({
      id: 'test:get-entity-governance-summary',
      input: { entityRef: 'component:default/payments' },
      credentials: JANE,
    });
    expect(summary.output).toMatchObject({
      summary: {
        entityRef: 'component:default/payments',
        tier: { name: 'core' },
        // An agent learns the level and what the next one takes.
        level: {
          required: 'silver',
          next: { failingChecks: expect.any(Array) },
        },
      },
    });
  });

  it('refuses a review request without the permission, or from a service', async () => {
    const denied = await start(AuthorizeResult.DENY);
    await expect(
      denied.invoke({
        id: 'test:request-review',
        input: { entityRef: 'component:default/payments', title: 'x' },
        credentials: JANE,
      }),
    ).rejects.toThrow('governance.review.create');

    const allowed = await start();
    await expect(
      allowed.invoke({
        id: 'test:request-review',
        input: { entityRef: 'component:default/payments', title: 'x' },
        credentials: mockCredentials.service(),
      }),
    ).rejects.toThrow('needs a signed-in user');
  });

  it('refuses an entity ref longer than the HTTP API takes', async () => {
    const actions = await start();
    await expect(
      actions.invoke({
        id: 'test:get-entity-governance-summary',
        input: { entityRef: `component:default/${'a'.repeat(300)}` },
        credentials: JANE,
      }),
    ).rejects.toThrow(/entityRef/);
  });
});
