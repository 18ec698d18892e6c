import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { governancePlugin } from '../plugin';

/*
 * The example app's CI token as app-config.yaml declares it, checked by Backstage's own auth
 * and permission services rather than mocks: a token restricted to governance.fact.write
 * pushes facts and reads nothing.
 */

const TOKEN = 'local-dev-ci-token-for-tests';

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    annotations: { 'governance/tier': 'core' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      authServiceFactory,
      httpAuthServiceFactory,
      permissionsServiceFactory,
      catalogServiceMock.factory({ entities: [payments] }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: TOKEN, subject: 'ci-facts' },
                  // As in app-config.yaml.
                  accessRestrictions: [
                    {
                      plugin: 'governance',
                      permission: 'governance.fact.write',
                    },
                  ],
                },
              ],
            },
          },
        },
      }),
    ],
  });
  return server;
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
