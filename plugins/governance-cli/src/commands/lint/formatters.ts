import { LintError, LintProblem, UNKNOWN_KEY_RULE } from './lintCatalogFile';

/** The output formats of `lint`. */
export const LINT_FORMATS = ['text', 'json', 'github', 'sarif'];

/** The output format of `lint`: see {@link LINT_FORMATS}. */
export type LintFormat = 'text' | 'json' | 'github' | 'sarif';

/** Everything one lint run found, across all files. */
export interface LintReport {
  files: string[];
  problems: LintProblem[];
  errors: LintError[];
}

/** The one-line description of a problem, without its location. */
export function describeProblem(p: LintProblem): string {
  return `${p.entityRef} ${p.key}=${p.value}: ${p.problem} (allowed: ${p.allowed})`;
}

function location(e: { file: string; line?: number; column?: number }) {
  if (e.line === undefined) {
    return e.file;
  }
  return `${e.file}:${e.line}${e.column === undefined ? '' : `:${e.column}`}`;
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(report: LintReport): string {
  const { files, problems, errors } = report;
  const lines: string[] = [];
  if (problems.length) {
    const withProblems = new Set(problems.map(p => p.file)).size;
    lines.push(
      `${plural(problems.length, 'governance annotation problem')} in ${plural(
        withProblems,
        'file',
      )} of ${files.length}`,
    );
  } else if (!errors.length) {
    lines.push(
      `No governance annotation problems in ${plural(files.length, 'file')}`,
    );
  }
  if (errors.length) {
    lines.push(
      `Could not lint: ${plural(
        errors.length,
        'error',
      )}, see above (exit code 2)`,
    );
  }
  return lines.map(l => `${l}\n`).join('');
}

// https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
function escapeData(s: string) {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string) {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function githubCommand(
  e: { file: string; line?: number; column?: number },
  title: string,
  message: string,
) {
  const props = [`file=${escapeProperty(e.file)}`];
  if (e.line !== undefined) {
    props.push(`line=${e.line}`);
  }
  if (e.column !== undefined) {
    props.push(`col=${e.column}`);
  }
  props.push(`title=${escapeProperty(title)}`);
  return `::error ${props.join(',')}::${escapeData(message)}\n`;
}

function sarifLocation(e: { file: string; line?: number; column?: number }) {
  return {
    physicalLocation: {
      artifactLocation: { uri: e.file.replace(/\\/g, '/') },
      ...(e.line !== undefined && {
        region: { startLine: e.line, startColumn: e.column ?? 1 },
      }),
    },
  };
}

function sarif(report: LintReport, toolVersion: string) {
  const ruleIds = [...new Set(report.problems.map(p => p.ruleId))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'governance-cli',
            version: toolVersion,
            rules: ruleIds.map(id => ({
              id,
              name: id,
              shortDescription: {
                text:
                  id === UNKNOWN_KEY_RULE
                    ? 'Known governance annotation key'
                    : `Valid ${id} annotation`,
              },
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.errors.map(e => ({
              level: 'error',
              message: { text: e.message },
              locations: [sarifLocation(e)],
            })),
          },
        ],
        results: report.problems.map(p => ({
          ruleId: p.ruleId,
          ruleIndex: ruleIds.indexOf(p.ruleId),
          level: 'error',
          message: { text: describeProblem(p) },
          locations: [sarifLocation(p)],
        })),
      },
    ],
  };
}

/**
 * Renders a lint report. Problems go to stdout, one per line in `text`; errors and the summary
 * go to stderr in `text` and `github`, so stdout stays machine-readable in every format.
 */
export function formatLintReport(
  report: LintReport,
  format: LintFormat,
  options: { toolVersion: string },
): { stdout: string; stderr: string } {
  switch (format) {
    case 'json':
      return {
        stdout: `${JSON.stringify(
          {
            files: report.files.length,
            problems: report.problems,
            errors: report.errors,
          },
          null,
          2,
        )}\n`,
        stderr: '',
      };
    case 'sarif':
      return {
        stdout: `${JSON.stringify(
          sarif(report, options.toolVersion),
          null,
          2,
        )}\n`,
        stderr: '',
      };
    case 'github':
      return {
        stdout: [
          ...report.errors.map(e =>
            githubCommand(e, 'governance-cli could not lint', e.message),
          ),
          ...report.problems.map(p =>
            githubCommand(p, p.key, describeProblem(p)),
          ),
        ].join(''),
        stderr: summary(report),
      };
    default:
      return {
        stdout: report.problems
          .map(
            p =>
              `${location({ file: p.file, line: p.line })} ${describeProblem(
                p,
              )}\n`,
          )
          .join(''),
        stderr:
          report.errors.map(e => `${location(e)}: ${e.message}\n`).join('') +
          summary(report),
      };
  }
}
