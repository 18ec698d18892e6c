import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import governancePlugin from '@catalog-governance/backstage-plugin-governance-backend';
import permissionBackend from '@backstage/plugin-permission-backend';
import type { Server } from 'node:http';
import request from 'supertest';
import { governancePermissionPolicy } from './module';

// Each test starts a backend with the real permission framework: seconds on a busy machine.
jest.setTimeout(30_000);

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', annotations: { 'governance/tier': 'core' } },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};
const council: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'architecture-council' },
  spec: { type: 'team', children: [] },
  relations: ['grace', 'margaret'].map(name => ({
    type: 'hasMember',
    targetRef: `user:default/${name}`,
  })),
};
const users = ['jane', 'grace', 'margaret'].map(
  (name): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: {},
  }),
);

/**
 * The real permission framework: the permission backend with the example policy, and the
 * default permissions service the governance backend asks over HTTP.
 */
async function start(councilGroup?: string) {
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      permissionBackend,
      governancePermissionPolicy,
      permissionsServiceFactory,
      catalogServiceMock.factory({ entities: [payments, council, ...users] }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          governance: councilGroup ? { council: { group: councilGroup } } : {},
        },
      }),
    ],
  });
  return server;
}

const as = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);

/** Anyone may request a review: the item each test then triages, decides or waives. */
const requestReview = (server: Server, name: string) =>
  request(server)
    .post('/api/governance/reviews')
    .set('Authorization', as(name))
    .send({
      entityRef: 'component:default/payments',
      kind: 'design-review',
      title: 'New queue',
    });

describe('the example permission policy', () => {
  it('lets anyone request a review and only council members triage, decide and grant waivers', async () => {
    const server = await start('group:default/architecture-council');
    const created = await requestReview(server, 'jane');
    expect(created.status).toBe(201);
    const id = created.body.id;

    const byJane = await request(server)
      .patch(`/api/governance/reviews/${id}`)
      .set('Authorization', as('jane'))
      .send({ version: 1, priority: 'high' });
    expect(byJane.status).toBe(403);
    expect(byJane.body.error.message).toContain('governance.review.triage');

    const byGrace = await request(server)
      .patch(`/api/governance/reviews/${id}`)
      .set('Authorization', as('grace'))
      .send({
        version: 1,
        priority: 'high',
        assignee: 'user:default/margaret',
      });
    expect(byGrace.status).toBe(200);

    const decidedByJane = await request(server)
      .patch(`/api/governance/reviews/${id}`)
      .set('Authorization', as('jane'))
      .send({ version: 2, status: 'approved', rationale: 'Fine by me' });
    expect(decidedByJane.status).toBe(403);
    expect(decidedByJane.body.error.message).toContain(
      'governance.review.decide',
    );
    const decidedByMargaret = await request(server)
      .patch(`/api/governance/reviews/${id}`)
      .set('Authorization', as('margaret'))
      .send({ version: 2, status: 'approved', rationale: 'Bounded, owned' });
    expect(decidedByMargaret.status).toBe(200);

    const inAWeek = new Date();
    inAWeek.setUTCDate(inAWeek.getUTCDate() + 7);
    const waiver = {
      entityRef: 'component:default/payments',
      checkId: 'coverage',
      reason: 'Rewrite underway',
      expiresAt: inAWeek.toISOString(),
    };
    const waiverByJane = await request(server)
      .post('/api/governance/waivers')
      .set('Authorization', as('jane'))
      .send(waiver);
    expect(waiverByJane.status).toBe(403);
    const waiverByGrace = await request(server)
      .post('/api/governance/waivers')
      .set('Authorization', as('grace'))
      .send(waiver);
    expect(waiverByGrace.status).toBe(201);
  });

  it('denies the council permissions to everyone when no council group is configured', async () => {
    const server = await start();
    const created = await requestReview(server, 'grace');
    expect(created.status).toBe(201);
    const triage = await request(server)
      .patch(`/api/governance/reviews/${created.body.id}`)
      .set('Authorization', as('grace'))
      .send({ version: 1, priority: 'high' });
    expect(triage.status).toBe(403);
  });
});
