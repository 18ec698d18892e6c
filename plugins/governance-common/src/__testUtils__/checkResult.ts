import { CheckResult } from '../scorecard';

/**
 * A result of the check `checkId` in `state`, reading the fact of the same name; `origin` says
 * whether the value was measured or declared, when a test cares.
 */
export const checkResult = (
  checkId: string,
  state: CheckResult['state'],
  origin?: CheckResult['origin'],
): CheckResult => ({
  checkId,
  title: checkId,
  target: 'target',
  factName: checkId,
  state,
  stale: false,
  ...(origin && { origin }),
});
