import { formatLintReport, LintReport } from './formatters';
import { LintProblem } from './lintCatalogFile';

const problem: LintProblem = {
  file: 'services/a,b/catalog-info.yaml',
  line: 7,
  column: 22,
  entityRef: 'component:default/payments',
  key: 'governance/tier',
  value: '50%: gold\nplatinum',
  ruleId: 'governance/tier',
  problem: 'invalid value',
  allowed: 'one of the configured tiers: critical, core, supporting',
  message: "Invalid annotation governance/tier: '...' is not allowed",
};

const report: LintReport = {
  files: ['services/a,b/catalog-info.yaml', 'broken.yaml'],
  problems: [problem],
  errors: [
    { file: 'broken.yaml', line: 3, column: 1, message: 'Invalid YAML: x' },
  ],
};

describe('formatLintReport', () => {
  it('writes GitHub Actions workflow commands that render as inline annotations', () => {
    const { stdout, stderr } = formatLintReport(report, 'github', {
      toolVersion: '1.0.0',
    });
    expect(stdout.split('\n')).toEqual([
      '::error file=broken.yaml,line=3,col=1,title=governance-cli could not lint::Invalid YAML: x',
      '::error file=services/a%2Cb/catalog-info.yaml,line=7,col=22,title=governance/tier::component:default/payments governance/tier=50%25: gold%0Aplatinum: invalid value (allowed: one of the configured tiers: critical, core, supporting)',
      '',
    ]);
    expect(stderr).toContain('1 governance annotation problem in 1 file of 2');
  });

  it('writes SARIF 2.1.0 with one rule per annotation key and the errors as notifications', () => {
    const log = JSON.parse(
      formatLintReport(report, 'sarif', { toolVersion: '1.0.0' }).stdout,
    );
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run.tool.driver).toMatchObject({
      name: 'governance-cli',
      version: '1.0.0',
      rules: [{ id: 'governance/tier' }],
    });
    expect(run.results).toEqual([
      {
        ruleId: 'governance/tier',
        ruleIndex: 0,
        level: 'error',
        message: {
          text: 'component:default/payments governance/tier=50%: gold\nplatinum: invalid value (allowed: one of the configured tiers: critical, core, supporting)',
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'services/a,b/catalog-info.yaml' },
              region: { startLine: 7, startColumn: 22 },
            },
          },
        ],
      },
    ]);
    expect(run.invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [
        { level: 'error', message: { text: 'Invalid YAML: x' } },
      ],
    });
  });
});
