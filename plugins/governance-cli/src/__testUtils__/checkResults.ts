import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';

/** A critical entity's coverage check failing at 70%, as the scorecard stores it. */
export const failingCoverage: CheckResult = {
  checkId: 'coverage',
  title: 'Test coverage',
  target: '>= 85%',
  factName: 'coverage',
  state: 'fail',
  actual: '70%',
  stale: false,
  origin: 'measured',
  source: 'ci/github-actions',
};
