import {
  complianceCounts,
  ComplianceRollup,
  DEFAULT_LEVELS,
  EntityGovernanceSummary,
  EntityLevel,
} from '@catalog-governance/backstage-plugin-governance-common';
import { criticalSummary } from './scorecards';

/** The default levels as the summary lists them, lowest first. */
export const defaultLevels = DEFAULT_LEVELS.map(({ name, title }) => ({
  name,
  title,
}));

/**
 * {@link criticalSummary} with its level: bronze, below the gold its critical tier requires;
 * its unknown security review and stale coverage stand in the way of silver.
 */
export const bronzeCriticalSummary: EntityGovernanceSummary = {
  ...criticalSummary,
  level: {
    current: 'bronze',
    required: 'gold',
    meetsRequired: false,
    next: {
      name: 'silver',
      title: 'Silver',
      failingChecks: ['security-review', 'coverage'],
    },
    levels: defaultLevels,
  },
};

/** An entity at the top level, which its tier requires. */
export const goldLevel: EntityLevel = {
  current: 'gold',
  required: 'gold',
  meetsRequired: true,
  next: null,
  levels: defaultLevels,
};

/**
 * The roll-up by owner with levels: payments has one entity at each default level but gold and
 * one at none, two of them below what their tier requires; platform is all gold.
 */
export const rollupWithLevels: ComplianceRollup = {
  groupBy: 'owner',
  filter: {},
  groups: [
    {
      key: 'group:default/payments',
      entities: 3,
      counts: complianceCounts({ pass: 6, fail: 4, unknown: 2 }),
      levels: { bronze: 1, silver: 1 },
      withoutLevel: 1,
      belowRequired: 2,
    },
    {
      key: 'group:default/platform',
      entities: 2,
      counts: complianceCounts({ pass: 8 }),
      levels: { gold: 2 },
      withoutLevel: 0,
      belowRequired: 0,
    },
  ],
  totals: {
    entities: 5,
    counts: complianceCounts({ pass: 14, fail: 4, unknown: 2 }),
    levels: { bronze: 1, gold: 2, silver: 1 },
    withoutLevel: 1,
    belowRequired: 2,
  },
};
