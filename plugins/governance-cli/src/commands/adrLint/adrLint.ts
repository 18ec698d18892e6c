import {
  ADR_DATE_ORDERS,
  AdrDateOrder,
} from '@catalog-governance/backstage-plugin-governance-common';
import { glob } from 'glob';
import { readFile, stat } from 'node:fs/promises';
import { posix, resolve as resolvePath } from 'node:path';
import { version } from '../../../package.json';
import { ExitCodeError } from '../../lib/errors';
import { invocationDir } from '../../lib/invocationDir';
import {
  formatLintReport,
  lintExitCode,
  LintFormat,
  LintReport,
} from '../lint/formatters';
import { LintError } from '../lint/lintCatalogFile';
import { describeFsError } from '../lint/resolveInputs';
import {
  ADR_LINT_VOCABULARY,
  AdrFile,
  AdrLintProblem,
  DEFAULT_ADR_FILE_PATTERN,
  lintAdrs,
} from './lintAdrs';

/** Options of `governance-cli adr lint`. */
export interface AdrLintOptions {
  folder: string;
  /** Regular expression an ADR file name must match; {@link DEFAULT_ADR_FILE_PATTERN} by default. */
  filePattern?: string;
  dateOrder?: AdrDateOrder;
  format?: LintFormat;
  /** Where a relative folder starts; where the command was typed by default. */
  cwd?: string;
}

// Markdown files that sit in ADR folders without being ADRs: an index, a readme, a template.
const NOT_AN_ADR = /^(?:readme|index)\.md$|template/i;

/**
 * Lints the ADRs in a folder and its subfolders (every Markdown file, except a README, an index
 * and templates whose names do not match the file pattern). Resolves to what to print and the
 * exit code, as `lint` does: 0 clean, 1 problems found, 2 could not run (a bad --file-pattern, a
 * missing folder, a folder without ADR files, an unreadable file).
 */
export async function adrLint(
  options: AdrLintOptions,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const cwd = options.cwd ?? invocationDir();
  const filePattern = readFilePattern(
    options.filePattern ?? DEFAULT_ADR_FILE_PATTERN,
  );
  const { folder } = options;
  const report: LintReport<AdrLintProblem> = {
    files: [],
    problems: [],
    errors: [],
  };
  const adrs: AdrFile[] = [];
  for (const path of await markdownFiles(folder, cwd, report.errors)) {
    const name = posix.basename(path);
    if (!filePattern.test(name) && NOT_AN_ADR.test(name)) {
      continue;
    }
    const shown = posix.join(folder.replace(/\\/g, '/'), path);
    report.files.push(shown);
    try {
      adrs.push({
        path: shown,
        text: await readFile(resolvePath(cwd, folder, path), 'utf8'),
      });
    } catch (error) {
      report.errors.push({ file: shown, message: describeFsError(error) });
    }
  }
  if (report.files.length === 0 && report.errors.length === 0) {
    // So that a typo in CI never passes as "no problems".
    report.errors.push({
      file: folder,
      message: `No ADR files in this folder or its subfolders: expected Markdown files named like ${filePattern.source}`,
    });
  }
  report.problems.push(
    ...lintAdrs(adrs, {
      filePattern,
      dateOrder: options.dateOrder ?? 'day-first',
    }),
  );

  return {
    exitCode: lintExitCode(report),
    ...formatLintReport(report, options.format ?? 'text', {
      toolVersion: version,
      vocabulary: ADR_LINT_VOCABULARY,
    }),
  };
}

function readFilePattern(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    throw new ExitCodeError(
      `--file-pattern '${source}' is not a regular expression (${
        (error as Error).message
      }); the default is '${DEFAULT_ADR_FILE_PATTERN}'`,
    );
  }
}

/** The Markdown files under the folder, relative to it and sorted; none when it is no folder. */
async function markdownFiles(
  folder: string,
  cwd: string,
  errors: LintError[],
): Promise<string[]> {
  const root = resolvePath(cwd, folder);
  try {
    if (!(await stat(root)).isDirectory()) {
      errors.push({
        file: folder,
        message: 'Not a folder: pass the folder that holds the ADR files',
      });
      return [];
    }
  } catch (error) {
    errors.push({ file: folder, message: describeFsError(error) });
    return [];
  }
  const files = await glob('**/*.md', {
    cwd: root,
    nodir: true,
    ignore: ['**/node_modules/**'],
    posix: true,
  });
  return files.sort();
}

/** The `adr lint` command's action. */
export default async function adrLintCommand(
  folder: string,
  opts: { filePattern?: string; dateOrder?: string; format: LintFormat },
): Promise<number> {
  const { exitCode, stdout, stderr } = await adrLint({
    folder,
    filePattern: opts.filePattern,
    dateOrder: ADR_DATE_ORDERS.find(order => order === opts.dateOrder),
    format: opts.format,
  });
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  return exitCode;
}
