import { GovernanceApi } from '../GovernanceApi';
import { throwReviewConflicts } from './responseErrors';
import { Send, byId, unlessEmpty, writeTo } from './send';

/** The calls of the review queue: review items, their comments, waivers and trade-off matrices. */
export const reviewRoutes = (send: Send) =>
  ({
    listReviews: (query = {}) =>
      send(api =>
        api.request('get', '/reviews', {
          params: {
            query: {
              ...query,
              entityRef: unlessEmpty(query.entityRef),
              // Only asked for when true: false would not mean "not overdue" to the backend.
              overdue: query.overdue || undefined,
            },
          },
        }),
      ),
    getReviewSettings: () =>
      send(api => api.request('get', '/reviews/settings')),
    getReview: id => send(api => api.request('get', '/reviews/{id}', byId(id))),
    requestReview: request =>
      send(api => api.request('post', '/reviews', { body: request })),
    updateReview: (id, update) =>
      send(api =>
        api.request('patch', '/reviews/{id}', {
          ...writeTo(id, update),
          middleware: [throwReviewConflicts],
        }),
      ),
    commentOnReview: (id, body) =>
      send(api =>
        api.request('post', '/reviews/{id}/comments', writeTo(id, { body })),
      ),
    grantWaiver: (id, request) =>
      send(api =>
        api.request('post', '/reviews/{id}/waiver', {
          ...writeTo(id, request),
          middleware: [throwReviewConflicts],
        }),
      ),
    getReviewTradeOff: id =>
      send(api => api.request('get', '/reviews/{id}/trade-off', byId(id))),
    saveReviewTradeOff: (id, update) =>
      send(api =>
        api.request('put', '/reviews/{id}/trade-off', writeTo(id, update)),
      ),
    saveReviewTradeOffOutcomes: (id, update) =>
      send(api =>
        api.request(
          'put',
          '/reviews/{id}/trade-off/outcomes',
          writeTo(id, update),
        ),
      ),
  } satisfies Partial<GovernanceApi>);
