import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { DateTime } from 'luxon';
import {
  governanceApi,
  pushPaymentsFact,
  startGovernanceTestBackend,
} from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';

// A whole backend starts, evaluates and serves: slow on a loaded machine.
jest.setTimeout(60_000);

const JANE = mockCredentials.user('user:default/jane');
const PAYMENTS = 'component:default/payments';

describe('campaign actions', () => {
  it('list the campaigns with their progress and the campaigns of an entity', async () => {
    const registry = actionsRegistryServiceMock();
    const server = await startGovernanceTestBackend({
      entities: [tieredComponent('payments')],
      features: [
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: {},
          factory: () => registry,
        }),
      ],
    });
    await pushPaymentsFact(server, { value: 50 }).expect(201);
    const deadline = DateTime.utc().plus({ days: 20 }).toISODate()!;
    const { body } = await governanceApi(server, mockCredentials.user.header())
      .post('/campaigns')
      .send({
        title: 'Coverage for core services',
        checks: ['coverage'],
        target: { entityRefs: [PAYMENTS] },
        deadline,
      })
      .expect(201);

    const listed = await registry.invoke({
      id: 'test:list-campaigns',
      input: {},
      credentials: JANE,
    });
    expect(listed.output).toEqual({
      items: [
        {
          id: body.id,
          title: 'Coverage for core services',
          checks: ['coverage'],
          deadline,
          state: 'active',
          done: 0,
          notDone: 1,
        },
      ],
    });
    const closed = await registry.invoke({
      id: 'test:list-campaigns',
      input: { state: 'closed' },
      credentials: JANE,
    });
    expect(closed.output).toEqual({ items: [] });

    const ofPayments = await registry.invoke({
      id: 'test:get-entity-campaigns',
      input: { entityRef: PAYMENTS },
      credentials: JANE,
    });
    expect(ofPayments.output).toEqual({
      items: [
        {
          id: body.id,
          title: 'Coverage for core services',
          deadline,
          state: 'active',
          done: false,
        },
      ],
    });
  });
});
