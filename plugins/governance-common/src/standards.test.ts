import { ConfigReader } from '@backstage/config';
import {
  belowAutomationTarget,
  CheckResultCounts,
  countCheckResult,
  DEFAULT_STANDARDS,
  evidenceOf,
  readStandards,
  rollUpStandards,
  validateStandardChecks,
} from './standards';
import { evaluateScorecard, tierChecks } from './scorecard';
import { readTierPolicies } from './tierPolicy';
import { declared, measured } from './__testUtils__/scorecardInputs';
import { checkResult } from './testUtils';

const standard = {
  id: 'testing',
  title: 'Testing requirements',
  type: 'testing',
  enforcement: ['ci-gate'],
  reviewFrequency: 'per-deployment',
  targetAutomation: '70-80',
  checks: ['coverage', 'testing-*'],
};

const read = (standards: Array<Record<string, string | number | string[]>>) =>
  readStandards(new ConfigReader({ governance: { standards } }));

describe('readStandards', () => {
  it("defaults to the article's four standards over the built-in checks", () => {
    const standards = readStandards(new ConfigReader({}));
    expect(standards.map(s => [s.id, s.targetAutomation])).toEqual([
      ['coding-standards', { min: 90 }],
      ['testing-requirements', { min: 70, max: 80 }],
      ['security-policies', { min: 60, max: 70 }],
      ['architecture-patterns', { min: 30, max: 40 }],
    ]);
    // Every built-in check of the strictest tier belongs to a default standard.
    const [critical] = [...readTierPolicies(new ConfigReader({})).values()];
    const counts = new Map<string, CheckResultCounts>();
    for (const check of tierChecks(critical, { warnMarginPercent: 5 })) {
      countCheckResult(counts, checkResult(check.id, 'pass'));
    }
    countCheckResult(counts, checkResult('dependencies-meet-tier', 'pass'));
    expect(rollUpStandards(standards, counts).unmapped.checks).toEqual([]);
  });

  it('reads targets given as a number, a plus or a range', () => {
    const [a, b, c] = read([
      { ...standard, id: 'a', targetAutomation: 90 },
      { ...standard, id: 'b', targetAutomation: '90%+' },
      { ...standard, id: 'c', targetAutomation: '30 - 40%' },
    ]);
    expect(a.targetAutomation).toEqual({ min: 90 });
    expect(b.targetAutomation).toEqual({ min: 90 });
    expect(c.targetAutomation).toEqual({ min: 30, max: 40 });
  });

  it('accepts one enforcement method or several', () => {
    const [one] = read([{ ...standard, enforcement: 'lint' }]);
    expect(one.enforcement).toEqual(['lint']);
  });

  it.each([
    [
      { targetAutomation: '80-70' },
      "governance.standards[0].targetAutomation': '80-70' is not an automation target",
    ],
    [
      { targetAutomation: 120 },
      "governance.standards[0].targetAutomation': '120' is not an automation target",
    ],
    [
      { enforcement: ['lint', 'vibes'] },
      "governance.standards[0].enforcement': 'vibes' is not an enforcement method, allowed are lint, code-review",
    ],
    [
      { reviewFrequency: 'sometimes' },
      "governance.standards[0].reviewFrequency': 'sometimes' is not a review frequency, allowed are per-commit",
    ],
    [
      { id: 'Testing' },
      "governance.standards[0].id': 'Testing' is not allowed",
    ],
    [
      { checks: ['Coverage!'] },
      "governance.standards[0].checks': 'Coverage!' is not a check id",
    ],
  ])('fails naming the key for %j', (override, message) => {
    expect(() => read([{ ...standard, ...override }])).toThrow(message);
  });

  it('fails on standards that are not a list, naming the key and what a standard holds', () => {
    expect(() =>
      readStandards(new ConfigReader({ governance: { standards: 'testing' } })),
    ).toThrow(
      /^Invalid config at 'governance\.standards': expected a list of \{ id, title, type, enforcement, reviewFrequency, targetAutomation, checks \}, /,
    );
  });

  it('fails on a standard defined twice or a missing key', () => {
    expect(() => read([standard, standard])).toThrow(
      "governance.standards[1].id': the standard 'testing' is defined twice",
    );
    const { checks: _, ...withoutChecks } = standard;
    expect(() => read([withoutChecks])).toThrow(
      /governance\.standards\[0\].*checks/,
    );
  });

  it('fails on a check id no scorecard holds, but lets prefixes through', () => {
    const standards = read([{ ...standard, checks: ['coverage', 'lint-*'] }]);
    expect(() =>
      validateStandardChecks(standards, new Set(['coverage'])),
    ).not.toThrow();
    expect(() =>
      validateStandardChecks(
        read([{ ...standard, checks: ['coverge'] }]),
        new Set(['coverage']),
      ),
    ).toThrow(
      "governance.standards[0].checks': 'coverge' is not a check id, allowed are coverage",
    );
  });
});

describe('check evidence', () => {
  it('marks results from measured facts automated and from annotations attested', () => {
    const [critical] = [...readTierPolicies(new ConfigReader({})).values()];
    const results = evaluateScorecard({
      checks: tierChecks(critical, { warnMarginPercent: 5 }),
      facts: [
        measured('coverage', 90, '2026-12-01T00:00:00Z'),
        declared('availability', 99.99),
      ],
      factDefinitions: new Map(),
      now: new Date('2026-12-02T00:00:00Z'),
    });
    const evidence = Object.fromEntries(
      results.map(r => [r.checkId, r.evidence ?? 'none']),
    );
    expect(evidence).toMatchObject({
      coverage: 'automated',
      availability: 'attested',
      'p95-latency': 'none',
    });
  });

  it('falls back on the origin for results stored before evidence was recorded', () => {
    expect(
      evidenceOf(checkResult('coverage', 'pass', { origin: 'measured' })),
    ).toBe('automated');
    expect(
      evidenceOf(checkResult('coverage', 'pass', { origin: 'declared' })),
    ).toBe('attested');
    expect(evidenceOf(checkResult('coverage', 'unknown'))).toBeUndefined();
    expect(evidenceOf(checkResult('dependencies-meet-tier', 'pass'))).toBe(
      'automated',
    );
  });
});

describe('rollUpStandards', () => {
  it('counts compliance and automation per standard and lists unmapped checks', () => {
    const counts = new Map<string, CheckResultCounts>();
    countCheckResult(
      counts,
      checkResult('coverage', 'pass', { origin: 'measured' }),
    );
    countCheckResult(
      counts,
      checkResult('coverage', 'fail', { origin: 'measured' }),
    );
    countCheckResult(
      counts,
      checkResult('testing-unit', 'waived', { origin: 'declared' }),
    );
    countCheckResult(counts, checkResult('testing-load', 'unknown'));
    countCheckResult(
      counts,
      checkResult('custom-slo', 'warn', { origin: 'measured' }),
    );
    const { standards, unmapped } = rollUpStandards(read([standard]), counts);
    expect(standards[0].counts).toEqual({
      total: 4,
      compliant: 2,
      automated: 2,
    });
    expect(unmapped).toEqual({
      checks: ['custom-slo'],
      counts: { total: 1, compliant: 1, automated: 1 },
    });
  });

  it('marks automation below the lower bound of the target', () => {
    const [, testing] = DEFAULT_STANDARDS;
    expect(belowAutomationTarget(0.69, testing.targetAutomation)).toBe(true);
    expect(belowAutomationTarget(0.7, testing.targetAutomation)).toBe(false);
    expect(belowAutomationTarget(0.95, testing.targetAutomation)).toBe(false);
  });
});
