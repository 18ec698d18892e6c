import { ConfigReader } from '@backstage/config';
import { FactObservation, readFactDefinitions } from '../facts';
import { evaluateScorecard, tierChecks } from '../scorecard';
import { TierPolicy } from '../schema';
import { DEFAULT_TIER_POLICIES } from '../tierPolicy';

/** The facts an app without `governance.facts` config knows: the built-in ones. */
export const builtInFactDefinitions = readFactDefinitions(new ConfigReader({}));

/** When {@link evaluateTier} evaluates: a day after {@link measured} values are observed. */
export const evaluatedAt = new Date('2026-11-25T12:00:00Z');

/** A value of the fact `name` that `source` measured at `observedAt`. */
export const measured = (
  name: string,
  value: FactObservation['value'],
  observedAt = '2026-11-24T00:00:00Z',
  source = 'ci/github-actions',
): FactObservation => ({ name, value, origin: 'measured', source, observedAt });

/** A value of the fact `name` that the entity declares in its annotation of that name. */
export const declared = (
  name: string,
  value: FactObservation['value'],
): FactObservation => ({
  name,
  value,
  origin: 'declared',
  source: `governance/${name}`,
});

/**
 * The results of the checks of `policy` (the default critical tier unless given), with a 5%
 * warning margin, over `facts` at {@link evaluatedAt}.
 */
export function evaluateTier(
  facts: FactObservation[],
  policy: TierPolicy = DEFAULT_TIER_POLICIES[0],
) {
  return evaluateScorecard({
    checks: tierChecks(policy, { warnMarginPercent: 5 }),
    facts,
    factDefinitions: builtInFactDefinitions,
    now: evaluatedAt,
  });
}
