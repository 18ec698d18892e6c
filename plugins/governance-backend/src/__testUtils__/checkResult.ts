import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * A result of the check `checkId` in `state`, reading the fact of the same name: what store
 * tests store. `evidence` is given where a test counts automated and attested results.
 */
export const checkResult = (
  checkId: string,
  state: CheckResult['state'],
  evidence?: CheckResult['evidence'],
): CheckResult => ({
  checkId,
  title: checkId,
  state,
  target: 'target',
  factName: checkId,
  stale: false,
  ...(evidence && { evidence }),
});
