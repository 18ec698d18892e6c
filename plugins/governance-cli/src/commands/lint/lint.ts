import { version } from '../../../package.json';
import { invocationDir } from '../../lib/invocationDir';
import { loadTierPolicies } from '../../lib/loadConfig';
import {
  formatLintReport,
  lintExitCode,
  LintFormat,
  LintReport,
} from './formatters';
import { lintCatalogFile } from './lintCatalogFile';
import { readInputFiles, resolveInputs } from './resolveInputs';

/** Options of `governance-cli lint`. */
export interface LintOptions {
  inputs: string[];
  configPaths?: string[];
  format?: LintFormat;
  /** Where relative paths and patterns start; where the command was typed by default. */
  cwd?: string;
}

/**
 * Lints the governance annotations of every matched file. Resolves to what to print and the exit
 * code: 0 clean, 1 problems found, 2 could not run (a bad --config, a missing or unreadable file,
 * a pattern matching nothing, invalid YAML). Every file is linted even when one fails.
 */
export async function lint(
  options: LintOptions,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const cwd = options.cwd ?? invocationDir();
  const tierNames = [
    ...(await loadTierPolicies(options.configPaths ?? [], cwd)).keys(),
  ];
  const { files, errors } = await resolveInputs(options.inputs, cwd);
  const report: LintReport = { files, problems: [], errors };

  for await (const { file, content } of readInputFiles(
    files,
    cwd,
    report.errors,
  )) {
    const result = lintCatalogFile({ file, content, tierNames });
    report.problems.push(...result.problems);
    report.errors.push(...result.errors);
  }

  return {
    exitCode: lintExitCode(report),
    ...formatLintReport(report, options.format ?? 'text', {
      toolVersion: version,
    }),
  };
}

/** The `lint` command's action. */
export default async function lintCommand(
  inputs: string[],
  opts: { config?: string[]; format: LintFormat },
): Promise<number> {
  const { exitCode, stdout, stderr } = await lint({
    inputs,
    configPaths: opts.config,
    format: opts.format,
  });
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  return exitCode;
}
