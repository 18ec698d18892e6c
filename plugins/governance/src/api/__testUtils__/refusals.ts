import { adr, backendError, ref, waiver, waiverRequest } from './answers';
import { ClientCall } from './exchanges';

/** One call the backend refuses, and the error the client should throw for it. */
export interface Refusal extends ClientCall {
  statusCode: number;
  cause: object;
}

/** The backend refuses with this error; the client throws it as the ResponseError's cause. */
const refusedWith = (
  statusCode: number,
  error: { name: string; message: string },
  request: { method: string; url: string },
) => ({
  answer: () => backendError(statusCode, error, request),
  statusCode,
  cause: error,
});

export const refusals: Refusal[] = [
  {
    behaviour: 'the trend cannot be read',
    call: client => client.getScorecardTrend(ref, 0),
    ...refusedWith(
      400,
      {
        name: 'InputError',
        message: 'days must be a whole number from 1 to 366',
      },
      { method: 'GET', url: '/api/governance/scorecard/trend' },
    ),
  },
  {
    behaviour: 'a refresh fails',
    call: client => client.refreshScorecard(ref),
    ...refusedWith(
      500,
      { name: 'Error', message: 'The facts store is not reachable' },
      { method: 'POST', url: '/api/governance/scorecard/refresh' },
    ),
  },
  {
    behaviour: 'the entity is unknown',
    call: client => client.getEntitySummary('component:default/nope'),
    ...refusedWith(
      404,
      {
        name: 'NotFoundError',
        message: 'No entity component:default/nope in the catalog',
      },
      { method: 'GET', url: '/api/governance/summary' },
    ),
  },
  {
    behaviour: 'a waiver is refused',
    call: client =>
      client.createWaiver({ ...waiverRequest, reason: 'Because' }),
    ...refusedWith(
      403,
      { name: 'NotAllowedError', message: 'Unauthorized' },
      { method: 'POST', url: '/api/governance/waivers' },
    ),
  },
  {
    behaviour: 'a waiver is already revoked',
    call: client => client.revokeWaiver(waiver.id),
    ...refusedWith(
      409,
      {
        name: 'ConflictError',
        message: `Waiver ${waiver.id} is already revoked`,
      },
      { method: 'DELETE', url: `/api/governance/waivers/${waiver.id}` },
    ),
  },
  {
    behaviour: 'the compliance roll-up cannot be read',
    call: client => client.getComplianceRollup('owner'),
    ...refusedWith(
      400,
      {
        name: 'InputError',
        message: 'groupBy must be one of owner, system, domain, tier',
      },
      { method: 'GET', url: '/api/governance/compliance' },
    ),
  },
  {
    behaviour: 'the compliance export fails',
    call: client =>
      client.exportComplianceCsv({ view: 'groups', groupBy: 'tier' }),
    ...refusedWith(
      403,
      { name: 'NotAllowedError', message: 'Unauthorized' },
      { method: 'GET', url: '/api/governance/compliance.csv' },
    ),
  },
  {
    behaviour: 'a file next to the ADR cannot be read',
    call: client => client.getAdrAsset(adr.id, 'images/missing.png'),
    ...refusedWith(
      404,
      { name: 'NotFoundError', message: 'images/missing.png was not found' },
      { method: 'GET', url: '/api/governance/adrs/x/assets' },
    ),
  },
  {
    behaviour: 'the ADR has no date to measure its impact from',
    call: client => client.getAdrImpact('x'),
    ...refusedWith(
      400,
      {
        name: 'InputError',
        message: 'ADR 0004-retry.md has no date to measure its impact from',
      },
      { method: 'GET', url: '/api/governance/adrs/x/impact' },
    ),
  },
  {
    behaviour: 'a retrospective is refused',
    call: client =>
      client.createRetrospective(adr.id, {
        date: '2025-11-20',
        outcome: 'validated',
        notes: 'Works',
      }),
    ...refusedWith(
      403,
      { name: 'NotAllowedError', message: 'Unauthorized' },
      { method: 'POST', url: '/api/governance/adrs/x/retrospectives' },
    ),
  },
  {
    behaviour: 'a review update conflicts without carrying the current item',
    call: client => client.updateReview('review-1', { version: 4 }),
    ...refusedWith(
      409,
      { name: 'ConflictError', message: 'Conflict' },
      { method: 'PATCH', url: '/api/governance/reviews/review-1' },
    ),
  },
  {
    behaviour: 'a review cannot move to the asked status',
    call: client =>
      client.updateReview('review-1', { version: 4, status: 'approved' }),
    ...refusedWith(
      400,
      {
        name: 'InputError',
        message:
          "Cannot move a review from 'changes-requested' to 'approved'; allowed: in-review, withdrawn",
      },
      { method: 'PATCH', url: '/api/governance/reviews/review-1' },
    ),
  },
];
