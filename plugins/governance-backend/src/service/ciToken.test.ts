import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import request from 'supertest';
import {
  startGovernanceTestBackend,
  staticTokenConfig,
} from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';

/*
 * The example app's CI token as app-config.yaml declares it, checked by Backstage's own auth
 * and permission services rather than mocks: a token restricted to governance.fact.write
 * pushes facts and reads nothing.
 */

const TOKEN = 'local-dev-ci-token-for-tests';

function startBackend() {
  return startGovernanceTestBackend({
    entities: [tieredComponent('payments')],
    // Backstage's own services, not the mocks: they check the token as in production.
    permission: permissionsServiceFactory,
    config: staticTokenConfig(TOKEN, [
      // As in app-config.yaml.
      { plugin: 'governance', permission: 'governance.fact.write' },
    ]),
    features: [authServiceFactory, httpAuthServiceFactory],
  });
}

describe('the example CI token, restricted to governance.fact.write', () => {
  it('pushes facts and reads no compliance data, not even of the entity it pushed for', async () => {
    const server = await startBackend();
    const push = await request(server)
      .post('/api/governance/facts')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({
        entityRef: 'component:default/payments',
        name: 'coverage',
        value: 91,
        source: 'ci/github-actions',
      });
    expect(push.status).toBe(201);
    // The push evaluated the entity, so there is a roll-up row to hide.
    expect(push.body.evaluated).toBe(true);

    const get = (path: string) =>
      request(server)
        .get(`/api/governance${path}`)
        .set('Authorization', `Bearer ${TOKEN}`);
    const rollup = await get('/compliance?groupBy=tier');
    expect(rollup.status).toBe(200);
    expect(rollup.body.totals.entities).toBe(0);
    expect((await get('/compliance/entities')).body.totalItems).toBe(0);
    expect((await get('/compliance/entities.csv')).text.trim()).not.toContain(
      'payments',
    );
    expect((await get('/compliance/trend?days=7')).body.points).toEqual([]);
  });
});
