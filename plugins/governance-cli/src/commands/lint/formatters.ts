import { EXIT_COULD_NOT_RUN, EXIT_OK, EXIT_PROBLEMS } from '../../lib/errors';
import { LintError, LintProblem, UNKNOWN_KEY_RULE } from './lintCatalogFile';

/** The output formats of `lint`. */
export const LINT_FORMATS = ['text', 'json', 'github', 'sarif'];

/** The output format of `lint`: see {@link LINT_FORMATS}. */
export type LintFormat = 'text' | 'json' | 'github' | 'sarif';

/** What every lint command's problems have: where the problem is and the rule it breaks. */
export interface LintFinding {
  /** Absent for a finding about an entity in the catalog rather than in a file (`check --entity`). */
  file?: string;
  line?: number;
  column?: number;
  ruleId: string;
}

/** Everything one lint run found, across all files. */
export interface LintReport<P extends LintFinding = LintProblem> {
  files: string[];
  problems: P[];
  errors: LintError[];
}

/**
 * How a lint command words its problems, so that every lint command shares one set of output
 * formats and summaries.
 */
export interface LintVocabulary<P extends LintFinding> {
  /** What one problem is called in the summary, e.g. `governance annotation problem`. */
  problemName: string;
  /** The one-line description of a problem, without its location. */
  describe(problem: P): string;
  /** The title of a problem's GitHub annotation. */
  title(problem: P): string;
  /** The SARIF short description of a rule. */
  describeRule(ruleId: string): string;
  /** The summary written to stderr, when the default count of problems and files does not fit. */
  summary?(report: LintReport<P>): string;
}

/** The one-line description of a problem, without its location. */
export function describeProblem(p: LintProblem): string {
  return `${p.entityRef} ${p.key}=${p.value}: ${p.problem} (allowed: ${p.allowed})`;
}

/** The words of `lint`, which checks governance annotations. */
const ANNOTATION_VOCABULARY: LintVocabulary<LintProblem> = {
  problemName: 'governance annotation problem',
  describe: describeProblem,
  title: p => p.key,
  describeRule: id =>
    id === UNKNOWN_KEY_RULE
      ? 'Known governance annotation key'
      : `Valid ${id} annotation`,
};

function location(e: { file: string; line?: number; column?: number }) {
  if (e.line === undefined) {
    return e.file;
  }
  return `${e.file}:${e.line}${e.column === undefined ? '' : `:${e.column}`}`;
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(report: LintReport<LintFinding>, problemName: string): string {
  const { files, problems, errors } = report;
  const lines: string[] = [];
  if (problems.length) {
    const withProblems = new Set(problems.map(p => p.file)).size;
    lines.push(
      `${plural(problems.length, problemName)} in ${plural(
        withProblems,
        'file',
      )} of ${files.length}`,
    );
  } else if (!errors.length) {
    lines.push(`No ${problemName}s in ${plural(files.length, 'file')}`);
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
  e: { file?: string; line?: number; column?: number },
  title: string,
  message: string,
) {
  const props: string[] = [];
  if (e.file !== undefined) {
    props.push(`file=${escapeProperty(e.file)}`);
  }
  if (e.line !== undefined) {
    props.push(`line=${e.line}`);
  }
  if (e.column !== undefined) {
    props.push(`col=${e.column}`);
  }
  props.push(`title=${escapeProperty(title)}`);
  return `::error ${props.join(',')}::${escapeData(message)}\n`;
}

function sarifLocations(e: { file?: string; line?: number; column?: number }) {
  if (e.file === undefined) {
    return [];
  }
  return [
    {
      physicalLocation: {
        artifactLocation: { uri: e.file.replace(/\\/g, '/') },
        ...(e.line !== undefined && {
          region: { startLine: e.line, startColumn: e.column ?? 1 },
        }),
      },
    },
  ];
}

function sarif<P extends LintFinding>(
  report: LintReport<P>,
  toolVersion: string,
  vocabulary: LintVocabulary<P>,
) {
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
              shortDescription: { text: vocabulary.describeRule(id) },
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
              locations: sarifLocations(e),
            })),
          },
        ],
        results: report.problems.map(p => ({
          ruleId: p.ruleId,
          ruleIndex: ruleIds.indexOf(p.ruleId),
          level: 'error',
          message: { text: vocabulary.describe(p) },
          locations: sarifLocations(p),
        })),
      },
    ],
  };
}

/** The exit code of a lint run: 0 clean, 1 problems found, 2 could not lint everything. */
export function lintExitCode(report: LintReport<LintFinding>): number {
  if (report.errors.length) {
    return EXIT_COULD_NOT_RUN;
  }
  return report.problems.length ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * Renders a lint report. Problems go to stdout, one per line in `text`; errors and the summary
 * go to stderr in `text` and `github`, so stdout stays machine-readable in every format.
 * `options.vocabulary` words the problems of a lint command other than `lint`.
 */
export function formatLintReport(
  report: LintReport,
  format: LintFormat,
  options: { toolVersion: string },
): { stdout: string; stderr: string };
export function formatLintReport<P extends LintFinding>(
  report: LintReport<P>,
  format: LintFormat,
  options: { toolVersion: string; vocabulary: LintVocabulary<P> },
): { stdout: string; stderr: string };
export function formatLintReport(
  report: LintReport<LintFinding>,
  format: LintFormat,
  options: { toolVersion: string; vocabulary?: LintVocabulary<LintFinding> },
): { stdout: string; stderr: string } {
  const vocabulary: LintVocabulary<LintFinding> =
    options.vocabulary ?? ANNOTATION_VOCABULARY;
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
          sarif(report, options.toolVersion, vocabulary),
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
            githubCommand(p, vocabulary.title(p), vocabulary.describe(p)),
          ),
        ].join(''),
        stderr: vocabulary.summary
          ? vocabulary.summary(report)
          : summary(report, vocabulary.problemName),
      };
    default:
      return {
        stdout: report.problems
          .map(p =>
            p.file === undefined
              ? `${vocabulary.describe(p)}\n`
              : `${location({
                  file: p.file,
                  line: p.line,
                })} ${vocabulary.describe(p)}\n`,
          )
          .join(''),
        stderr:
          report.errors.map(e => `${location(e)}: ${e.message}\n`).join('') +
          (vocabulary.summary
            ? vocabulary.summary(report)
            : summary(report, vocabulary.problemName)),
      };
  }
}
