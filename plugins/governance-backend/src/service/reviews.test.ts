import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { auditorMock } from '../__testUtils__/auditorMock';
import {
  councilPermissions,
  recordedNotifications,
  startGovernanceTestBackend,
} from '../__testUtils__/governanceTestBackend';
import { teamGroup, tieredComponent } from '../__testUtils__/catalogEntities';
import {
  catalogReadDecisions,
  catalogHidingFrom,
} from '../__testUtils__/visibleCatalog';
import { GRACE, JANE } from '../__testUtils__/users';

const payments: Entity = {
  ...tieredComponent('payments', 'core', 'group:default/team-a'),
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
};
const user = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: {},
});

/**
 * Grace is the council and may do everything; others only request reviews. The catalog's read
 * permission: conditional for Jane (the catalog hides the vault from her), allowed to everyone
 * else.
 */
const permissions = councilPermissions(
  GRACE,
  catalogReadDecisions({ conditional: JANE }),
);

const vault: Entity = {
  ...payments,
  metadata: { name: 'vault', annotations: { 'governance/tier': 'critical' } },
};

/**
 * The catalog as its read permission shows it: Jane cannot see the vault service, everyone
 * else sees everything.
 */
const catalogHidingVaultFromJane = () =>
  catalogHidingFrom(JANE, 'component:default/vault', [
    payments,
    vault,
    teamGroup('council', [GRACE]),
    user('jane'),
    user('grace'),
    user('ada'),
  ]);

async function startBackend() {
  const notifications = recordedNotifications();
  const auditor = auditorMock();
  const server = await startGovernanceTestBackend({
    catalog: catalogHidingVaultFromJane(),
    permission: permissions.factory,
    config: { governance: { council: { group: 'group:default/council' } } },
    anonymous: true,
    notifications: notifications.factory,
    features: [auditor.factory],
  });
  return { server, sent: notifications.sent, auditor };
}

type Server = Awaited<ReturnType<typeof startBackend>>['server'];

const as = (who: string) => mockCredentials.user.header(who);

async function requestReview(server: Server, body: object = {}) {
  return request(server)
    .post('/api/governance/reviews')
    .set('Authorization', as(JANE))
    .send({
      entityRef: 'component:default/payments',
      kind: 'design-review',
      title: 'Move ledger to its own service',
      description: 'Latency of ledger writes.',
      ...body,
    });
}

const patch = (server: Server, id: string, who: string, body: object) =>
  request(server)
    .patch(`/api/governance/reviews/${id}`)
    .set('Authorization', as(who))
    .send(body);

/** A PATCH that only moves a review from `version` to `status`, as `who`. */
const move = (
  server: Server,
  id: string,
  who: string,
  version: number,
  status: string,
) => patch(server, id, who, { version, status });

describe('review queue', () => {
  it('lets anyone request a review and the council triage, discuss and decide it, notifying each party', async () => {
    const { server, sent } = await startBackend();
    const created = await requestReview(server);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'open',
      priority: 'medium',
      version: 1,
      origin: { type: 'user', requestedBy: JANE },
    });
    const id = created.body.id;
    expect(sent).toContainEqual(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: ['group:default/council'] },
      }),
    );

    const triaged = await patch(server, id, GRACE, {
      version: 1,
      status: 'in-review',
      assignee: GRACE,
      priority: 'high',
      dueDate: '2027-01-15',
    });
    expect(triaged.status).toBe(200);
    expect(triaged.body).toMatchObject({
      status: 'in-review',
      assignee: GRACE,
      priority: 'high',
      dueDate: '2027-01-15',
      version: 2,
    });
    expect(sent).toContainEqual(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: [GRACE] },
        payload: expect.objectContaining({
          title: 'Review assigned to you: Move ledger to its own service',
        }),
      }),
    );

    const comment = await request(server)
      .post(`/api/governance/reviews/${id}/comments`)
      .set('Authorization', as(JANE))
      .send({ body: 'We measured p95 at 1.8 s.' });
    expect(comment.status).toBe(201);

    const decided = await patch(server, id, GRACE, {
      version: 2,
      status: 'approved',
      rationale: 'Clear boundary, owned by one team',
      decisionAdr: 'https://example.com/adr/0007.md',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.decision).toMatchObject({
      outcome: 'approved',
      rationale: 'Clear boundary, owned by one team',
      adr: 'https://example.com/adr/0007.md',
      decidedBy: GRACE,
    });
    expect(decided.body.comments).toEqual([
      expect.objectContaining({
        author: JANE,
        body: 'We measured p95 at 1.8 s.',
      }),
    ]);
    expect(
      decided.body.history.map((h: { action: string }) => h.action),
    ).toEqual(['created', 'updated', 'commented', 'updated']);
    expect(sent).toContainEqual(
      expect.objectContaining({
        recipients: {
          type: 'entity',
          entityRef: [JANE, 'group:default/team-a'],
        },
        payload: expect.objectContaining({
          title: 'Review approved: Move ledger to its own service',
        }),
      }),
    );

    const listed = await request(server)
      .get(
        '/api/governance/reviews?entityRef=component:default/payments&status=approved',
      )
      .set('Authorization', as(JANE));
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('answers 403 when someone outside the council triages or decides, and shows nothing changed', async () => {
    const { server } = await startBackend();
    const { body: item } = await requestReview(server);
    const triage = await patch(server, item.id, JANE, {
      version: 1,
      assignee: JANE,
    });
    expect(triage.status).toBe(403);
    expect(triage.body.error.message).toContain('governance.review.triage');
    const decide = await patch(server, item.id, JANE, {
      version: 1,
      status: 'approved',
      rationale: 'Looks good to me',
    });
    expect(decide.status).toBe(403);
    expect(decide.body.error.message).toContain('governance.review.decide');
    const after = await request(server)
      .get(`/api/governance/reviews/${item.id}`)
      .set('Authorization', as(JANE));
    expect(after.body).toMatchObject({ status: 'open', version: 1 });
  });

  it('lets the requester withdraw their own request, but not someone else', async () => {
    const { server } = await startBackend();
    const { body: item } = await requestReview(server);
    const byOther = await move(
      server,
      item.id,
      'user:default/ada',
      1,
      'withdrawn',
    );
    expect(byOther.status).toBe(403);
    const byRequester = await move(server, item.id, JANE, 1, 'withdrawn');
    expect(byRequester.status).toBe(200);
    expect(byRequester.body.status).toBe('withdrawn');
  });

  it('answers 409 with the current item when the update is based on a stale version', async () => {
    const { server } = await startBackend();
    const { body: item } = await requestReview(server);
    expect(
      (await patch(server, item.id, GRACE, { version: 1, priority: 'high' }))
        .status,
    ).toBe(200);
    const stale = await patch(server, item.id, GRACE, {
      version: 1,
      priority: 'low',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('changed by someone else');
    expect(stale.body.item).toMatchObject({ priority: 'high', version: 2 });
  });

  it('refuses an invalid status move naming the allowed next states, and a decision without rationale', async () => {
    const { server } = await startBackend();
    const { body: item } = await requestReview(server);
    await move(server, item.id, JANE, 1, 'withdrawn');
    const reopen = await move(server, item.id, GRACE, 2, 'in-review');
    expect(reopen.status).toBe(400);
    expect(reopen.body.error.message).toBe(
      'A review cannot move from withdrawn to in-review; allowed next: none (withdrawn is final)',
    );

    const { body: other } = await requestReview(server);
    const noRationale = await move(server, other.id, GRACE, 1, 'rejected');
    expect(noRationale.status).toBe(400);
    expect(noRationale.body.error.message).toContain('needs a rationale');
    const toOpen = await move(server, other.id, GRACE, 1, 'in-review');
    expect(toOpen.status).toBe(200);
    const back = await move(server, other.id, GRACE, 2, 'withdrawn');
    expect(back.status).toBe(200);
  });

  it.each([
    [
      { kind: 'lunch' },
      'kind "lunch" is not allowed, expected one of design-review',
    ],
    [{ title: '' }, 'title is required'],
    [{ entityRef: 'nope' }, 'entityRef "nope" is not an entity ref'],
    [
      { entityRef: 'component:default/ghost' },
      'No entity component:default/ghost in the catalog',
    ],
  ])('answers 400 to the request %j', async (body, message) => {
    const { server } = await startBackend();
    const response = await requestReview(server, body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
  });

  it.each([
    [{ priority: 'high' }, 'version is required'],
    [{ version: 1, status: 'done' }, 'status "done" is not allowed'],
    [
      { version: 1, assignee: 'group:default/council' },
      'is not a user entity ref',
    ],
    [
      { version: 1, dueDate: '2027-02-30' },
      'dueDate "2027-02-30" is not a date',
    ],
    [{ version: 1, owner: 'x' }, 'unknown field "owner"'],
    [
      { version: 1, assignee: 'user:default/ada' },
      'is not a member of the council group group:default/council',
    ],
    [
      { version: 1, rationale: 'because' },
      'rationale and decisionAdr go with a decision',
    ],
  ])('answers 400 to the update %j', async (body, message) => {
    const { server } = await startBackend();
    const { body: item } = await requestReview(server);
    const response = await patch(server, item.id, GRACE, body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
  });

  it('answers 400 to bad list filters, 404 to an unknown item and 401 without a token', async () => {
    const { server } = await startBackend();
    const bad = await request(server)
      .get('/api/governance/reviews?status=open,finished')
      .set('Authorization', as(JANE));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'Query parameter \'status\' has "finished"; allowed are open',
    );
    const missing = await request(server)
      .get('/api/governance/reviews/nope')
      .set('Authorization', as(JANE));
    expect(missing.status).toBe(404);
    const anonymous = await request(server).get('/api/governance/reviews');
    expect(anonymous.status).toBe(401);
    const settings = await request(server)
      .get('/api/governance/reviews/settings')
      .set('Authorization', as(JANE));
    expect(settings.body).toMatchObject({
      councilGroup: 'group:default/council',
      kinds: expect.arrayContaining([
        { id: 'design-review', title: 'Design review' },
      ]),
    });
  });

  it('shows no one the reviews of an entity the catalog hides from them', async () => {
    const { server } = await startBackend();
    const { body: visible } = await requestReview(server);
    const hidden = await request(server)
      .post('/api/governance/reviews')
      .set('Authorization', as(GRACE))
      .send({
        entityRef: 'component:default/vault',
        kind: 'design-review',
        title: 'Rotate the master keys',
      });
    expect(hidden.status).toBe(201);

    const queue = (who: string) =>
      request(server)
        .get('/api/governance/reviews')
        .set('Authorization', as(who));
    expect((await queue(GRACE)).body.totalCount).toBe(2);
    const janesQueue = await queue(JANE);
    expect(janesQueue.body.totalCount).toBe(1);
    expect(janesQueue.body.items.map((i: { id: string }) => i.id)).toEqual([
      visible.id,
    ]);

    const asJane = {
      detail: request(server)
        .get(`/api/governance/reviews/${hidden.body.id}`)
        .set('Authorization', as(JANE)),
      entityQueue: request(server)
        .get('/api/governance/reviews?entityRef=component:default/vault')
        .set('Authorization', as(JANE)),
      comment: request(server)
        .post(`/api/governance/reviews/${hidden.body.id}/comments`)
        .set('Authorization', as(JANE))
        .send({ body: 'What keys?' }),
      withdraw: move(server, hidden.body.id, JANE, 1, 'withdrawn'),
    };
    for (const [what, call] of Object.entries(asJane)) {
      const res = await call;
      expect({ what, status: res.status }).toEqual({ what, status: 404 });
    }
    const detail = await request(server)
      .get(`/api/governance/reviews/${hidden.body.id}`)
      .set('Authorization', as(GRACE));
    expect(detail.body).toMatchObject({ title: 'Rotate the master keys' });
    expect(detail.body.comments).toEqual([]);
  });

  it('records every change with the auditor', async () => {
    const { server, auditor } = await startBackend();
    const { body: item } = await requestReview(server);
    await patch(server, item.id, GRACE, { version: 1, priority: 'critical' });
    const events = auditor.createEvent.mock.calls.map(([e]) => e.eventId);
    expect(events).toEqual(
      expect.arrayContaining(['review-create', 'review-update']),
    );
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'review-update',
        meta: { reviewId: item.id, priority: 'critical' },
      }),
    );
  });
});
