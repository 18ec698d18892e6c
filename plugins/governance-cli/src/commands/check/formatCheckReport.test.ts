import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { failingCoverage } from '../../__testUtils__/checkResults';
import { CheckReport, formatCheckReport } from './formatCheckReport';
import { EntityVerdict } from './verdict';

// Declared, so that offline it points at its annotation.
const coverage: CheckResult = {
  ...failingCoverage,
  origin: 'declared',
  source: 'governance/test-coverage',
};

const level = {
  current: 'bronze',
  required: 'gold',
  meetsRequired: false,
  next: { name: 'silver', title: 'Silver', failingChecks: ['coverage'] },
  levels: [],
};

/** payments fails coverage and its level, in a file (offline) or in the catalog (online). */
function report(offline: boolean): CheckReport {
  const verdict: EntityVerdict = {
    entityRef: 'component:default/payments',
    tier: 'critical',
    results: [coverage],
    problems: [],
    level,
    notes: [],
    ...(offline && {
      location: {
        file: 'catalog-info.yaml',
        locate: key =>
          key === 'governance/test-coverage'
            ? { line: 9, column: 32 }
            : { line: 6, column: 22 },
      },
    }),
  };
  return {
    files: offline ? ['catalog-info.yaml'] : [],
    verdicts: [verdict],
    errors: [],
  };
}

const format = (offline: boolean, f: 'text' | 'json' | 'github' | 'sarif') =>
  formatCheckReport(report(offline), f, { toolVersion: '1.0.0' });

describe('formatCheckReport', () => {
  it('prints one line a finding in text, located offline, and the verdict on stderr', () => {
    expect(format(true, 'text')).toEqual({
      exitCode: 1,
      stdout: [
        'catalog-info.yaml:9 component:default/payments coverage: Test coverage: 70%; target for tier critical: >= 85%',
        'catalog-info.yaml:6 component:default/payments required-level: Below the required level: level bronze, tier critical requires gold; 1 check to silver: coverage',
        '',
      ].join('\n'),
      stderr: [
        'component:default/payments (critical): fails its contract; level bronze, tier critical requires gold; 1 check to silver: coverage',
        '1 of 1 governed entity fails its tier contract',
        '',
      ].join('\n'),
    });
  });

  it('writes a JSON verdict with the failing checks (id, title, actual, target) and the level', () => {
    const json = JSON.parse(format(false, 'json').stdout);
    expect(json).toEqual({
      meetsContract: false,
      errors: [],
      entities: [
        expect.objectContaining({
          entityRef: 'component:default/payments',
          tier: 'critical',
          meetsContract: false,
          failing: [
            {
              checkId: 'coverage',
              title: 'Test coverage',
              actual: '70%',
              target: '>= 85%',
            },
          ],
          level,
          findings: [
            expect.objectContaining({ ruleId: 'coverage' }),
            expect.objectContaining({ ruleId: 'required-level' }),
          ],
        }),
      ],
    });
  });

  it('writes GitHub annotations on the annotation lines offline, and without a file online', () => {
    expect(format(true, 'github').stdout.split('\n')[0]).toBe(
      '::error file=catalog-info.yaml,line=9,col=32,title=Test coverage (component%3Adefault/payments)::component:default/payments coverage: Test coverage: 70%25; target for tier critical: >= 85%25',
    );
    expect(format(false, 'github').stdout.split('\n')[0]).toBe(
      '::error title=Test coverage (component%3Adefault/payments)::component:default/payments coverage: Test coverage: 70%25; target for tier critical: >= 85%25',
    );
  });

  it('writes SARIF 2.1.0 whose rule ids are the check ids', () => {
    const [run] = JSON.parse(format(true, 'sarif').stdout).runs;
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'coverage',
      'required-level',
    ]);
    expect(run.results[0]).toEqual({
      ruleId: 'coverage',
      ruleIndex: 0,
      level: 'error',
      message: {
        text: 'component:default/payments coverage: Test coverage: 70%; target for tier critical: >= 85%',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'catalog-info.yaml' },
            region: { startLine: 9, startColumn: 32 },
          },
        },
      ],
    });
    const [online] = JSON.parse(format(false, 'sarif').stdout).runs;
    expect(online.results[0].locations).toEqual([]);
  });

  it('exits 0 and says so when every entity meets its contract', () => {
    const passing = report(true);
    passing.verdicts[0].results = [{ ...coverage, state: 'waived' }];
    passing.verdicts[0].level = {
      ...level,
      current: 'gold',
      meetsRequired: true,
      next: null,
    };
    const result = formatCheckReport(passing, 'text', { toolVersion: '1' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      '1 governed entity meets its tier contract',
    );
  });
});
