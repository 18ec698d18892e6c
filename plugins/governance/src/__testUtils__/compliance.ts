import {
  complianceCounts,
  ComplianceEntity,
  ComplianceRollup,
} from '@catalog-governance/backstage-plugin-governance-common';

/** The payments team's entities and checks, as one row of the owners and as its own totals. */
const paymentsTotals = {
  entities: 3,
  counts: complianceCounts({
    pass: 6,
    fail: 4,
    warn: 1,
    unknown: 2,
    waived: 1,
  }),
};

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
      ...paymentsTotals,
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
  totals: paymentsTotals,
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
