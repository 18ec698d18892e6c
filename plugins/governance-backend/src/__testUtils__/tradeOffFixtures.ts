/*
 * Trade-off matrices for the authorization table: a design review with a matrix, decided when
 * the route acts on a decision. Test support only.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Server } from 'node:http';
import {
  bodyIf,
  call,
  createReview,
  denyToUsers,
  JANE,
} from './authorizationBackend';
import { queueTradeOff } from './queueTradeOff';

/**
 * A design review of Jane's with a matrix, approved choosing SQS and recording `adrId`. Set up
 * with every permission: the cell's own refusals apply only to the call under test.
 */
export async function decidedTradeOff(server: Server, adrId?: string) {
  denyToUsers([]);
  const jane = mockCredentials.user.header(JANE);
  const review = await createReview(server, JANE);
  bodyIf(
    await call(server, 'put', `/reviews/${review.id}/trade-off`, jane, {
      revision: 0,
      ...queueTradeOff,
    }),
    200,
    'Saving a trade-off matrix',
  );
  bodyIf(
    await call(server, 'patch', `/reviews/${review.id}`, jane, {
      version: review.version,
      status: 'approved',
      rationale: 'Cheapest at our volume',
      chosenOption: 'sqs',
      ...(adrId && { decisionAdr: adrId }),
    }),
    200,
    'Deciding with a chosen option',
  );
  return review.id;
}

/** A valid `PUT /reviews/:id/trade-off` of a fresh review requested by `requestedBy`. */
export const tradeOffSave =
  (requestedBy: string) =>
  async ({ server }: { server: Server }) => {
    const review = await createReview(server, requestedBy);
    return {
      url: `/reviews/${review.id}/trade-off`,
      body: { revision: 0, ...queueTradeOff },
    };
  };
