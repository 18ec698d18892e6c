import { mockServices } from '@backstage/backend-test-utils';
import { DateTime } from 'luxon';
import { auditorMock } from '../__testUtils__/auditorMock';
import {
  councilPermissions,
  recordedNotifications,
  startGovernanceTestBackend,
  userApi,
} from '../__testUtils__/governanceTestBackend';
import { teamGroup, tieredComponent } from '../__testUtils__/catalogEntities';
import { governanceTestDatabases } from '../__testUtils__/testDatabases';
import { GRACE, JANE } from '../__testUtils__/users';

const databases = governanceTestDatabases();

const PAYMENTS = 'component:default/payments';
const inDays = (days: number) =>
  DateTime.utc().plus({ days }).toISODate() as string;

/** Grace is the council and may do everything; Jane may request reviews and read. */
const permissions = councilPermissions(GRACE);

async function startBackend(databaseId: Parameters<typeof databases.init>[0]) {
  const notifications = recordedNotifications();
  const auditor = auditorMock();
  const server = await startGovernanceTestBackend({
    entities: [
      // Coverage 60 fails the core tier's 75.
      tieredComponent('payments', 'core', JANE, {
        'governance/test-coverage': '60',
      }),
      teamGroup('council', [GRACE]),
    ],
    permission: permissions.factory,
    config: { governance: { council: { group: 'group:default/council' } } },
    notifications: notifications.factory,
    features: [
      auditor.factory,
      mockServices.database.factory({ knex: await databases.init(databaseId) }),
    ],
  });
  const events = () => auditor.createEvent.mock.calls.map(([e]) => e.eventId);
  return {
    api: (who: string) => userApi(server, who),
    sent: notifications.sent,
    events,
  };
}

const coverageRequest = {
  entityRef: PAYMENTS,
  checkId: 'coverage',
  reason: 'The ledger rewrite lands in January and brings the tests.',
  expiresAt: inDays(45),
  adr: 'https://example.com/adr/0002-use-postgresql.md',
};

describe.each(databases.eachSupportedId())('waiver requests on %s', id => {
  it('lets an engineer request a waiver that the council grants from the item, linking the waiver to it', async () => {
    const { api, sent, events } = await startBackend(id);
    const requested = await api(JANE).post('/waiver-requests', coverageRequest);
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      kind: 'waiver-request',
      title: 'Waive Test coverage',
      description: coverageRequest.reason,
      adr: coverageRequest.adr,
      number: 1,
      origin: { type: 'user', requestedBy: JANE },
      waiverRequest: { checkId: 'coverage' },
    });
    expect(sent.map(n => n.payload.title)).toEqual([
      'Review requested: Waive Test coverage',
    ]);

    // Jane is no council member: she may not grant her own request.
    const own = await api(JANE).post(`/reviews/${requested.body.id}/waiver`, {
      version: 1,
      reason: 'x',
      expiresAt: inDays(30),
      rationale: 'ok',
    });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('governance.waiver.create');

    const granted = await api(GRACE).post(
      `/reviews/${requested.body.id}/waiver`,
      {
        version: 1,
        reason: 'Rewrite under way; tests come with it.',
        expiresAt: inDays(30),
        rationale: 'A month is enough for the rewrite.',
        adr: 'adr-0002',
      },
    );
    expect(granted.status).toBe(201);
    expect(granted.body.item).toMatchObject({
      status: 'approved',
      decision: { outcome: 'approved', adr: 'adr-0002', decidedBy: GRACE },
    });
    expect(granted.body.waiver).toMatchObject({
      checkId: 'coverage',
      reason: 'Rewrite under way; tests come with it.',
      createdBy: GRACE,
      review: { id: requested.body.id, number: 1 },
      adr: 'adr-0002',
    });
    const summary = await api(JANE).get(`/summary?entityRef=${PAYMENTS}`);
    expect(
      summary.body.scorecard.results.find(
        (r: { checkId: string }) => r.checkId === 'coverage',
      ),
    ).toMatchObject({
      state: 'waived',
      waiver: { review: { number: 1 }, adr: 'adr-0002' },
    });
    expect(sent.map(n => n.payload.title)).toContain(
      'Review approved: Waive Test coverage',
    );
    expect(events()).toEqual(
      expect.arrayContaining([
        'review-create',
        'review-update',
        'waiver-create',
      ]),
    );
  });

  it('answers a second request for the same check with a 409 naming the open item, until it is declined', async () => {
    const { api } = await startBackend(id);
    const first = await api(JANE).post('/waiver-requests', coverageRequest);
    const second = await api(JANE).post('/waiver-requests', coverageRequest);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe(
      `A waiver request for Test coverage (coverage) of ${PAYMENTS} is already open: review #1 "Waive Test coverage" (id ${first.body.id}). Add to its discussion instead.`,
    );

    const declined = await api(GRACE).patch(`/reviews/${first.body.id}`, {
      version: 1,
      status: 'rejected',
      rationale: 'Coverage is the one thing the ledger cannot skip.',
    });
    expect(declined.body).toMatchObject({
      status: 'rejected',
      decision: {
        rationale: 'Coverage is the one thing the ledger cannot skip.',
      },
    });
    const waivers = await api(JANE).get(`/waivers?entityRef=${PAYMENTS}`);
    expect(waivers.body.items).toEqual([]);
    const third = await api(JANE).post('/waiver-requests', coverageRequest);
    expect(third.status).toBe(201);
    expect(third.body.number).toBe(2);
  });

  it('refuses what cannot become a waiver, naming what is allowed', async () => {
    const { api } = await startBackend(id);
    const unknownCheck = await api(JANE).post('/waiver-requests', {
      ...coverageRequest,
      checkId: 'uptime',
    });
    expect(unknownCheck.status).toBe(400);
    expect(unknownCheck.body.error.message).toMatch(
      /component:default\/payments has no check 'uptime'; its checks are .*coverage/,
    );
    const past = await api(JANE).post('/waiver-requests', {
      ...coverageRequest,
      expiresAt: '2020-01-01',
    });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toContain('expiresAt');

    const requestReview = (kind: string, title: string) =>
      api(JANE).post('/reviews', { entityRef: PAYMENTS, kind, title });
    const plain = await requestReview('waiver-request', 'Waive it');
    expect(plain.status).toBe(400);
    expect(plain.body.error.message).toContain('POST /waiver-requests');

    const requested = await api(JANE).post('/waiver-requests', coverageRequest);
    const approved = await api(GRACE).patch(`/reviews/${requested.body.id}`, {
      version: 1,
      status: 'approved',
      rationale: 'Fine',
    });
    expect(approved.status).toBe(400);
    expect(approved.body.error.message).toContain('granting the waiver');

    const design = await requestReview('design-review', 'Ledger');
    const notARequest = await api(GRACE).post(
      `/reviews/${design.body.id}/waiver`,
      { version: 1, reason: 'x', expiresAt: inDays(30), rationale: 'ok' },
    );
    expect(notARequest.status).toBe(400);
    expect(notARequest.body.error.message).toBe(
      'Review #2 is a design-review, not a waiver request: only a waiver request grants a waiver',
    );

    const stale = await api(GRACE).post(
      `/reviews/${requested.body.id}/waiver`,
      { version: 7, reason: 'x', expiresAt: inDays(30), rationale: 'ok' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.item).toMatchObject({ status: 'open', version: 1 });
  });
});
