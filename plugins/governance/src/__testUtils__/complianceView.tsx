import {
  complianceCounts,
  ComplianceEntityPage,
  ComplianceFilter,
  ComplianceGroupBy,
  ComplianceRollup,
} from '@catalog-governance/backstage-plugin-governance-common';
import { screen } from '@testing-library/react';
import { GovernanceApi } from '../api';
import { ComplianceView } from '../components/ComplianceView';
import { mockComplianceApi } from './mockGovernanceApi';
import { renderInGovernanceApp } from './renderInGovernanceApp';
import {
  paymentsEntities,
  paymentsRollupBySystem,
  rollupByOwner,
} from './compliance';

/** The owner whose roll-up {@link rollup} narrows to. */
export const payments = 'group:default/payments';

/** Answers roll-ups from the fixtures: everything by owner, or payments by system. */
export async function rollup(
  groupBy: ComplianceGroupBy,
  filter: ComplianceFilter = {},
): Promise<ComplianceRollup> {
  if (filter.owner === payments) {
    return { ...paymentsRollupBySystem, groupBy, filter };
  }
  return { ...rollupByOwner, groupBy, filter };
}

/** Answers every entity page with the payments team's entities. */
export async function entities(
  filter: ComplianceFilter = {},
  page = { offset: 0, limit: 25 },
): Promise<ComplianceEntityPage> {
  return {
    filter,
    items: paymentsEntities,
    totalItems: paymentsEntities.length,
    ...page,
  };
}

/** Answers every roll-up with no groups: nothing has been evaluated, or nothing matches. */
export async function noResults(
  groupBy: ComplianceGroupBy,
  filter: ComplianceFilter = {},
): Promise<ComplianceRollup> {
  return {
    groupBy,
    filter,
    groups: [],
    totals: { entities: 0, counts: complianceCounts({}) },
  };
}

/**
 * A governance API for the Compliance view that answers roll-ups with {@link rollup} and entity
 * pages with {@link entities}, unless the test gives other answers.
 */
export function paymentsComplianceApi(
  answers: Parameters<typeof mockComplianceApi>[0] = {},
) {
  return mockComplianceApi({
    getComplianceRollup: rollup,
    getComplianceEntities: entities,
    ...answers,
  });
}

/** Renders the Compliance view at `url`, with entity links mounted. */
export async function renderComplianceView(
  api: GovernanceApi,
  url = '/architecture-council',
) {
  return renderInGovernanceApp(<ComplianceView />, {
    api,
    routeEntries: [url],
  });
}

/** The roll-up row of one group. */
export function groupRow(key: string) {
  return screen.getByTestId(`compliance-group-${key}`);
}

/** The cells of a group row, in the order of the column headers. */
export function groupCells(key: string): string[] {
  return Array.from(groupRow(key).children)
    .slice(0, -1)
    .map(cell => cell.textContent ?? '');
}
