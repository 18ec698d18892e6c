import { DateTime } from 'luxon';
import { TestingKind } from './annotations';
import { addMonths, DAY_MILLIS } from './dates';
import { FactDefinitions, FactObservation, FactValue } from './facts';
import { GovernanceApiSchemas, TierPolicy, Waiver } from './schema';

/**
 * The state of one scorecard check. `waived` is never `pass`: it means the council accepted a
 * failing check for a while.
 *
 * @public
 */
export type CheckState = GovernanceApiSchemas['CheckState'];

/**
 * Every check state, in the order the council reads them: what passes, then what needs
 * attention. Views and roll-ups count and list the states in this order.
 *
 * @public
 */
export const CHECK_STATES: readonly CheckState[] = [
  'pass',
  'fail',
  'warn',
  'unknown',
  'waived',
];

/**
 * A check the scorecard runs: built from the tier policy, or contributed by a custom check.
 *
 * @public
 */
export interface ScorecardCheck {
  id: string;
  title: string;
  /** The fact the check reads. */
  factName: string;
  /** The target, as shown to a user, e.g. `>= 99.95%`. */
  target: string;
  evaluate(
    value: FactValue,
    context: { now: Date },
  ): { state: 'pass' | 'fail' | 'warn'; actual: string };
}

/**
 * The outcome of one check for one entity, as stored and shown on the scorecard.
 *
 * @public
 */
export type CheckResult = GovernanceApiSchemas['CheckResult'];

/** How many review dates a security review check remembers; see `tierChecks`. */
const REVIEW_MEMO_LIMIT = 10_000;

/**
 * Below this size a number's shortest text with at most three decimals is the multiple of
 * 0.001 nearest to it (its unit in the last place is under 0.001), so rounding leaves it as
 * it is.
 */
const ROUNDED_TEXT_BELOW = 2 ** 40;

/** A measurement rounded to three decimals, as text: what `Number(n.toFixed(3))` prints. */
function roundedText(n: number): string {
  if (typeof n !== 'number') {
    // Only data stored before facts were type-checked can get here: toFixed throws on it, as
    // it always did, and the check shows as failed to evaluate instead of comparing text.
    return `${Number((n as number).toFixed(3))}`;
  }
  // Runs for every numeric check of every evaluation, and most measurements have three
  // decimals or fewer (or none): their own text is the answer, without toFixed's round trip.
  if (Number.isSafeInteger(n)) {
    return `${n}`;
  }
  const text = `${n}`;
  const dot = text.indexOf('.');
  // A text with an exponent has at least four characters after its dot.
  return dot >= 0 && text.length - dot <= 4 && Math.abs(n) < ROUNDED_TEXT_BELOW
    ? text
    : `${Number(n.toFixed(3))}`;
}

function formatNumber(n: number, unit: '%' | 'ms'): string {
  const value = roundedText(n);
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/**
 * The checks a tier demands: availability, p95 latency, security review within cadence,
 * coverage, and one check per kind of testing the tier requires. A passing value within
 * `warnMarginPercent` of its threshold is `warn`.
 *
 * @public
 */
export function tierChecks(
  policy: TierPolicy,
  options: { warnMarginPercent: number },
): ScorecardCheck[] {
  const margin = options.warnMarginPercent / 100;
  const { minAvailabilityPercent, maxP95LatencyMs, securityReview, testing } =
    policy;
  // The security review's due and warning days and wording, by review date: entities share a
  // handful of dates, and a full evaluation (with the input hash's search for the day a
  // verdict changes) asks for each one thousands of times.
  const reviews = new Map<
    FactValue,
    { dueDay: string; warnFrom: string; actual: string }
  >();
  // Today's day, for the evaluation time every check of a pass shares.
  let todayOf = { time: NaN, day: '' };
  const checks: ScorecardCheck[] = [
    {
      id: 'availability',
      title: 'Availability',
      factName: 'availability',
      target: `>= ${minAvailabilityPercent}%`,
      evaluate: value => {
        const v = value as number;
        // The margin is a share of the error budget: close to the SLO means most of it is spent.
        const budget = 100 - minAvailabilityPercent;
        let state: 'pass' | 'fail' | 'warn' = 'fail';
        if (v >= minAvailabilityPercent) {
          state =
            v - minAvailabilityPercent < budget * margin ? 'warn' : 'pass';
        }
        return { state, actual: formatNumber(v, '%') };
      },
    },
    {
      id: 'p95-latency',
      title: 'p95 latency',
      factName: 'p95LatencyMs',
      target: `< ${maxP95LatencyMs} ms`,
      evaluate: value => {
        const v = value as number;
        let state: 'pass' | 'fail' | 'warn' = 'fail';
        if (v < maxP95LatencyMs) {
          state = v >= maxP95LatencyMs * (1 - margin) ? 'warn' : 'pass';
        }
        return { state, actual: formatNumber(v, 'ms') };
      },
    },
    {
      id: 'security-review',
      title: 'Security review',
      factName: 'lastSecurityReview',
      target: `${securityReview.kind} every ${securityReview.everyMonths} months`,
      evaluate: (value, { now }) => {
        let review = reviews.get(value);
        if (!review) {
          const due = addMonths(value as string, securityReview.everyMonths);
          const dueDay = due.toISOString().slice(0, 10);
          // The margin is a share of the cadence, counted in 30-day months.
          const warnFrom = new Date(
            due.getTime() -
              securityReview.everyMonths * 30 * margin * DAY_MILLIS,
          )
            .toISOString()
            .slice(0, 10);
          review = {
            dueDay,
            warnFrom,
            actual: `last on ${value}, next due ${dueDay}`,
          };
          if (reviews.size >= REVIEW_MEMO_LIMIT) {
            reviews.clear();
          }
          reviews.set(value, review);
        }
        if (now.getTime() !== todayOf.time) {
          todayOf = {
            time: now.getTime(),
            day: now.toISOString().slice(0, 10),
          };
        }
        const today = todayOf.day;
        const { dueDay, warnFrom, actual } = review;
        let state: 'pass' | 'fail' | 'warn' = 'fail';
        if (dueDay >= today) {
          state = today >= warnFrom ? 'warn' : 'pass';
        }
        return { state, actual };
      },
    },
    {
      id: 'coverage',
      title: 'Test coverage',
      factName: 'coverage',
      target: `>= ${testing.minCoveragePercent}%`,
      evaluate: value => {
        const v = value as number;
        let state: 'pass' | 'fail' | 'warn' = 'fail';
        if (v >= testing.minCoveragePercent) {
          state =
            v < testing.minCoveragePercent * (1 + margin) ? 'warn' : 'pass';
        }
        return { state, actual: formatNumber(v, '%') };
      },
    },
  ];
  for (const kind of testing.requiredKinds) {
    checks.push(testingKindCheck(kind));
  }
  return checks;
}

function testingKindCheck(kind: TestingKind): ScorecardCheck {
  return {
    id: `testing-${kind}`,
    title: `${kind[0].toLocaleUpperCase('en-US')}${kind.slice(1)} tests`,
    factName: 'testingKinds',
    target: `${kind} tests in place`,
    evaluate: value => {
      const kinds = value as string[];
      return {
        state: kinds.includes(kind) ? 'pass' : 'fail',
        actual: kinds.length ? kinds.join(', ') : 'none',
      };
    },
  };
}

/**
 * Picks the observation a check of `factName` reads from an entity's facts: the latest measured
 * one beats any declared one. Walks the facts for each check instead of grouping them by name
 * first: an entity has a handful, and this runs for every check of every evaluation.
 *
 * @public
 */
export function pickObservation(
  facts: FactObservation[],
  factName: string,
): FactObservation | undefined {
  let latest: FactObservation | undefined;
  let declared: FactObservation | undefined;
  for (const o of facts) {
    if (o.name !== factName) {
      continue;
    }
    if (o.origin === 'measured') {
      if (!latest || (o.observedAt ?? '') > (latest.observedAt ?? '')) {
        latest = o;
      }
    } else if (o.origin === 'declared' && !declared) {
      declared = o;
    }
  }
  return latest ?? declared;
}

/**
 * Evaluates every check against an entity's facts. A missing fact makes its check `unknown`
 * (never skipped); a measured fact older than its staleness window makes it `unknown` and
 * stale, never `pass` or `fail`.
 *
 * @public
 */
export function evaluateScorecard(options: {
  checks: ScorecardCheck[];
  facts: FactObservation[];
  factDefinitions: FactDefinitions;
  now: Date;
}): CheckResult[] {
  const { checks, facts, factDefinitions, now } = options;
  return checks.map(check => {
    const observation = pickObservation(facts, check.factName);
    if (!observation) {
      return {
        checkId: check.id,
        title: check.title,
        target: check.target,
        factName: check.factName,
        state: 'unknown',
        stale: false,
        reason: `No value for fact ${check.factName}: declare it in an annotation or push it to the facts API`,
      };
    }
    let evaluated: ReturnType<ScorecardCheck['evaluate']>;
    try {
      evaluated = check.evaluate(observation.value, { now });
    } catch (e) {
      // A custom check that throws must not take the whole scorecard down with it.
      return {
        ...withProvenance(check, observation),
        state: 'unknown',
        stale: false,
        reason: `The check failed to evaluate: ${(e as Error).message}`,
      };
    }
    const staleAfterDays = factDefinitions.get(check.factName)?.staleAfterDays;
    if (
      observation.origin === 'measured' &&
      observation.observedAt &&
      staleAfterDays !== undefined &&
      observedMillis(observation.observedAt) + staleAfterDays * DAY_MILLIS <
        now.getTime()
    ) {
      return {
        ...withProvenance(check, observation),
        state: 'unknown',
        actual: evaluated.actual,
        stale: true,
        reason: `The latest measurement is older than ${staleAfterDays} days`,
      };
    }
    // One object per check of every evaluation instead of three: the check's own keys join
    // the result as a spread would add them, in the same order, so the stored JSON of an
    // unchanged result stays the same text.
    const result = Object.assign(
      withProvenance(check, observation),
      evaluated,
    ) as CheckResult;
    result.stale = false;
    return result;
  });
}

/** The last observation time parsed: an entity's measurements mostly share theirs. */
let lastObservedAt = { text: '', millis: NaN };

function observedMillis(observedAt: string): number {
  if (observedAt !== lastObservedAt.text) {
    lastObservedAt = { text: observedAt, millis: Date.parse(observedAt) };
  }
  return lastObservedAt.millis;
}

/** A check's result so far: the check, then where its observation came from. */
function withProvenance(
  check: ScorecardCheck,
  observation: FactObservation,
): Omit<CheckResult, 'state' | 'stale'> {
  return {
    checkId: check.id,
    title: check.title,
    target: check.target,
    factName: check.factName,
    origin: observation.origin,
    source: observation.source,
    observedAt: observation.observedAt,
    // Stored with the result, so a standard's automation level is read, not re-derived.
    evidence: observation.origin === 'measured' ? 'automated' : 'attested',
  };
}

/**
 * One day of an entity's scorecard trend: how many of its checks passed at the end of the day.
 *
 * @public
 */
export type ScorecardTrendPoint =
  GovernanceApiSchemas['ScorecardTrend']['points'][number];

/**
 * Rebuilds the daily share of passing checks from stored transitions (a row per change), so the
 * trend comes from history instead of re-running checks. Days before the first transition are
 * left out; a check recorded as `removed` stops counting.
 *
 * @public
 */
export function scorecardTrend(
  transitions: Array<{ checkId: string; state: string; changedAt: string }>,
  options: { from: Date; to: Date },
): ScorecardTrendPoint[] {
  const sorted = [...transitions].sort((a, b) =>
    a.changedAt.localeCompare(b.changedAt),
  );
  const states = new Map<string, string>();
  const points: ScorecardTrendPoint[] = [];
  let next = 0;
  const last = options.to.getTime();
  for (
    let day = DateTime.fromJSDate(options.from, { zone: 'utc' }).startOf('day');
    day.toMillis() <= last;
    day = day.plus({ days: 1 })
  ) {
    const date = day.toISODate()!;
    while (
      next < sorted.length &&
      sorted[next].changedAt.slice(0, 10) <= date
    ) {
      const t = sorted[next++];
      if (t.state === 'removed') {
        states.delete(t.checkId);
      } else {
        states.set(t.checkId, t.state);
      }
    }
    if (states.size > 0) {
      const passing = [...states.values()].filter(s => s === 'pass').length;
      points.push({ date, passing, total: states.size });
    }
  }
  return points;
}

/**
 * Marks failing, warning and unknown checks that have an active waiver as `waived` (never
 * `pass`). A check that passes on its own stays `pass`; an expired or revoked waiver no longer
 * applies, so the check shows its real state again.
 *
 * @public
 */
export function applyWaivers(
  results: CheckResult[],
  waivers: Waiver[],
  now: Date,
): CheckResult[] {
  if (!waivers.length) {
    // A list of the caller's own, as with waivers. The engine skips this call for entities
    // without waivers (ScorecardEngine), so the copy costs a full evaluation nothing.
    return [...results];
  }
  const active = new Map<string, Waiver>();
  for (const waiver of waivers) {
    if (
      !waiver.revokedAt &&
      new Date(waiver.expiresAt).getTime() > now.getTime()
    ) {
      const current = active.get(waiver.checkId);
      // With several active waivers the one lasting longest is the one that matters.
      if (!current || current.expiresAt < waiver.expiresAt) {
        active.set(waiver.checkId, waiver);
      }
    }
  }
  return results.map(result => {
    const waiver = active.get(result.checkId);
    if (!waiver || result.state === 'pass') {
      return result;
    }
    return {
      ...result,
      state: 'waived',
      reason: `Waived (was ${result.state}) until ${waiver.expiresAt.slice(
        0,
        10,
      )}: ${waiver.reason}`,
      waiver: {
        id: waiver.id,
        reason: waiver.reason,
        expiresAt: waiver.expiresAt,
        createdBy: waiver.createdBy,
        // Where the council granted it, for readers to follow the decision.
        ...(waiver.review ? { review: waiver.review } : {}),
        ...(waiver.adr ? { adr: waiver.adr } : {}),
      },
    };
  });
}
