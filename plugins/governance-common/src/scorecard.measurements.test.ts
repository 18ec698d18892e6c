import {
  builtInFactDefinitions,
  declared,
  evaluateTier,
  measured,
} from './__testUtils__/scorecardInputs';
import { evaluateScorecard, tierChecks } from './scorecard';
import { DEFAULT_TIER_POLICIES } from './tierPolicy';

const [critical] = DEFAULT_TIER_POLICIES;

/** The text a check shows for a measured value: the value rounded to three decimals. */
function shownActual(name: string, value: number): string | undefined {
  return evaluateTier([measured(name, value)]).find(
    result => result.factName === name,
  )?.actual;
}

// Values around the edges of rounding to three decimals: binary fractions just under or over
// a half, integers beyond the safe range, exponents, and numbers too large for a thousandth.
const MEASUREMENTS = [
  0,
  -0,
  99.91000000000001,
  99.9 + 7 / 100,
  99.95,
  1.0005,
  2.0005,
  0.0005,
  0.0015,
  99.9995,
  -99.9995,
  12.3456,
  -0.0001,
  1e-7,
  1.5e-7,
  123.4,
  2 ** 40 - 0.5,
  2 ** 40 + 0.5,
  2 ** 43 + 0.125,
  2 ** 53 + 2,
  1e21,
  1.5e21,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];

describe('measured values in check results', () => {
  it.each(MEASUREMENTS)('shows %p rounded to three decimals', value => {
    const rounded = Number.isSafeInteger(value)
      ? value
      : Number(value.toFixed(3));
    expect(shownActual('availability', value)).toBe(`${rounded}%`);
    expect(shownActual('p95LatencyMs', value)).toBe(`${rounded} ms`);
  });

  it('shows every thousandth of a measurement as it was measured', () => {
    for (let thousandths = -2000; thousandths <= 2000; thousandths += 7) {
      const value = 99 + thousandths / 1000;
      expect(shownActual('coverage', value)).toBe(
        `${Number(value.toFixed(3))}%`,
      );
    }
  });

  it('shows a stored value that is no number as failed to evaluate, not as text', () => {
    // Facts are type-checked when pushed; only data stored before that can hold text here.
    const results = evaluateTier([
      measured('availability', '99.95' as unknown as number),
    ]);
    const availability = results.find(
      result => result.factName === 'availability',
    );
    expect(availability?.state).toBe('unknown');
    expect(availability?.actual).toBeUndefined();
  });

  it('judges a measurement stale by its own time, whatever was judged before', () => {
    const stale = (observedAt: string) =>
      evaluateTier([measured('coverage', 90, observedAt)]).find(
        result => result.factName === 'coverage',
      )?.stale;
    expect(stale('2026-11-24T00:00:00Z')).toBe(false);
    expect(stale('2025-01-01T00:00:00Z')).toBe(true);
    expect(stale('2026-11-24T00:00:00Z')).toBe(false);
  });

  it('dates a security review against the day of each evaluation', () => {
    // The same checks throughout, as a pass evaluates every entity with its tier's checks.
    const checks = tierChecks(critical, { warnMarginPercent: 5 });
    const reviewState = (day: string) =>
      evaluateScorecard({
        checks,
        facts: [declared('lastSecurityReview', '2026-06-01')],
        factDefinitions: builtInFactDefinitions,
        now: new Date(`${day}T12:00:00Z`),
      }).find(result => result.factName === 'lastSecurityReview')?.state;
    expect(reviewState('2026-07-01')).toBe('pass');
    expect(reviewState('2027-07-01')).toBe('fail');
    expect(reviewState('2026-07-01')).toBe('pass');
  });
});
