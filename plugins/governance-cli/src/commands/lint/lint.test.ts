import { createMockDirectory } from '@backstage/backend-test-utils';
import { resolve as resolvePath } from 'node:path';
import { lint } from './lint';

const fixtures = resolvePath(__dirname, '../../__fixtures__');

const lintFixtures = (
  inputs: string[],
  options: { configPaths?: string[]; format?: 'text' | 'json' } = {},
) => lint({ inputs, cwd: fixtures, ...options });

describe('governance-cli lint', () => {
  const mockDir = createMockDirectory();

  it('exits 0 and prints no problem lines for well-annotated files', async () => {
    const result = await lintFixtures(['services/payments/catalog-info.yaml']);
    expect(result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'No governance annotation problems in 1 file\n',
    });
  });

  it('prints one line per problem with file, line, entity, key, value and what is allowed, and exits 1', async () => {
    const result = await lintFixtures(['services/checkout/catalog-info.yaml']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'services/checkout/catalog-info.yaml:7 component:shop/checkout governance/tier=platinum: invalid value (allowed: one of the configured tiers: critical, core, supporting)',
      "services/checkout/catalog-info.yaml:8 component:shop/checkout governance/test-coverage=85: a YAML number, annotations must be quoted strings (allowed: the quoted value '85')",
      'services/checkout/catalog-info.yaml:9 component:shop/checkout governance/availability-slo=high: invalid value (allowed: a percentage from 0 to 100, such as 99.95)',
      expect.stringMatching(
        /^services\/checkout\/catalog-info\.yaml:10 component:shop\/checkout governance\/teir=core: unknown governance annotation key \(allowed: a known governance annotation key: governance\/tier, /,
      ),
      '',
    ]);
    expect(result.stderr).toBe(
      '4 governance annotation problems in 1 file of 1\n',
    );
  });

  it('lints every entity of a multi-document file', async () => {
    const result = await lintFixtures(['multi-document.yaml']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      'multi-document.yaml:20 api:default/search-api governance/p95-latency-slo=fast: invalid value (allowed: a positive duration in milliseconds or seconds, such as 180, 180ms or 1.5s)',
      'multi-document.yaml:21 api:default/search-api governance/runbook=ftp://runbooks.example.com/search: invalid value (allowed: an absolute http(s) URL, such as https://grafana.example.com/d/payments)',
    ]);
  });

  it('expands quoted glob patterns and takes plain paths, each file once', async () => {
    const result = await lintFixtures([
      'services/**/catalog-info.yaml',
      'services/payments/catalog-info.yaml',
      'multi-document.yaml',
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      '6 governance annotation problems in 2 files of 3\n',
    );
  });

  it('exits 2 naming a missing file, a directory and a pattern that matches nothing', async () => {
    const result = await lintFixtures([
      'services/payments/catalog-info.yaml',
      'missing.yaml',
      'services',
      'teams/**/*.yaml',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      'missing.yaml: File not found',
      "services: Is a directory; pass files or a quoted glob such as 'services/**/catalog-info.yaml'",
      'teams/**/*.yaml: No files match this pattern',
      'Could not lint: 3 errors, see above (exit code 2)',
      '',
    ]);
  });

  it('exits 2 naming invalid YAML with its position, and still lints the other files', async () => {
    mockDir.setContent({
      'broken.yaml': [
        'kind: Component',
        'metadata:',
        '  name: broken',
        '  annotations:',
        "    governance/tier: 'critical",
        "    governance/test-coverage: '90'",
      ].join('\n'),
    });
    const result = await lintFixtures([
      mockDir.resolve('broken.yaml'),
      'services/checkout/catalog-info.yaml',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout.trim().split('\n')).toHaveLength(4);
    expect(result.stderr).toContain(
      `${mockDir.resolve(
        'broken.yaml',
      )}:5:31: Invalid YAML: Missing closing 'quote`,
    );
  });

  describe('with --config', () => {
    it('validates the custom tiers of the app-config, and rejects tiers it removes', async () => {
      expect((await lintFixtures(['experimental.yaml'])).stdout).toContain(
        'component:default/prototype governance/tier=experimental: invalid value',
      );

      const result = await lintFixtures(['experimental.yaml'], {
        configPaths: ['app-config.custom-tiers.yaml'],
      });
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toBe(
        'experimental.yaml:17 component:default/ledger governance/tier=critical: invalid value (allowed: one of the configured tiers: core, supporting, experimental)\n',
      );
    });

    it('merges several config files in order, as the backend does', async () => {
      mockDir.setContent({
        'app-config.local.yaml': [
          'governance:',
          '  tiers:',
          '    platinum:',
          '      minAvailabilityPercent: 99.99',
          '      maxP95LatencyMs: 100',
          '      securityReview: { everyMonths: 1 }',
          '      testing: { minCoveragePercent: 90, requiredKinds: [load] }',
        ].join('\n'),
        'platinum.yaml':
          'kind: Component\nmetadata:\n  name: vault\n  annotations:\n    governance/tier: platinum\n',
      });
      const result = await lintFixtures(
        ['experimental.yaml', mockDir.resolve('platinum.yaml')],
        {
          configPaths: [
            'app-config.custom-tiers.yaml',
            mockDir.resolve('app-config.local.yaml'),
          ],
        },
      );
      expect(result.stdout).toBe(
        'experimental.yaml:17 component:default/ledger governance/tier=critical: invalid value (allowed: one of the configured tiers: core, supporting, platinum, experimental)\n',
      );
    });

    it('cannot run with an invalid tier policy, and names the config key', async () => {
      await expect(
        lintFixtures(['experimental.yaml'], {
          configPaths: ['app-config.invalid-tiers.yaml'],
        }),
      ).rejects.toMatchObject({
        exitCode: 2,
        message:
          "Invalid tier policy in --config app-config.invalid-tiers.yaml: Missing config 'governance.tiers.experimental.testing.requiredKinds': a new tier must set every target",
      });
    });

    it('cannot run with a config file that does not exist', async () => {
      await expect(
        lintFixtures(['experimental.yaml'], { configPaths: ['nope.yaml'] }),
      ).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringContaining(
          `Could not load --config nope.yaml: Config file "${fixtures}/nope.yaml" does not exist`,
        ),
      });
    });
  });

  it('prints problems and errors as JSON with --format json', async () => {
    const result = await lintFixtures(['multi-document.yaml', 'missing.yaml'], {
      format: 'json',
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      files: 1,
      problems: [
        {
          file: 'multi-document.yaml',
          line: 20,
          column: 33,
          entityRef: 'api:default/search-api',
          key: 'governance/p95-latency-slo',
          value: 'fast',
          ruleId: 'governance/p95-latency-slo',
          problem: 'invalid value',
          allowed:
            'a positive duration in milliseconds or seconds, such as 180, 180ms or 1.5s',
          message:
            "Invalid annotation governance/p95-latency-slo: 'fast' is not allowed, expected a positive duration in milliseconds or seconds, such as 180, 180ms or 1.5s",
        },
        expect.objectContaining({ key: 'governance/runbook', line: 21 }),
      ],
      errors: [{ file: 'missing.yaml', message: 'File not found' }],
    });
  });
});
