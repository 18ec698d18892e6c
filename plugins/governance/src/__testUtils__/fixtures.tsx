import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { IdentityApi, identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  TestApiProvider,
  renderInTestApp,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  AdrDetail,
  AdrSummary,
  complianceCounts,
  ComplianceEntity,
  ComplianceRollup,
  DEFAULT_TIER_POLICIES,
  EntityAdrs,
  EntityGovernanceSummary,
  resolveDecisionScope,
  BUILT_IN_REVIEW_KINDS,
  ReviewItem,
  ReviewItemDetail,
  ReviewPage,
  ReviewQuery,
  ReviewSettings,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ReactNode } from 'react';
import { GovernanceApi, governanceApiRef } from '../api';

export const annotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: {
      'governance/tier': 'critical',
      'governance/tech-lead': 'jane.doe',
      'governance/architect': 'user:default/amir.khan',
      'governance/availability-slo': '99.99',
      'governance/p95-latency-slo': '350ms',
      'governance/test-coverage': '88',
      'governance/testing': 'unit,integration',
      'governance/monitoring': 'https://grafana.example.com/d/payments-api',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
  },
};

export const unannotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger-worker', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
};

/**
 * What the backend returns for {@link annotatedEntity}: critical tier, owned by a team of 6,
 * with one check in each state but `warn` and a stale coverage measurement.
 */
export const criticalSummary: EntityGovernanceSummary = {
  entityRef: 'component:default/payments-api',
  annotated: true,
  tier: {
    ...DEFAULT_TIER_POLICIES.find(p => p.name === 'critical')!,
    since: '2025-10-01T08:30:00.000Z',
  },
  declared: {
    tier: 'critical',
    techLead: 'user:default/jane.doe',
    architect: 'user:default/amir.khan',
    availabilitySloPercent: 99.99,
    p95LatencySloMs: 350,
    testCoveragePercent: 88,
    testing: ['unit', 'integration'],
    monitoringUrl: 'https://grafana.example.com/d/payments-api',
  },
  scorecard: {
    evaluatedAt: '2025-11-02T07:15:00.000Z',
    results: [
      {
        checkId: 'availability',
        title: 'Availability',
        state: 'pass',
        target: '>= 99.95%',
        actual: '99.99%',
        factName: 'availability',
        origin: 'measured',
        source: 'prometheus/slo-exporter',
        observedAt: '2025-11-02T06:00:00.000Z',
        stale: false,
      },
      {
        checkId: 'p95-latency',
        title: 'p95 latency',
        state: 'fail',
        target: '< 200 ms',
        actual: '350 ms',
        factName: 'p95LatencyMs',
        origin: 'declared',
        source: 'governance/p95-latency-slo',
        stale: false,
      },
      {
        checkId: 'security-review',
        title: 'Security review',
        state: 'unknown',
        target: 'penetration test every 3 months',
        factName: 'lastSecurityReview',
        stale: false,
        reason:
          'No value for fact lastSecurityReview: declare it in an annotation or push it to the facts API',
      },
      {
        checkId: 'coverage',
        title: 'Test coverage',
        state: 'unknown',
        target: '>= 85%',
        actual: '88%',
        factName: 'coverage',
        origin: 'measured',
        source: 'ci/github-actions',
        observedAt: '2025-08-14T21:40:00.000Z',
        stale: true,
        reason: 'The latest measurement is older than 30 days',
      },
      {
        checkId: 'testing-load',
        title: 'Load tests',
        state: 'waived',
        target: 'load tests in place',
        actual: 'unit, integration',
        factName: 'testingKinds',
        origin: 'declared',
        source: 'governance/testing',
        stale: false,
        reason:
          'Waived by the architecture council until 2026-01-31: load tests arrive with the capacity work',
      },
    ],
  },
  ownership: {
    owner: 'group:default/payments',
    techLead: 'user:default/jane.doe',
    architect: 'user:default/amir.khan',
    monitoringUrl: 'https://grafana.example.com/d/payments-api',
  },
  decisionScope: {
    status: 'resolved',
    team: 'group:default/payments',
    ...resolveDecisionScope(6),
  },
  problems: [],
  validationMode: 'error',
};

export const unannotatedSummary: EntityGovernanceSummary = {
  entityRef: 'component:default/ledger-worker',
  annotated: false,
  declared: {},
  ownership: { owner: 'group:default/payments' },
  decisionScope: {
    status: 'resolved',
    team: 'group:default/payments',
    ...resolveDecisionScope(6),
  },
  problems: [],
  validationMode: 'error',
};

/** Annotated in warn mode, with a tier the policy does not know and a malformed SLO. */
export const invalidSummary: EntityGovernanceSummary = {
  entityRef: 'component:default/payments-api',
  annotated: true,
  declared: { techLead: 'user:default/jane.doe' },
  ownership: {
    owner: 'user:default/john.doe',
    techLead: 'user:default/jane.doe',
  },
  decisionScope: {
    status: 'unknown',
    team: 'user:default/john.doe',
    reason:
      'The owner is not a Group, so there is no team size to scope decisions by.',
  },
  problems: [
    {
      key: 'governance/tier',
      value: 'gold',
      allowed: 'one of the configured tiers: critical, core, supporting',
      message:
        "Invalid annotation governance/tier: 'gold' is not allowed, expected one of the configured tiers: critical, core, supporting",
    },
    {
      key: 'governance/availability-slo',
      value: 'high',
      allowed: 'a percentage from 0 to 100, such as 99.95',
      message:
        "Invalid annotation governance/availability-slo: 'high' is not allowed, expected a percentage from 0 to 100, such as 99.95",
    },
  ],
  validationMode: 'warn',
};

/**
 * {@link criticalSummary} after CI pushed a new coverage measurement and the scorecard was
 * refreshed: coverage is measured again and only just above its target.
 */
export const refreshedCriticalSummary: EntityGovernanceSummary = {
  ...criticalSummary,
  scorecard: {
    evaluatedAt: '2025-11-03T09:30:00.000Z',
    results: criticalSummary.scorecard!.results.map(result =>
      result.checkId === 'coverage'
        ? {
            ...result,
            state: 'warn',
            actual: '86%',
            observedAt: '2025-11-03T09:12:00.000Z',
            stale: false,
            reason: undefined,
          }
        : result,
    ),
  },
};

/** The waiver the council granted on the failing p95 latency of {@link criticalSummary}. */
export const p95LatencyWaiver: Waiver = {
  id: '7d0c5e3a-2b1f-4c8e-9a6d-1f2e3d4c5b6a',
  entityRef: 'component:default/payments-api',
  checkId: 'p95-latency',
  reason: 'Latency work lands with the Q1 capacity project',
  expiresAt: '2026-01-31T23:59:59.999Z',
  createdBy: 'user:default/amir.khan',
  createdAt: '2025-11-02T08:00:00.000Z',
};

/** {@link criticalSummary} once {@link p95LatencyWaiver} is granted: p95 latency is waived. */
export const waivedCriticalSummary: EntityGovernanceSummary = {
  ...criticalSummary,
  scorecard: {
    ...criticalSummary.scorecard!,
    results: criticalSummary.scorecard!.results.map(result =>
      result.checkId === 'p95-latency'
        ? {
            ...result,
            state: 'waived',
            reason: `Waived (was fail) until 2026-01-31: ${p95LatencyWaiver.reason}`,
            waiver: {
              id: p95LatencyWaiver.id,
              reason: p95LatencyWaiver.reason,
              expiresAt: p95LatencyWaiver.expiresAt,
              createdBy: p95LatencyWaiver.createdBy,
            },
          }
        : result,
    ),
  },
};

/** The review kinds the backend offers without extra configuration. */
export const reviewSettings: ReviewSettings = {
  kinds: [...BUILT_IN_REVIEW_KINDS],
  councilGroup: 'group:default/architecture-council',
};

async function noReviews(query: ReviewQuery = {}): Promise<ReviewPage> {
  return {
    items: [],
    totalCount: 0,
    offset: query.offset ?? 0,
    limit: query.limit ?? 25,
  };
}

export function mockGovernanceApi(
  getEntitySummary: GovernanceApi['getEntitySummary'],
  refreshScorecard: GovernanceApi['refreshScorecard'] = async () => {
    throw new Error('refreshScorecard was not expected in this test');
  },
  // No history unless a test gives one, so the scorecard renders without a chart.
  getScorecardTrend: GovernanceApi['getScorecardTrend'] = async (
    entityRef,
    days = 90,
  ) => ({ entityRef, days, points: [] }),
  waivers: Partial<
    Pick<GovernanceApi, 'createWaiver' | 'revokeWaiver' | 'listWaivers'>
  > = {},
  compliance: Partial<Pick<GovernanceApi, ComplianceMethod>> = {},
  adrs: Partial<Pick<GovernanceApi, AdrMethod>> = {},
  reviews: Partial<Pick<GovernanceApi, ReviewMethod>> = {},
): jest.Mocked<GovernanceApi> {
  const unexpected = (method: string) => async () => {
    throw new Error(`${method} was not expected in this test`);
  };
  return {
    getEntitySummary: jest.fn(getEntitySummary),
    refreshScorecard: jest.fn(refreshScorecard),
    getScorecardTrend: jest.fn(getScorecardTrend),
    createWaiver: jest.fn(
      waivers.createWaiver ??
        (async () => {
          throw new Error('createWaiver was not expected in this test');
        }),
    ),
    revokeWaiver: jest.fn(
      waivers.revokeWaiver ??
        (async () => {
          throw new Error('revokeWaiver was not expected in this test');
        }),
    ),
    listWaivers: jest.fn(waivers.listWaivers ?? (async () => [])),
    getComplianceRollup: jest.fn(
      compliance.getComplianceRollup ?? unexpected('getComplianceRollup'),
    ),
    getComplianceEntities: jest.fn(
      compliance.getComplianceEntities ?? unexpected('getComplianceEntities'),
    ),
    // No history unless a test gives one, so the view renders without a chart.
    getComplianceTrend: jest.fn(
      compliance.getComplianceTrend ??
        (async (filter = {}) => ({ filter, points: [] })),
    ),
    exportComplianceCsv: jest.fn(
      compliance.exportComplianceCsv ?? unexpected('exportComplianceCsv'),
    ),
    // No ADR location unless a test gives one, so the Governance tab renders without ADRs.
    getEntityAdrs: jest.fn(
      adrs.getEntityAdrs ??
        (async (entityRef: string): Promise<EntityAdrs> => ({
          entityRef,
          location: { status: 'not-configured' },
          items: [],
        })),
    ),
    refreshEntityAdrs: jest.fn(
      adrs.refreshEntityAdrs ?? unexpected('refreshEntityAdrs'),
    ),
    getAdr: jest.fn(adrs.getAdr ?? unexpected('getAdr')),
    getAdrAsset: jest.fn(adrs.getAdrAsset ?? unexpected('getAdrAsset')),
    getAdrImpact: jest.fn(adrs.getAdrImpact ?? unexpected('getAdrImpact')),
    createRetrospective: jest.fn(
      adrs.createRetrospective ?? unexpected('createRetrospective'),
    ),
    getAdrIndex: jest.fn(adrs.getAdrIndex ?? unexpected('getAdrIndex')),
    // No reviews unless a test gives some, so the Governance tab renders an empty list.
    listReviews: jest.fn(reviews.listReviews ?? noReviews),
    getReviewSettings: jest.fn(
      reviews.getReviewSettings ?? (async () => reviewSettings),
    ),
    getReview: jest.fn(reviews.getReview ?? unexpected('getReview')),
    requestReview: jest.fn(
      reviews.requestReview ?? unexpected('requestReview'),
    ),
    updateReview: jest.fn(reviews.updateReview ?? unexpected('updateReview')),
    commentOnReview: jest.fn(
      reviews.commentOnReview ?? unexpected('commentOnReview'),
    ),
  };
}

type ReviewMethod =
  | 'listReviews'
  | 'getReviewSettings'
  | 'getReview'
  | 'requestReview'
  | 'updateReview'
  | 'commentOnReview';

/** A governance API for the review views: only its review methods are expected. */
export function mockReviewApi(
  reviews: Partial<Pick<GovernanceApi, ReviewMethod>>,
  adrs: Partial<Pick<GovernanceApi, AdrMethod>> = {},
): jest.Mocked<GovernanceApi> {
  return mockGovernanceApi(
    async () => {
      throw new Error('getEntitySummary was not expected in this test');
    },
    undefined,
    async () => {
      throw new Error('getScorecardTrend was not expected in this test');
    },
    {},
    {},
    adrs,
    reviews,
  );
}

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

type AdrMethod =
  | 'getEntityAdrs'
  | 'refreshEntityAdrs'
  | 'getAdr'
  | 'getAdrAsset'
  | 'getAdrImpact'
  | 'createRetrospective'
  | 'getAdrIndex';

/** A governance API for the ADR views: only its ADR methods are expected. */
export function mockAdrApi(
  adrs: Partial<Pick<GovernanceApi, AdrMethod>>,
): jest.Mocked<GovernanceApi> {
  return mockGovernanceApi(
    async () => {
      throw new Error('getEntitySummary was not expected in this test');
    },
    undefined,
    async () => {
      throw new Error('getScorecardTrend was not expected in this test');
    },
    {},
    {},
    adrs,
  );
}

/**
 * The ADRs of {@link annotatedEntity} in `docs/adr`: one accepted with a recorded
 * retrospective, one superseded by a later one, one accepted whose retrospective is overdue,
 * one proposed that the parser could only partly read, and the one that superseded the second.
 */
export const paymentsAdrs: AdrSummary[] = [
  {
    id: 'adr-payments-0001',
    entityRef: 'component:default/payments-api',
    path: '0001-record-architecture-decisions.md',
    url: 'https://github.com/acme/payments-api/blob/main/docs/adr/0001-record-architecture-decisions.md',
    number: 1,
    title: 'Record architecture decisions',
    status: 'accepted',
    date: '2025-03-03',
    deciders: ['jane.doe', 'amir.khan'],
    format: 'nygard',
    warnings: [],
    retrospective: {
      state: 'recorded',
      dueAt: '2025-06-03',
      overdueAt: '2025-09-03',
      latest: {
        id: 'retro-1',
        adrId: 'adr-payments-0001',
        date: '2025-06-20',
        outcome: 'keep',
        notes: 'Every decision of the quarter has an ADR.',
        recordedBy: 'user:default/amir.khan',
        recordedAt: '2025-06-20T14:00:00.000Z',
      },
    },
    owner: 'group:default/payments',
    system: 'system:default/checkout',
  },
  {
    id: 'adr-payments-0002',
    entityRef: 'component:default/payments-api',
    path: '0002-use-mysql.md',
    url: 'https://github.com/acme/payments-api/blob/main/docs/adr/0002-use-mysql.md',
    number: 2,
    title: 'Use MySQL for the ledger',
    status: 'superseded',
    supersededBy: {
      relation: 'superseded by',
      target: '0005-use-postgres.md',
      number: 5,
      adrId: 'adr-payments-0005',
    },
    date: '2025-03-10',
    deciders: ['jane.doe'],
    format: 'madr',
    warnings: [],
    retrospective: { state: 'not-applicable' },
    owner: 'group:default/payments',
    system: 'system:default/checkout',
  },
  {
    id: 'adr-payments-0003',
    entityRef: 'component:default/payments-api',
    path: '0003-publish-payment-events-to-kafka.md',
    url: 'https://github.com/acme/payments-api/blob/main/docs/adr/0003-publish-payment-events-to-kafka.md',
    number: 3,
    title: 'Publish payment events to Kafka',
    status: 'accepted',
    date: '2025-04-14',
    deciders: ['jane.doe', 'amir.khan'],
    format: 'madr',
    warnings: [],
    retrospective: {
      state: 'overdue',
      dueAt: '2025-07-14',
      overdueAt: '2025-10-14',
    },
    owner: 'group:default/payments',
    system: 'system:default/checkout',
  },
  {
    id: 'adr-payments-0004',
    entityRef: 'component:default/payments-api',
    path: '0004-retry-card-payments.md',
    url: 'https://github.com/acme/payments-api/blob/main/docs/adr/0004-retry-card-payments.md',
    number: 4,
    title: 'Retry card payments',
    status: 'proposed',
    deciders: [],
    format: 'unknown',
    warnings: [
      'No date: add a "date" to the front matter or a "Date:" line',
      'No deciders listed',
    ],
    retrospective: { state: 'not-applicable' },
    owner: 'group:default/payments',
    system: 'system:default/checkout',
  },
  {
    id: 'adr-payments-0005',
    entityRef: 'component:default/payments-api',
    path: '0005-use-postgres.md',
    url: 'https://github.com/acme/payments-api/blob/main/docs/adr/0005-use-postgres.md',
    number: 5,
    title: 'Use PostgreSQL for the ledger',
    status: 'accepted',
    date: '2025-11-20',
    deciders: ['jane.doe'],
    format: 'madr',
    warnings: [],
    retrospective: {
      state: 'not-due',
      dueAt: '2026-02-20',
      overdueAt: '2026-05-20',
    },
    owner: 'group:default/payments',
    system: 'system:default/checkout',
  },
];

/** {@link annotatedEntity}'s ADR location, read without problems. */
export const paymentsEntityAdrs: EntityAdrs = {
  entityRef: 'component:default/payments-api',
  location: {
    status: 'ok',
    url: 'https://github.com/acme/payments-api/tree/main/docs/adr',
    readAt: '2025-11-24T06:00:00.000Z',
  },
  items: paymentsAdrs,
};

/** The ADR with the given number from {@link paymentsAdrs}, with a body and no retrospectives. */
export function paymentsAdr(
  number: number,
  detail: Partial<AdrDetail> = {},
): AdrDetail {
  const summary = paymentsAdrs.find(adr => adr.number === number)!;
  return {
    ...summary,
    body: `# ${summary.number}. ${summary.title}\n\n## Context\n\nThe ledger needs a store.\n`,
    links: summary.supersededBy ? [summary.supersededBy] : [],
    retrospectives: summary.retrospective.latest
      ? [summary.retrospective.latest]
      : [],
    ...detail,
  };
}

type ComplianceMethod =
  | 'getComplianceRollup'
  | 'getComplianceEntities'
  | 'getComplianceTrend'
  | 'exportComplianceCsv';

/** A governance API for the Compliance view: only its methods are expected. */
export function mockComplianceApi(
  compliance: Partial<Pick<GovernanceApi, ComplianceMethod>>,
): jest.Mocked<GovernanceApi> {
  return mockGovernanceApi(
    async () => {
      throw new Error('getEntitySummary was not expected in this test');
    },
    undefined,
    async () => {
      throw new Error('getScorecardTrend was not expected in this test');
    },
    {},
    compliance,
  );
}

/**
 * The roll-up by owner of a catalog with two teams and entities without an owner: payments
 * fails most, platform passes everything.
 */
export const rollupByOwner: ComplianceRollup = {
  groupBy: 'owner',
  filter: {},
  groups: [
    {
      key: 'group:default/payments',
      entities: 3,
      counts: complianceCounts({
        pass: 6,
        fail: 4,
        warn: 1,
        unknown: 2,
        waived: 1,
      }),
    },
    {
      entities: 1,
      counts: complianceCounts({ pass: 2, fail: 1, unknown: 1 }),
    },
    {
      key: 'group:default/platform',
      entities: 2,
      counts: complianceCounts({ pass: 8 }),
    },
  ],
  totals: {
    entities: 6,
    counts: complianceCounts({
      pass: 16,
      fail: 5,
      warn: 1,
      unknown: 3,
      waived: 1,
    }),
  },
};

/** {@link rollupByOwner} narrowed to payments and rolled up by system. */
export const paymentsRollupBySystem: ComplianceRollup = {
  groupBy: 'system',
  filter: { owner: 'group:default/payments' },
  groups: [
    {
      entities: 1,
      counts: complianceCounts({ pass: 1, fail: 2, unknown: 1 }),
    },
    {
      key: 'system:default/checkout',
      entities: 2,
      counts: complianceCounts({
        pass: 5,
        fail: 2,
        warn: 1,
        unknown: 1,
        waived: 1,
      }),
    },
  ],
  totals: {
    entities: 3,
    counts: complianceCounts({
      pass: 6,
      fail: 4,
      warn: 1,
      unknown: 2,
      waived: 1,
    }),
  },
};

/** The payments team's entities, least compliant first. */
export const paymentsEntities: ComplianceEntity[] = [
  {
    entityRef: 'component:default/ledger-worker',
    owner: 'group:default/payments',
    tier: 'core',
    counts: complianceCounts({ pass: 1, fail: 2, unknown: 1 }),
    failing: ['availability', 'p95-latency'],
    evaluatedAt: '2025-11-02T07:15:00.000Z',
  },
  {
    entityRef: 'component:default/payments-api',
    owner: 'group:default/payments',
    system: 'system:default/checkout',
    tier: 'critical',
    counts: complianceCounts({ pass: 1, fail: 2, unknown: 1, waived: 1 }),
    failing: ['p95-latency', 'security-review'],
    evaluatedAt: '2025-11-02T07:15:00.000Z',
  },
  {
    entityRef: 'component:default/checkout-web',
    owner: 'group:default/payments',
    system: 'system:default/checkout',
    tier: 'supporting',
    counts: complianceCounts({ pass: 4, warn: 1 }),
    failing: [],
    evaluatedAt: '2025-11-02T07:15:00.000Z',
  },
];

type AuthorizeResponse = Awaited<ReturnType<PermissionApi['authorize']>>;
/** An answer that needs no conditions: ALLOW or DENY. */
type DefinitiveResponse = Exclude<AuthorizeResponse, { conditions: unknown }>;

/**
 * A permission API that answers every request with the same decision. usePermission caches
 * decisions per permission for the whole test file, so a file should stick to one decision.
 */
export function mockPermissionApi(
  decision: `${DefinitiveResponse['result']}`,
): jest.Mocked<PermissionApi> {
  const response = { result: decision } as DefinitiveResponse;
  return {
    authorize: jest.fn<
      Promise<AuthorizeResponse>,
      Parameters<PermissionApi['authorize']>
    >(async () => response),
  };
}

/**
 * A permission API that allows exactly the named permissions and denies the rest, for a user
 * who holds some permissions but not others. The same caching caveat applies as for
 * {@link mockPermissionApi}.
 */
export function mockPermissionApiAllowing(
  names: string[],
): jest.Mocked<PermissionApi> {
  return {
    authorize: jest.fn<
      Promise<AuthorizeResponse>,
      Parameters<PermissionApi['authorize']>
    >(
      async request =>
        ({
          result: names.includes(request.permission.name) ? 'ALLOW' : 'DENY',
        } as DefinitiveResponse),
    ),
  };
}

/**
 * Renders an entity page element the way the catalog does, with the governance API mocked.
 * The user holds every permission unless the test passes another permission API, and is
 * signed in as `user:default/test` unless the test passes another identity.
 */
export async function renderForEntity(
  element: ReactNode,
  options: {
    entity: Entity;
    api: GovernanceApi;
    permissionApi?: PermissionApi;
    identityApi?: IdentityApi;
  },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [governanceApiRef, options.api],
        [permissionApiRef, options.permissionApi ?? mockPermissionApi('ALLOW')],
        [identityApiRef, options.identityApi ?? mockApis.identity()],
      ]}
    >
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The error GovernanceClient throws for a failed request, built from a real Response. */
export async function responseError(
  status: number,
  statusText: string,
  body: unknown,
): Promise<ResponseError> {
  const json = typeof body !== 'string';
  return ResponseError.fromResponse(
    new Response(json ? JSON.stringify(body) : body, {
      status,
      statusText,
      headers: { 'Content-Type': json ? 'application/json' : 'text/plain' },
    }),
  );
}

/**
 * The error GovernanceClient throws when the backend refuses a request with a Backstage JSON
 * error of the given name and message.
 */
export async function backendError(
  status: number,
  statusText: string,
  error: { name: string; message: string },
): Promise<ResponseError> {
  return responseError(status, statusText, {
    error,
    request: { method: 'GET', url: '/api/governance' },
    response: { statusCode: status },
  });
}
