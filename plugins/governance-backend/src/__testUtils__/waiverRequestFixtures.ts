/*
 * Waiver requests for the authorization table: one check has one open request at a time, so
 * each call starts from a fresh one. Test support only.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Server } from 'node:http';
import { bodyIf, call, JANE, PAYMENTS } from './authorizationBackend';
import { inDays } from './dates';

const jane = mockCredentials.user.header(JANE);

/** Withdraws Jane's open waiver requests of payments; the requester needs no permission. */
async function withdrawOpenWaiverRequests(server: Server) {
  const open = bodyIf(
    await call(
      server,
      'get',
      `/reviews?entityRef=${PAYMENTS}&kind=waiver-request&status=open`,
      jane,
    ),
    200,
    'Listing waiver requests',
  ) as { items: { id: string; version: number }[] };
  for (const item of open.items) {
    bodyIf(
      await call(server, 'patch', `/reviews/${item.id}`, jane, {
        version: item.version,
        status: 'withdrawn',
      }),
      200,
      'Withdrawing a waiver request',
    );
  }
}

/** The body of a request to waive payments' coverage check. */
export const coverageWaiverRequest = () => ({
  entityRef: PAYMENTS,
  checkId: 'coverage',
  reason: 'Legacy module being rewritten this quarter',
  expiresAt: inDays(30),
});

/** A valid `POST /waiver-requests`: none is open for the check. */
export async function freshWaiverRequestCall(server: Server) {
  await withdrawOpenWaiverRequests(server);
  return { url: '/waiver-requests', body: coverageWaiverRequest() };
}

/** A valid `POST /reviews/:id/waiver`: a waiver request of Jane's, to grant. */
export async function grantWaiverCall(server: Server) {
  await withdrawOpenWaiverRequests(server);
  const item = bodyIf(
    await call(
      server,
      'post',
      '/waiver-requests',
      jane,
      coverageWaiverRequest(),
    ),
    201,
    'Requesting a waiver',
  ) as { id: string; version: number };
  return {
    url: `/reviews/${item.id}/waiver`,
    body: {
      version: item.version,
      reason: 'Rewrite under way',
      expiresAt: inDays(30),
      rationale: 'A month is enough',
    },
  };
}
