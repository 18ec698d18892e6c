import {
  DEFAULT_TIER_POLICIES,
  EntityGovernanceSummary,
  resolveDecisionScope,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';

/** The payments team of 6 decides across related services. */
const paymentsDecisionScope: EntityGovernanceSummary['decisionScope'] = {
  status: 'resolved',
  team: 'group:default/payments',
  ...resolveDecisionScope(6),
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
  decisionScope: paymentsDecisionScope,
  problems: [],
  validationMode: 'error',
};

export const unannotatedSummary: EntityGovernanceSummary = {
  entityRef: 'component:default/ledger-worker',
  annotated: false,
  declared: {},
  ownership: { owner: 'group:default/payments' },
  decisionScope: paymentsDecisionScope,
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
