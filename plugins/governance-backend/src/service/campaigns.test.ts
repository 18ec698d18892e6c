import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DateTime } from 'luxon';
import {
  badRequest,
  governanceApi,
  pushPaymentsFact,
  startGovernanceTestBackend,
  withGraceAndJane,
} from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';
import {
  catalogReadDecisions,
  callerOf,
  catalogHidingFrom,
} from '../__testUtils__/visibleCatalog';
import { GRACE, JANE } from '../__testUtils__/users';

jest.setTimeout(60_000);

const PAYMENTS = 'component:default/payments';
const VAULT = 'component:default/vault';
const TEAM_A = 'group:default/team-a';

/** Grace is on the council; Jane may not manage campaigns and cannot see the vault. */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, options) =>
    requests.map(r => ({
      result:
        r.permission.name === 'governance.campaign.manage' &&
        callerOf(options).userEntityRef !== GRACE
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
  authorizeConditional: catalogReadDecisions({ conditional: JANE }),
});

const inDays = (days: number) => DateTime.utc().plus({ days }).toISODate()!;

const campaign = {
  title: 'Coverage for core services',
  description: 'ADR-12: every core service keeps 75% coverage.',
  checks: ['coverage'],
  target: { tiers: ['core'] },
  deadline: inDays(30),
};

async function start(options: { anonymous?: boolean } = {}) {
  const server = await startGovernanceTestBackend({
    catalog: catalogHidingFrom(JANE, VAULT, [
      tieredComponent('payments', 'core'),
      tieredComponent('vault', 'core'),
    ]),
    permission: permissions.factory,
    ...options,
  });
  // Pushing a fact evaluates the entity: payments passes coverage, the vault fails it.
  await pushPaymentsFact(server).expect(201);
  await pushPaymentsFact(server, { entityRef: VAULT, value: 50 }).expect(201);
  return withGraceAndJane(server);
}

describe('campaign routes', () => {
  it('starts a campaign for the council and shows its progress, entities and owners', async () => {
    const { grace, jane } = await start();
    const created = await grace.post('/campaigns').send(campaign).expect(201);
    expect(created.body).toMatchObject({
      ...campaign,
      state: 'active',
      createdBy: GRACE,
      revision: 1,
      progress: { done: 1, notDone: 1, total: 2 },
    });
    const { id } = created.body;

    const list = await jane.get('/campaigns').expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    const detail = await jane.get(`/campaigns/${id}`).expect(200);
    expect(detail.body).toMatchObject({
      // No day recorded yet: the burn-up starts with today as it stands.
      history: [
        { day: new Date().toISOString().slice(0, 10), done: 1, notDone: 1 },
      ],
      owners: [{ owner: TEAM_A, done: 1, notDone: 1 }],
    });

    // The council sees the vault failing; Jane, who cannot see it in the catalog, does not.
    const notDone = await grace
      .get(`/campaigns/${id}/entities?done=false`)
      .expect(200);
    expect(notDone.body).toEqual({
      totalCount: 1,
      items: [
        {
          entityRef: VAULT,
          owner: TEAM_A,
          done: false,
          failingChecks: [{ id: 'coverage', title: expect.any(String) }],
        },
      ],
    });
    const asJane = await jane.get(`/campaigns/${id}/entities`).expect(200);
    expect(asJane.body).toMatchObject({
      totalCount: 1,
      items: [{ entityRef: PAYMENTS, done: true, failingChecks: [] }],
    });

    const ofPayments = await jane
      .get(`/entity-campaigns?entityRef=${PAYMENTS}`)
      .expect(200);
    expect(ofPayments.body.items).toEqual([
      {
        id,
        title: campaign.title,
        deadline: campaign.deadline,
        state: 'active',
        done: true,
      },
    ]);
    await jane.get(`/entity-campaigns?entityRef=${VAULT}`).expect(404);
  });

  it('needs a signed-in caller', async () => {
    const { server } = await start({ anonymous: true });
    const anonymous = governanceApi(server, '');
    expect((await anonymous.get('/campaigns')).status).toBe(401);
    expect((await anonymous.post('/campaigns').send(campaign)).status).toBe(
      401,
    );
  });

  it('lets only the council create, edit and close', async () => {
    const { grace, jane } = await start();
    const denied = await jane.post('/campaigns').send(campaign);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('governance.campaign.manage');
    const { body } = await grace.post('/campaigns').send(campaign).expect(201);
    await jane
      .patch(`/campaigns/${body.id}`)
      .send({ revision: 1, state: 'closed' })
      .expect(403);
  });

  it('names every field that is wrong', async () => {
    const { grace } = await start();
    const tooMuch = await grace.post('/campaigns').send({
      ...campaign,
      title: 'x'.repeat(201),
      checks: Array.from({ length: 51 }, (_, i) => `check-${i}`),
      target: { entityRefs: Array(501).fill(PAYMENTS) },
    });
    expect(tooMuch).toMatchObject(badRequest(/title.*checks.*entityRefs/s));

    const unknown = await grace.post('/campaigns').send({
      ...campaign,
      checks: ['coverage', 'uptime'],
      deadline: inDays(-1),
    });
    expect(unknown).toMatchObject(
      badRequest(/checks "uptime" is unknown.*deadline .* is in the past/),
    );
    const extra = await grace
      .post('/campaigns')
      .send({ ...campaign, state: 'closed' });
    expect(extra).toMatchObject(badRequest('state'));
    await grace.get('/campaigns?state=open').expect(400);
    // Every check a scorecard can hold is allowed, the dependency contract included.
    await grace
      .post('/campaigns')
      .send({
        ...campaign,
        checks: ['dependencies-meet-tier', 'security-review'],
      })
      .expect(201);
  });

  it('refuses a catalog filter that is malformed or too long, naming the condition', async () => {
    const { grace } = await start();
    const malformed = await grace.post('/campaigns').send({
      ...campaign,
      target: { filter: 'spec.lifecycle=production,,metadata.tags=pci' },
    });
    expect(malformed).toMatchObject(
      badRequest(
        'target.filter condition 2 "" is empty; write conditions joined by commas, each key=value or key alone (the field exists)',
      ),
    );
    const tooLong = await grace.post('/campaigns').send({
      ...campaign,
      target: { filter: `metadata.name=${'x'.repeat(1000)}` },
    });
    expect(tooLong).toMatchObject(badRequest(/filter.*1000/));
    const tooMany = await grace.post('/campaigns').send({
      ...campaign,
      target: { filter: Array(21).fill('kind=component').join(',') },
    });
    expect(tooMany).toMatchObject(
      badRequest('has 21 conditions; at most 20 are allowed'),
    );
    const { body } = await grace
      .post('/campaigns')
      .send({ ...campaign, target: { filter: 'kind=component' } })
      .expect(201);
    expect(body.target).toEqual({ filter: 'kind=component' });
    await grace
      .patch(`/campaigns/${body.id}`)
      .send({ revision: 1, target: { filter: 'spec.type=' } })
      .expect(400);
  });

  it('refuses an edit based on a stale revision, and closes a campaign', async () => {
    const { grace } = await start();
    const { body } = await grace.post('/campaigns').send(campaign).expect(201);
    await grace
      .patch(`/campaigns/${body.id}`)
      .send({ revision: 1, title: 'Coverage, round two' })
      .expect(200);
    const stale = await grace
      .patch(`/campaigns/${body.id}`)
      .send({ revision: 1, state: 'closed' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('revision 2');

    const closed = await grace
      .patch(`/campaigns/${body.id}`)
      .send({ revision: 2, state: 'closed' })
      .expect(200);
    expect(closed.body).toMatchObject({ state: 'closed', revision: 3 });
    expect((await grace.get('/campaigns').expect(200)).body.items).toEqual([]);
    expect(
      (await grace.get('/campaigns?state=closed').expect(200)).body.items,
    ).toHaveLength(1);
    await grace.get('/campaigns/no-such-campaign').expect(404);
  });
});
