import { ResponseError } from '@backstage/errors';
import {
  GovernanceApiClient,
  ReviewItemDetail,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReviewConflictError } from '../ReviewConflictError';

type Middleware = Parameters<GovernanceApiClient['use']>[0];

/** Turns every answer that is not a success into the backend's error, before it is parsed. */
export const throwResponseErrors: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return undefined;
  },
};

/**
 * A 409 from `PATCH /reviews/{id}` or `POST /reviews/{id}/waiver` carries the item as it is now beside the error; Backstage's
 * error body (and so ResponseError) has no room for it.
 */
export const throwReviewConflicts: Middleware = {
  async onResponse({ response }) {
    if (response.status !== 409) {
      return undefined;
    }
    let body;
    try {
      body = await response.clone().json();
    } catch {
      // Not the conflict body: the ResponseError describes what came back.
      return undefined;
    }
    if (typeof body?.item !== 'object' || body.item === null) {
      return undefined;
    }
    const message =
      typeof body.error?.message === 'string'
        ? body.error.message
        : (await ResponseError.fromResponse(response)).cause.message;
    throw new ReviewConflictError(message, body.item as ReviewItemDetail);
  },
};
