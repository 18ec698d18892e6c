import {
  builtInFactDefinitions,
  declared,
  evaluatedAt,
  evaluateTier,
  measured,
} from './__testUtils__/scorecardInputs';
import { applyWaivers, evaluateScorecard, scorecardTrend } from './scorecard';
import { DEFAULT_TIER_POLICIES } from './tierPolicy';

const [, core] = DEFAULT_TIER_POLICIES;

describe('evaluateScorecard', () => {
  it('has one row per check the tier demands, each unknown when no fact exists', () => {
    const results = evaluateTier([]);
    expect(results.map(r => [r.checkId, r.state])).toEqual([
      ['availability', 'unknown'],
      ['p95-latency', 'unknown'],
      ['security-review', 'unknown'],
      ['coverage', 'unknown'],
      ['testing-load', 'unknown'],
    ]);
    expect(results[0].reason).toContain('No value for fact availability');
  });

  it('lets a measured value beat a declared one, and shows where it came from', () => {
    const [availability] = evaluateTier([
      declared('availability', 99.99),
      measured('availability', 99.5),
    ]);
    expect(availability).toMatchObject({
      state: 'fail',
      actual: '99.5%',
      origin: 'measured',
      source: 'ci/github-actions',
      observedAt: '2026-11-24T00:00:00Z',
      stale: false,
    });
  });

  it('uses the latest measurement when several sources pushed one', () => {
    const [, latency] = evaluateTier([
      measured('p95LatencyMs', 400, '2026-11-20T00:00:00Z', 'monitoring/old'),
      measured(
        'p95LatencyMs',
        120,
        '2026-11-24T00:00:00Z',
        'monitoring/prometheus',
      ),
    ]);
    expect(latency).toMatchObject({
      state: 'pass',
      actual: '120 ms',
      source: 'monitoring/prometheus',
    });
  });

  it('marks a fact older than its window as stale and unknown, never pass or fail', () => {
    const [, , , coverage] = evaluateTier([
      measured('coverage', 95, '2026-10-01T00:00:00Z'),
    ]);
    expect(coverage).toMatchObject({
      state: 'unknown',
      stale: true,
      actual: '95%',
    });
    expect(coverage.reason).toContain('older than 30 days');
  });

  it('writes each result in the same JSON, so stored results compare equal across passes', () => {
    // The store compares a result's JSON text with the stored one to skip writing it.
    const [availability, p95] = evaluateTier([
      measured('availability', 99.991),
      measured('p95LatencyMs', 120, '2026-01-01T00:00:00Z'),
    ]);
    expect(JSON.stringify(availability)).toBe(
      '{"checkId":"availability","title":"Availability","target":">= 99.95%","factName":"availability","origin":"measured","source":"ci/github-actions","observedAt":"2026-11-24T00:00:00Z","evidence":"automated","state":"pass","actual":"99.991%","stale":false}',
    );
    expect(JSON.stringify(p95)).toBe(
      '{"checkId":"p95-latency","title":"p95 latency","target":"< 200 ms","factName":"p95LatencyMs","origin":"measured","source":"ci/github-actions","observedAt":"2026-01-01T00:00:00Z","evidence":"automated","state":"unknown","actual":"120 ms","stale":true,"reason":"The latest measurement is older than 7 days"}',
    );
  });

  it('uses declared values when nothing was measured; they are never stale', () => {
    const results = evaluateTier([
      declared('availability', 99.99),
      declared('p95LatencyMs', 150),
      declared('lastSecurityReview', '2026-10-01'),
      declared('coverage', 92),
      declared('testingKinds', ['unit', 'load']),
    ]);
    expect(results.map(r => [r.checkId, r.state, r.origin])).toEqual([
      ['availability', 'pass', 'declared'],
      ['p95-latency', 'pass', 'declared'],
      ['security-review', 'pass', 'declared'],
      ['coverage', 'pass', 'declared'],
      ['testing-load', 'pass', 'declared'],
    ]);
  });

  it('warns when a passing value is within the warn margin of its threshold', () => {
    const results = evaluateTier([
      measured('availability', 99.951), // 2% of a 0.05-point error budget left
      measured('p95LatencyMs', 195), // within 5% of 200 ms
      measured('coverage', 86), // within 5% above 85%
      measured('lastSecurityReview', '2026-08-27'), // due 2026-11-27, inside the margin
    ]);
    expect(results.slice(0, 4).map(r => r.state)).toEqual([
      'warn',
      'warn',
      'warn',
      'warn',
    ]);
  });

  it('fails a security review past its cadence and a missing kind of testing', () => {
    const results = evaluateTier(
      [
        measured('lastSecurityReview', '2026-01-01'),
        measured('testingKinds', ['unit']),
      ],
      core,
    );
    expect(results.find(r => r.checkId === 'security-review')).toMatchObject({
      state: 'fail',
      actual: 'last on 2026-01-01, next due 2026-07-01',
    });
    expect(
      results.find(r => r.checkId === 'testing-integration'),
    ).toMatchObject({
      state: 'fail',
      actual: 'unit',
    });
  });

  it('reports a custom check that throws as unknown instead of failing the scorecard', () => {
    const results = evaluateScorecard({
      checks: [
        {
          id: 'broken',
          title: 'Broken',
          factName: 'coverage',
          target: 'anything',
          evaluate: () => {
            throw new Error('boom');
          },
        },
      ],
      facts: [measured('coverage', 50)],
      factDefinitions: builtInFactDefinitions,
      now: evaluatedAt,
    });
    expect(results[0]).toMatchObject({
      state: 'unknown',
      reason: expect.stringContaining('boom'),
    });
  });
});

describe('scorecardTrend', () => {
  it('shows the share of passing checks at the end of each day, from transitions only', () => {
    const points = scorecardTrend(
      [
        { checkId: 'a', state: 'fail', changedAt: '2026-11-20T10:00:00.000Z' },
        { checkId: 'b', state: 'pass', changedAt: '2026-11-20T10:00:00.000Z' },
        { checkId: 'a', state: 'pass', changedAt: '2026-11-22T09:00:00.000Z' },
        {
          checkId: 'b',
          state: 'removed',
          changedAt: '2026-11-23T09:00:00.000Z',
        },
      ],
      {
        from: new Date('2026-11-19T00:00:00Z'),
        to: new Date('2026-11-23T12:00:00Z'),
      },
    );
    expect(points).toEqual([
      { date: '2026-11-20', passing: 1, total: 2 },
      { date: '2026-11-21', passing: 1, total: 2 },
      { date: '2026-11-22', passing: 2, total: 2 },
      { date: '2026-11-23', passing: 1, total: 1 },
    ]);
  });

  it('applies transitions from before the window to its first day', () => {
    expect(
      scorecardTrend(
        [
          {
            checkId: 'a',
            state: 'pass',
            changedAt: '2026-01-01T00:00:00.000Z',
          },
        ],
        {
          from: new Date('2026-11-24T00:00:00Z'),
          to: new Date('2026-11-25T00:00:00Z'),
        },
      ),
    ).toEqual([
      { date: '2026-11-24', passing: 1, total: 1 },
      { date: '2026-11-25', passing: 1, total: 1 },
    ]);
  });
});

describe('applyWaivers', () => {
  const failing = evaluateTier([measured('coverage', 40)]);
  const waiver = {
    id: 'w1',
    entityRef: 'component:default/payments',
    checkId: 'coverage',
    reason: 'Legacy module being rewritten',
    expiresAt: '2026-12-31T23:59:59.000Z',
    createdBy: 'user:default/grace.hopper',
    createdAt: '2026-11-20T00:00:00.000Z',
  };

  it('shows a failing check with an active waiver as waived, with who, why and until when', () => {
    const coverage = applyWaivers(failing, [waiver], evaluatedAt).find(
      r => r.checkId === 'coverage',
    )!;
    expect(coverage).toMatchObject({
      state: 'waived',
      waiver: {
        id: 'w1',
        reason: 'Legacy module being rewritten',
        createdBy: 'user:default/grace.hopper',
      },
    });
    expect(coverage.reason).toContain('was fail');
  });

  it('returns the check to its real state once the waiver expired or was revoked', () => {
    const later = new Date('2027-01-01T00:00:00Z');
    expect(
      applyWaivers(failing, [waiver], later).find(
        r => r.checkId === 'coverage',
      )!.state,
    ).toBe('fail');
    const revoked = {
      ...waiver,
      revokedAt: '2026-11-24T00:00:00.000Z',
      revokedBy: 'user:default/x',
    };
    expect(
      applyWaivers(failing, [revoked], evaluatedAt).find(
        r => r.checkId === 'coverage',
      )!.state,
    ).toBe('fail');
  });

  it('never turns a waiver into a pass, and leaves passing checks alone', () => {
    const passing = evaluateTier([measured('coverage', 95)]);
    const coverage = applyWaivers(passing, [waiver], evaluatedAt).find(
      r => r.checkId === 'coverage',
    )!;
    expect(coverage.state).toBe('pass');
    expect(coverage.waiver).toBeUndefined();
  });
});
