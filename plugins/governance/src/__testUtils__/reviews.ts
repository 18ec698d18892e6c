import {
  BUILT_IN_REVIEW_KINDS,
  ReviewItem,
  ReviewItemDetail,
  ReviewPage,
  ReviewQuery,
  ReviewSettings,
} from '@catalog-governance/backstage-plugin-governance-common';

/** The review kinds the backend offers without extra configuration. */
export const reviewSettings: ReviewSettings = {
  kinds: [...BUILT_IN_REVIEW_KINDS],
  councilGroup: 'group:default/architecture-council',
};

/** A page holding the given items, as the backend answers the query. */
export function reviewPage(
  items: ReviewItem[],
  query: ReviewQuery = {},
  totalCount = items.length,
): ReviewPage {
  return {
    items,
    totalCount,
    offset: query.offset ?? 0,
    limit: query.limit ?? 25,
  };
}

/**
 * Jane asked for a design review of {@link annotatedEntity}; Amir of the council is reviewing
 * it, and it is past its due date.
 */
export const designReview: ReviewItem = {
  id: 'review-1',
  entityRef: 'component:default/payments-api',
  kind: 'design-review',
  title: 'Split the ledger out of payments-api',
  description: 'The ledger grows faster than the rest; we want it on its own.',
  origin: { type: 'user', requestedBy: 'user:default/jane.doe' },
  status: 'in-review',
  priority: 'high',
  assignee: 'user:default/amir.khan',
  dueDate: '2025-11-20',
  adr: 'adr-payments-0005',
  version: 3,
  createdAt: '2025-11-01T09:00:00.000Z',
  updatedAt: '2025-11-03T10:30:00.000Z',
  commentCount: 1,
  overdue: true,
};

/** {@link designReview} with its discussion and history. */
export const designReviewDetail: ReviewItemDetail = {
  ...designReview,
  comments: [
    {
      id: 'comment-1',
      author: 'user:default/amir.khan',
      body: 'Which team owns the ledger once it is split?',
      createdAt: '2025-11-02T14:00:00.000Z',
    },
  ],
  history: [
    {
      id: 'history-1',
      actor: 'user:default/jane.doe',
      at: '2025-11-01T09:00:00.000Z',
      action: 'created',
      changes: [],
    },
    {
      id: 'history-2',
      actor: 'user:default/amir.khan',
      at: '2025-11-03T10:30:00.000Z',
      action: 'updated',
      changes: [
        { field: 'status', from: 'open', to: 'in-review' },
        { field: 'assignee', from: null, to: 'user:default/amir.khan' },
      ],
    },
  ],
};

/** An NFR escalation the latency trigger raised for {@link annotatedEntity}, decided. */
export const approvedEscalation: ReviewItem = {
  id: 'review-2',
  entityRef: 'component:default/payments-api',
  kind: 'nfr-escalation',
  title: 'p95 latency failing for 30 days',
  description: 'The p95 latency check has failed every day since 2025-10-01.',
  origin: {
    type: 'trigger',
    triggerId: 'failing-check',
    causeKey: 'component:default/payments-api#p95-latency#2025-10-01',
  },
  status: 'approved',
  priority: 'medium',
  version: 5,
  createdAt: '2025-10-31T06:00:00.000Z',
  updatedAt: '2025-11-05T16:00:00.000Z',
  commentCount: 0,
  overdue: false,
  decision: {
    outcome: 'approved',
    rationale: 'Accept the latency until the Q1 capacity project lands',
    adr: 'https://github.com/acme/payments-api/blob/main/docs/adr/0006-accept-latency.md',
    decidedBy: 'user:default/amir.khan',
    decidedAt: '2025-11-05T16:00:00.000Z',
  },
};
