import {
  formatLintReport,
  lintExitCode,
  LintFormat,
  LintReport,
  LintVocabulary,
} from '../lint/formatters';
import {
  CheckFinding,
  describeLevel,
  EntityVerdict,
  failingChecks,
  findingsOf,
  meetsContract,
  REQUIRED_LEVEL_RULE,
} from './verdict';
import { FileError } from '../../lib/catalogDocuments';

/** Everything one `check` run found. */
export interface CheckReport {
  /** The files read offline; none online. */
  files: string[];
  verdicts: EntityVerdict[];
  errors: FileError[];
}

function plural(n: number, word: string, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}

/** One line per entity with its verdict and level, then what was not checked or is unknown. */
function summary(report: CheckReport): string {
  const lines: string[] = [];
  for (const verdict of report.verdicts) {
    const level = describeLevel(verdict);
    lines.push(
      `${verdict.entityRef} (${verdict.tier ?? 'no valid tier'}): ${
        meetsContract(verdict) ? 'meets its contract' : 'fails its contract'
      }${level ? `; ${level}` : ''}`,
    );
    for (const r of verdict.results) {
      if (r.state === 'unknown') {
        lines.push(`  unknown: ${r.checkId}: ${r.reason ?? 'no value'}`);
      } else if (r.state === 'waived') {
        lines.push(`  waived: ${r.checkId}: ${r.reason ?? ''}`);
      }
    }
    lines.push(...verdict.notes.map(note => `  note: ${note}`));
  }
  const failing = report.verdicts.filter(v => !meetsContract(v)).length;
  if (report.verdicts.length === 0 && report.errors.length === 0) {
    lines.push(
      'No governed entities: none has a governance/tier annotation, so nothing is required of them',
    );
  } else if (report.verdicts.length > 0) {
    lines.push(
      failing
        ? `${failing} of ${plural(
            report.verdicts.length,
            'governed entity',
            'governed entities',
          )} ${failing === 1 ? 'fails its' : 'fail their'} tier contract`
        : `${plural(
            report.verdicts.length,
            'governed entity meets its',
            'governed entities meet their',
          )} tier contract`,
    );
  }
  if (report.errors.length) {
    lines.push(
      `Could not check: ${plural(
        report.errors.length,
        'error',
      )}, see above (exit code 2)`,
    );
  }
  return lines.map(l => `${l}\n`).join('');
}

function vocabulary(report: CheckReport): LintVocabulary<CheckFinding> {
  const titles = new Map<string, string>([
    [REQUIRED_LEVEL_RULE, 'The maturity level the tier requires'],
  ]);
  for (const verdict of report.verdicts) {
    for (const r of verdict.results) {
      titles.set(r.checkId, `${r.title} meets the tier's target`);
    }
  }
  return {
    problemName: 'failing contract check',
    describe: f => `${f.entityRef} ${f.ruleId}: ${f.message}`,
    title: f => `${f.title} (${f.entityRef})`,
    describeRule: id => titles.get(id) ?? `Valid ${id} annotation`,
    summary: () => summary(report),
  };
}

/** The verdict as `--format json` prints it: what failed, the level, and every result. */
function jsonVerdict(verdict: EntityVerdict) {
  const { location, ...rest } = verdict;
  return {
    ...rest,
    ...(location && { file: location.file }),
    meetsContract: meetsContract(verdict),
    failing: failingChecks(verdict).map(r => ({
      checkId: r.checkId,
      title: r.title,
      actual: r.actual ?? null,
      target: r.target,
    })),
    findings: findingsOf(verdict),
  };
}

/**
 * Renders a check report and its exit code: 0 every entity meets its contract, 1 one does not,
 * 2 could not check. `text`, `github` and `sarif` print one finding a line, annotation or
 * result (rule ids are check ids) through `lint`'s formatters; the verdicts go to stderr.
 */
export function formatCheckReport(
  report: CheckReport,
  format: LintFormat,
  options: { toolVersion: string },
): { exitCode: number; stdout: string; stderr: string } {
  const lintReport: LintReport<CheckFinding> = {
    files: report.files,
    problems: report.verdicts.flatMap(findingsOf),
    errors: report.errors,
  };
  const exitCode = lintExitCode(lintReport);
  if (format === 'json') {
    return {
      exitCode,
      stdout: `${JSON.stringify(
        {
          meetsContract: exitCode === 0,
          entities: report.verdicts.map(jsonVerdict),
          errors: report.errors,
        },
        null,
        2,
      )}\n`,
      stderr: '',
    };
  }
  return {
    exitCode,
    ...formatLintReport(lintReport, format, {
      toolVersion: options.toolVersion,
      vocabulary: vocabulary(report),
    }),
  };
}
