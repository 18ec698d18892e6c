import {
  AdrDetail,
  AdrImpact,
  AdrIndexPage,
  complianceCounts,
  ComplianceEntityPage,
  ComplianceRollup,
  ComplianceTrend,
  EntityAdrs,
  Retrospective,
  ReviewItemDetail,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';
import { paymentsAdrs } from '../../__testUtils__/adrs';
import {
  criticalSummary,
  p95LatencyWaiver,
} from '../../__testUtils__/scorecards';

export const ref = 'component:default/payments-api';

// The client only carries these through; the frontend's fixtures serve as its answers.
export const summary = criticalSummary;
export const waiver = p95LatencyWaiver;

export const rollup: ComplianceRollup = {
  groupBy: 'system',
  filter: { owner: 'group:default/payments', domain: '' },
  groups: [
    {
      key: 'system:default/checkout',
      entities: 2,
      counts: complianceCounts({ pass: 3, fail: 2, unknown: 1 }),
    },
  ],
  totals: {
    entities: 2,
    counts: complianceCounts({ pass: 3, fail: 2, unknown: 1 }),
  },
};

export const entityPage: ComplianceEntityPage = {
  filter: { owner: 'group:default/payments' },
  items: [
    {
      entityRef: 'component:default/payments-api',
      owner: 'group:default/payments',
      system: 'system:default/checkout',
      tier: 'critical',
      counts: complianceCounts({ pass: 1, fail: 1, unknown: 2, waived: 1 }),
      failing: ['p95-latency'],
      evaluatedAt: '2025-11-02T07:15:00.000Z',
    },
  ],
  totalItems: 26,
  offset: 25,
  limit: 25,
};

export const adr: AdrDetail = {
  ...paymentsAdrs.find(item => item.id === 'adr-payments-0003')!,
  body: '# Publish payment events to Kafka\n',
  links: [],
  retrospectives: [],
};

export const entityAdrs: EntityAdrs = {
  entityRef: 'component:default/payments-api',
  location: {
    status: 'ok',
    url: 'https://github.com/acme/payments-api/tree/main/docs/adr',
    readAt: '2025-11-24T06:00:00.000Z',
  },
  items: [adr],
};

export const reviewItem: ReviewItemDetail = {
  id: 'review-1',
  entityRef: 'component:default/payments-api',
  kind: 'design-review',
  title: 'Split the ledger out',
  description: '',
  origin: { type: 'user', requestedBy: 'user:default/jane.doe' },
  status: 'in-review',
  priority: 'high',
  version: 4,
  createdAt: '2025-11-01T09:00:00.000Z',
  updatedAt: '2025-11-03T10:30:00.000Z',
  commentCount: 0,
  overdue: false,
  comments: [],
  history: [],
};

export const scorecardTrend = {
  entityRef: ref,
  days: 30,
  points: [{ date: '2025-11-02', passing: 2, total: 5 }],
};
export const revoked: Waiver = {
  ...waiver,
  revokedBy: 'user:default/amir.khan',
  revokedAt: '2025-11-03T10:00:00.000Z',
};
export const waiverRequest = {
  entityRef: ref,
  checkId: 'p95-latency',
  reason: 'Latency work lands with the Q1 capacity project',
  expiresAt: '2026-01-31T23:59:59.999Z',
};
export const complianceTrend: ComplianceTrend = {
  filter: { owner: 'group:default/payments' },
  points: [
    { day: '2025-11-02', counts: complianceCounts({ pass: 3, fail: 1 }) },
  ],
};
export const rollupCsv = 'owner,entities,pass\ngroup:default/payments,2,3\n';
export const entitiesCsv =
  'entityRef,tier\ncomponent:default/payments-api,critical\n';
export const impact: AdrImpact = {
  adrId: adr.id,
  date: '2025-04-14',
  weeks: 6,
  windowDays: 42,
  entityRefs: ['component:default/payments-api'],
  metrics: [],
  checks: [],
};
export const retrospective: Retrospective = {
  id: 'retro-1',
  adrId: adr.id,
  date: '2025-11-20',
  outcome: 'partly-validated',
  notes: 'Consumers lag at peak',
  recordedBy: 'user:default/amir.khan',
  recordedAt: '2025-11-20T10:00:00.000Z',
};
export const retrospectiveRequest = {
  date: '2025-11-20',
  outcome: 'partly-validated' as const,
  notes: 'Consumers lag at peak',
};
export const adrIndexPage: AdrIndexPage = {
  items: [adr],
  totalItems: 30,
  offset: 25,
  limit: 25,
};
export const emptyAdrIndex = { items: [], totalItems: 0, offset: 0, limit: 25 };
export const reviewPage = { items: [], totalCount: 0, offset: 25, limit: 25 };
export const emptyReviewPage = {
  items: [],
  totalCount: 0,
  offset: 0,
  limit: 25,
};
export const reviewSettings = {
  kinds: [{ id: 'design-review', title: 'Design' }],
};
export const reviewRequest = {
  entityRef: ref,
  kind: 'design-review',
  title: 'Split the ledger out',
};
export const comment = {
  id: 'comment-1',
  author: 'user:default/jane.doe',
  body: 'Looks good',
  createdAt: '2025-11-04T10:00:00.000Z',
};
export const updatedItem = { ...reviewItem, priority: 'critical', version: 5 };

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Backstage's error body, as its error middleware writes it. */
export function backendError(
  statusCode: number,
  error: { name: string; message: string },
  request: { method: string; url: string },
): Response {
  return jsonResponse(statusCode, {
    error,
    request,
    response: { statusCode },
  });
}
