import { createMockDirectory } from '@backstage/backend-test-utils';
import { resolve as resolvePath } from 'node:path';
import { ExitCodeError } from '../../lib/errors';
import { LintFormat } from '../lint/formatters';
import { adrLint } from './adrLint';

const fixtures = resolvePath(__dirname, '__fixtures__');

const lintFixture = (folder: string, format?: LintFormat) =>
  adrLint({ folder, format, cwd: fixtures });

describe('governance-cli adr lint', () => {
  const mockDir = createMockDirectory();

  it('exits 0 for a folder of sound ADRs, leaving out its README and templates', async () => {
    expect(await lintFixture('clean')).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'No ADR problems in 3 files\n',
    });
  });

  it('prints one line per problem with the file, what is wrong and the rule, and exits 1', async () => {
    const result = await lintFixture('problems');
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      "problems/0001-use-postgresql.md date '05/02/2026' can be read as 5 February 2026 or 2 May 2026; it is read day-first as 2026-02-05 (governance.adrs.dateOrder): write 2026-02-05 to remove the doubt (adr-date)",
      "problems/0002-use-grpc.md status '{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}' is the template's placeholder, not a status: write one of proposed, accepted, rejected, deprecated, superseded (adr-status)",
      'problems/0002-use-grpc.md ADR number 2 is also the number of 0002-use-redis-for-sessions.md: give each ADR a number of its own (adr-duplicate-number)',
      "problems/0002-use-redis-for-sessions.md no date: expected 'date: 2026-03-01' in the front matter or a 'Date: 2026-03-01' line under the title (adr-date)",
      "problems/0002-use-redis-for-sessions.md superseded by '0009-use-signed-cookies.md', which is not an ADR of this folder: link the file that supersedes it, e.g. 'Superseded by [ADR-0005](0005-use-kafka.md)' (adr-superseded-by)",
      'problems/0002-use-redis-for-sessions.md ADR number 2 is also the number of 0002-use-grpc.md: give each ADR a number of its own (adr-duplicate-number)',
      "problems/0004_Cache_Prices.md file name '0004_Cache_Prices.md' does not match the ADR file pattern ^\\d{4}-[a-z0-9-]+\\.md$ (--file-pattern): a 4-digit number, a dash and lower-case words joined by dashes, e.g. 0007-use-kafka.md (adr-file-name)",
      "problems/0004_Cache_Prices.md the status is superseded but names no superseding ADR: expected e.g. 'Superseded by [ADR-0005](0005-use-kafka.md)' (adr-superseded-by)",
      '',
    ]);
    expect(result.stderr).toBe('8 ADR problems in 4 files of 4\n');
  });

  it('writes the problems as JSON', async () => {
    const result = await lintFixture('problems', 'json');
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ files: 4, errors: [] });
    expect(report.problems).toHaveLength(8);
    expect(report.problems[0]).toEqual({
      file: 'problems/0001-use-postgresql.md',
      ruleId: 'adr-date',
      message: expect.stringMatching(/^date '05\/02\/2026' can be read/),
    });
  });

  it('writes GitHub Actions annotations on the files, titled by rule', async () => {
    const result = await lintFixture('problems', 'github');
    expect(result.stdout.split('\n')[3]).toBe(
      "::error file=problems/0002-use-redis-for-sessions.md,title=adr-date::no date: expected 'date: 2026-03-01' in the front matter or a 'Date: 2026-03-01' line under the title (adr-date)",
    );
    expect(result.stderr).toBe('8 ADR problems in 4 files of 4\n');
  });

  it('writes SARIF with one rule per kind of problem, each saying what it asks', async () => {
    const result = await lintFixture('problems', 'sarif');
    const [run] = JSON.parse(result.stdout).runs;
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'adr-date',
      'adr-duplicate-number',
      'adr-file-name',
      'adr-status',
      'adr-superseded-by',
    ]);
    expect(run.tool.driver.rules[3].shortDescription.text).toBe(
      'An ADR has a status: one of proposed, accepted, rejected, deprecated, superseded',
    );
    expect(run.results[0]).toMatchObject({
      ruleId: 'adr-date',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'problems/0001-use-postgresql.md' },
          },
        },
      ],
    });
  });

  it('checks file names against --file-pattern', async () => {
    mockDir.setContent({
      'adr/ADR-1-use-kafka.md':
        '# 1. Use Kafka\n\n* Status: accepted\n* Date: 2026-01-12\n',
      'adr/0002-use-pulsar.md':
        '# 2. Use Pulsar\n\n* Status: accepted\n* Date: 2026-01-12\n',
    });
    const result = await adrLint({
      folder: 'adr',
      filePattern: '^ADR-\\d+-[a-z-]+\\.md$',
      cwd: mockDir.path,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(
      "adr/0002-use-pulsar.md file name '0002-use-pulsar.md' does not match the ADR file pattern ^ADR-\\d+-[a-z-]+\\.md$ (--file-pattern) (adr-file-name)\n",
    );
  });

  it('lints a README or template whose name matches the file pattern', async () => {
    mockDir.setContent({ 'adr/0000-template.md': '# 0. Title\n' });
    const result = await adrLint({ folder: 'adr', cwd: mockDir.path });
    expect(result.stdout).toContain('adr/0000-template.md no status');
  });

  it.each([
    ['a missing folder', {}, 'missing: File not found'],
    [
      'a file instead of a folder',
      { missing: 'x' },
      'missing: Not a folder: pass the folder that holds the ADR files',
    ],
    [
      'a folder without ADR files',
      { 'missing/notes.txt': 'x', 'missing/README.md': 'x' },
      'missing: No ADR files in this folder or its subfolders: expected Markdown files named like ^\\d{4}-[a-z0-9-]+\\.md$',
    ],
  ])(
    'exits 2 for %s, so that a typo never passes as no problems',
    async (_, content, message) => {
      mockDir.setContent(content);
      const result = await adrLint({ folder: 'missing', cwd: mockDir.path });
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('Could not lint: 1 error');
    },
  );

  it('refuses a --file-pattern that is no regular expression, naming the default', async () => {
    const result = adrLint({
      folder: 'clean',
      filePattern: '^(\\d',
      cwd: fixtures,
    });
    await expect(result).rejects.toThrow(ExitCodeError);
    await expect(result).rejects.toThrow(
      /^--file-pattern '\^\(\\d' is not a regular expression \(.*\); the default is '\^\\d\{4\}-\[a-z0-9-\]\+\\\.md\$'$/,
    );
  });
});
