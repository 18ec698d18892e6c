import { addMonths, evaluateDeclaredTargets } from './declaredTargets';
import { DEFAULT_TIER_POLICIES } from './tierPolicy';

const [critical, core] = DEFAULT_TIER_POLICIES;
const now = new Date('2026-11-25T12:00:00Z');

describe('evaluateDeclaredTargets', () => {
  it('marks every target unknown when nothing is declared', () => {
    const rows = evaluateDeclaredTargets(critical, {}, now);
    expect(rows.map(r => [r.id, r.status])).toEqual([
      ['availability', 'unknown'],
      ['p95-latency', 'unknown'],
      ['security-review', 'unknown'],
      ['test-coverage', 'unknown'],
      ['testing-kinds', 'unknown'],
    ]);
    expect(rows.every(r => r.declared === undefined)).toBe(true);
  });

  it('marks declared values that meet the critical tier as met, with targets from the policy', () => {
    const rows = evaluateDeclaredTargets(
      critical,
      {
        availabilitySloPercent: 99.95,
        p95LatencySloMs: 150,
        lastSecurityReview: '2026-09-01',
        testCoveragePercent: 90,
        testing: ['unit', 'load'],
      },
      now,
    );
    expect(rows.map(r => [r.target, r.declared, r.status])).toEqual([
      ['>= 99.95%', '99.95%', 'met'],
      ['< 200 ms', '150 ms', 'met'],
      [
        'penetration test every 3 months',
        'last on 2026-09-01, next due 2026-12-01',
        'met',
      ],
      ['>= 85%', '90%', 'met'],
      ['load tests', 'unit, load', 'met'],
    ]);
  });

  it('marks values that fall short as not met', () => {
    const rows = evaluateDeclaredTargets(
      core,
      {
        availabilitySloPercent: 99.5,
        p95LatencySloMs: 500,
        lastSecurityReview: '2026-05-24',
        testCoveragePercent: 74.9,
        testing: ['unit'],
      },
      now,
    );
    expect(rows.every(r => r.status === 'not-met')).toBe(true);
    expect(rows[4].declared).toBe('unit (missing integration)');
  });

  it('counts a security review as current until the day its cadence runs out', () => {
    const onTime = evaluateDeclaredTargets(
      core,
      { lastSecurityReview: '2026-05-25' },
      now,
    );
    expect(onTime[2].status).toBe('met');
    const late = evaluateDeclaredTargets(
      core,
      { lastSecurityReview: '2026-05-24' },
      now,
    );
    expect(late[2].status).toBe('not-met');
  });

  it('adds calendar months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-08-31', 6).toISOString().slice(0, 10)).toBe(
      '2027-02-28',
    );
    expect(addMonths('2026-01-15', 12).toISOString().slice(0, 10)).toBe(
      '2027-01-15',
    );
  });
});
