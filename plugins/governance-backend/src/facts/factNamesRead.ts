import {
  ScorecardCheck,
  STACK_FACTS,
} from '@catalog-governance/backstage-plugin-governance-common';

/**
 * The facts an evaluation reads: those its checks are about, and the stack facts when the
 * approved-stack check runs. Most pushed facts are delivery metrics for the ADR impact view,
 * which no check reads, so evaluation does not load them.
 *
 * @internal
 */
export function factNamesRead(
  checksByTier: Iterable<ReadonlyArray<Pick<ScorecardCheck, 'factName'>>>,
  options: { stack: boolean },
): string[] {
  const names = new Set(options.stack ? Object.values(STACK_FACTS) : []);
  for (const checks of checksByTier) {
    for (const check of checks) {
      names.add(check.factName);
    }
  }
  return [...names].sort();
}
