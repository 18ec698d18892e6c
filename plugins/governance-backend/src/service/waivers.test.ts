import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Server } from 'node:http';
import request from 'supertest';
import {
  badRequest,
  GovernanceTestBackendOptions,
  startGovernanceTestBackend,
} from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';
import { inDays } from '../__testUtils__/dates';

const payments = tieredComponent('payments', 'core', 'user:default/jane', {
  'governance/test-coverage': '60',
});

const startBackend = (
  options: Omit<GovernanceTestBackendOptions, 'entities'> = {},
) => startGovernanceTestBackend({ ...options, entities: [payments] });

const coverageOf = async (server: Server) =>
  (
    await request(server)
      .get('/api/governance/summary?entityRef=component:default/payments')
      .set('Authorization', mockCredentials.user.header())
  ).body.scorecard.results.find(
    (r: { checkId: string }) => r.checkId === 'coverage',
  );

const grant = (server: Server, body: object) =>
  request(server)
    .post('/api/governance/waivers')
    .set(
      'Authorization',
      mockCredentials.user.header('user:default/grace.hopper'),
    )
    .send(body);

/**
 * A waiver of payments' coverage check for 3 days; `fields` replace the defaults, and an
 * undefined field is left out of the request.
 */
const coverageWaiver = (fields: object = {}) => ({
  entityRef: 'component:default/payments',
  checkId: 'coverage',
  reason: 'x',
  expiresAt: inDays(3),
  ...fields,
});

describe('waivers', () => {
  it('shows a waived check as waived with who, why and until when, and revoking returns it to fail', async () => {
    const server = await startBackend();
    expect((await coverageOf(server)).state).toBe('fail');

    const granted = await grant(server, {
      entityRef: 'component:default/payments',
      checkId: 'coverage',
      reason: 'Legacy module being rewritten this quarter',
      expiresAt: inDays(30),
    });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      entityRef: 'component:default/payments',
      checkId: 'coverage',
      createdBy: 'user:default/grace.hopper',
    });
    expect(await coverageOf(server)).toMatchObject({
      state: 'waived',
      waiver: {
        id: granted.body.id,
        reason: 'Legacy module being rewritten this quarter',
      },
    });

    const listed = await request(server)
      .get('/api/governance/waivers?entityRef=component:default/payments')
      .set('Authorization', mockCredentials.user.header());
    expect(listed.body.items).toHaveLength(1);

    const revoked = await request(server)
      .delete(`/api/governance/waivers/${granted.body.id}`)
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/margaret.hamilton'),
      );
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      revokedBy: 'user:default/margaret.hamilton',
    });
    expect((await coverageOf(server)).state).toBe('fail');

    const again = await request(server)
      .delete(`/api/governance/waivers/${granted.body.id}`)
      .set('Authorization', mockCredentials.user.header());
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(
      'already revoked by user:default/margaret.hamilton',
    );
  });

  it.each([
    [coverageWaiver({ entityRef: undefined }), 'entityRef'],
    [coverageWaiver({ reason: undefined }), 'reason is required'],
    [coverageWaiver({ expiresAt: inDays(-1) }), 'is not in the future'],
    [
      coverageWaiver({ expiresAt: inDays(400) }),
      'is too far out: a waiver lasts at most 12 months from today, until',
    ],
    [
      coverageWaiver({ expiresAt: 'soon' }),
      'must be an ISO 8601 date or timestamp',
    ],
    [
      coverageWaiver({ checkId: 'speed' }),
      "has no check 'speed'; its checks are availability",
    ],
    [
      coverageWaiver({ entityRef: 'component:default/ghost' }),
      'No entity component:default/ghost',
    ],
  ])('answers 400 naming the problem for %j', async (body, message) => {
    const server = await startBackend();
    const res = await grant(server, body);
    expect(res).toMatchObject(badRequest(message));
  });

  it('answers 403 to a user without governance.waiver.create, and stores nothing', async () => {
    const server = await startBackend({ permission: AuthorizeResult.DENY });
    const res = await grant(server, coverageWaiver());
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('governance.waiver.create');
    expect((await coverageOf(server)).state).toBe('fail');
  });

  it('answers 404 when revoking an unknown waiver', async () => {
    const server = await startBackend();
    const res = await request(server)
      .delete('/api/governance/waivers/not-a-waiver')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
  });

  it('records grants and revocations with the auditor', async () => {
    const auditor = mockServices.auditor.mock();
    const event = { success: jest.fn(), fail: jest.fn() };
    auditor.createEvent.mockResolvedValue(event);
    const server = await startBackend({ features: [auditor.factory] });

    const granted = await grant(server, {
      entityRef: 'component:default/payments',
      checkId: 'coverage',
      reason: 'Legacy module being rewritten this quarter',
      expiresAt: inDays(30),
    });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'waiver-create',
        meta: expect.objectContaining({
          waiverId: granted.body.id,
          entityRef: 'component:default/payments',
          checkId: 'coverage',
        }),
      }),
    );
    await request(server)
      .delete(`/api/governance/waivers/${granted.body.id}`)
      .set('Authorization', mockCredentials.user.header());
    // Revoking twice: the second is recorded as a failed attempt.
    const again = await request(server)
      .delete(`/api/governance/waivers/${granted.body.id}`)
      .set('Authorization', mockCredentials.user.header());
    expect(again.status).toBe(409);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'waiver-revoke',
        meta: { waiverId: granted.body.id },
      }),
    );
    expect(event.success).toHaveBeenCalledTimes(2);
    expect(event.fail).toHaveBeenCalledWith({
      error: expect.objectContaining({ name: 'ConflictError' }),
    });
  });
});
