import { GovernanceClient } from '../GovernanceClient';
import { adr, backendError, ref, waiver, waiverRequest } from './answers';

/** One call the backend refuses, and the error the client should throw for it. */
export interface Refusal {
  behaviour: string;
  call: (client: GovernanceClient) => Promise<unknown>;
  answer: () => Response;
  statusCode: number;
  cause: object;
}

export const refusals: Refusal[] = [
  {
    behaviour: 'the trend cannot be read',
    call: client => client.getScorecardTrend(ref, 0),
    answer: () =>
      backendError(
        400,
        {
          name: 'InputError',
          message: 'days must be a whole number from 1 to 366',
        },
        { method: 'GET', url: '/api/governance/scorecard/trend' },
      ),
    statusCode: 400,
    cause: {
      name: 'InputError',
      message: 'days must be a whole number from 1 to 366',
    },
  },
  {
    behaviour: 'a refresh fails',
    call: client => client.refreshScorecard(ref),
    answer: () =>
      backendError(
        500,
        { name: 'Error', message: 'The facts store is not reachable' },
        { method: 'POST', url: '/api/governance/scorecard/refresh' },
      ),
    statusCode: 500,
    cause: { message: 'The facts store is not reachable' },
  },
  {
    behaviour: 'the entity is unknown',
    call: client => client.getEntitySummary('component:default/nope'),
    answer: () =>
      backendError(
        404,
        {
          name: 'NotFoundError',
          message: 'No entity component:default/nope in the catalog',
        },
        { method: 'GET', url: '/api/governance/summary' },
      ),
    statusCode: 404,
    cause: {
      name: 'NotFoundError',
      message: 'No entity component:default/nope in the catalog',
    },
  },
  {
    behaviour: 'a waiver is refused',
    call: client =>
      client.createWaiver({ ...waiverRequest, reason: 'Because' }),
    answer: () =>
      backendError(
        403,
        { name: 'NotAllowedError', message: 'Unauthorized' },
        { method: 'POST', url: '/api/governance/waivers' },
      ),
    statusCode: 403,
    cause: { name: 'NotAllowedError', message: 'Unauthorized' },
  },
  {
    behaviour: 'a waiver is already revoked',
    call: client => client.revokeWaiver(waiver.id),
    answer: () =>
      backendError(
        409,
        {
          name: 'ConflictError',
          message: `Waiver ${waiver.id} is already revoked`,
        },
        { method: 'DELETE', url: `/api/governance/waivers/${waiver.id}` },
      ),
    statusCode: 409,
    cause: {
      name: 'ConflictError',
      message: `Waiver ${waiver.id} is already revoked`,
    },
  },
  {
    behaviour: 'the compliance roll-up cannot be read',
    call: client => client.getComplianceRollup('owner'),
    answer: () =>
      backendError(
        400,
        {
          name: 'InputError',
          message: 'groupBy must be one of owner, system, domain, tier',
        },
        { method: 'GET', url: '/api/governance/compliance' },
      ),
    statusCode: 400,
    cause: {
      name: 'InputError',
      message: 'groupBy must be one of owner, system, domain, tier',
    },
  },
  {
    behaviour: 'the compliance export fails',
    call: client =>
      client.exportComplianceCsv({ view: 'groups', groupBy: 'tier' }),
    answer: () =>
      backendError(
        403,
        { name: 'NotAllowedError', message: 'Unauthorized' },
        { method: 'GET', url: '/api/governance/compliance.csv' },
      ),
    statusCode: 403,
    cause: { name: 'NotAllowedError', message: 'Unauthorized' },
  },
  {
    behaviour: 'a file next to the ADR cannot be read',
    call: client => client.getAdrAsset(adr.id, 'images/missing.png'),
    answer: () =>
      backendError(
        404,
        { name: 'NotFoundError', message: 'images/missing.png was not found' },
        { method: 'GET', url: '/api/governance/adrs/x/assets' },
      ),
    statusCode: 404,
    cause: { message: 'images/missing.png was not found' },
  },
  {
    behaviour: 'the ADR has no date to measure its impact from',
    call: client => client.getAdrImpact('x'),
    answer: () =>
      backendError(
        400,
        {
          name: 'InputError',
          message: 'ADR 0004-retry.md has no date to measure its impact from',
        },
        { method: 'GET', url: '/api/governance/adrs/x/impact' },
      ),
    statusCode: 400,
    cause: {
      name: 'InputError',
      message: 'ADR 0004-retry.md has no date to measure its impact from',
    },
  },
  {
    behaviour: 'a retrospective is refused',
    call: client =>
      client.createRetrospective(adr.id, {
        date: '2025-11-20',
        outcome: 'validated',
        notes: 'Works',
      }),
    answer: () =>
      backendError(
        403,
        { name: 'NotAllowedError', message: 'Unauthorized' },
        { method: 'POST', url: '/api/governance/adrs/x/retrospectives' },
      ),
    statusCode: 403,
    cause: { name: 'NotAllowedError' },
  },
  {
    behaviour: 'a review update conflicts without carrying the current item',
    call: client => client.updateReview('review-1', { version: 4 }),
    answer: () =>
      backendError(
        409,
        { name: 'ConflictError', message: 'Conflict' },
        { method: 'PATCH', url: '/api/governance/reviews/review-1' },
      ),
    statusCode: 409,
    cause: { name: 'ConflictError', message: 'Conflict' },
  },
  {
    behaviour: 'a review cannot move to the asked status',
    call: client =>
      client.updateReview('review-1', { version: 4, status: 'approved' }),
    answer: () =>
      backendError(
        400,
        {
          name: 'InputError',
          message:
            "Cannot move a review from 'changes-requested' to 'approved'; allowed: in-review, withdrawn",
        },
        { method: 'PATCH', url: '/api/governance/reviews/review-1' },
      ),
    statusCode: 400,
    cause: { message: expect.stringMatching(/allowed: in-review, withdrawn/) },
  },
];
