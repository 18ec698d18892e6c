// The package's own name, so the report of this entry point refers to the main one's type.
import type { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * A result of the check `checkId` in `state`, reading the fact of the same name, for tests
 * that store, count or show results. `fields` set what a test is about, such as the `origin`
 * of the value or the `evidence` of the result.
 *
 * @public
 */
export function checkResult(
  checkId: string,
  state: CheckResult['state'],
  fields: Partial<CheckResult> = {},
): CheckResult {
  return {
    checkId,
    title: checkId,
    state,
    target: 'target',
    factName: checkId,
    stale: false,
    ...fields,
  };
}
