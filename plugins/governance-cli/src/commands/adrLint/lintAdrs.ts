import {
  ADR_STATUSES,
  AdrDateOrder,
  AdrLink,
  parseAdr,
  ParsedAdr,
} from '@catalog-governance/backstage-plugin-governance-common';
import { posix } from 'node:path';
import { LintVocabulary } from '../lint/formatters';

/** The rules of `adr lint`, with what each one asks of an ADR folder. */
export const ADR_LINT_RULES = {
  'adr-status': `An ADR has a status: one of ${ADR_STATUSES.join(', ')}`,
  'adr-date': 'An ADR has a date that can be read only one way',
  'adr-superseded-by':
    'A superseded ADR names the ADR of its folder that supersedes it',
  'adr-duplicate-number': 'No two ADRs of a folder share a number',
  'adr-file-name': 'An ADR file name matches the file pattern',
} as const;

/** One rule of {@link ADR_LINT_RULES}. */
export type AdrLintRule = keyof typeof ADR_LINT_RULES;

/** The file pattern of MADR and adr-tools: `0007-use-kafka.md`. */
export const DEFAULT_ADR_FILE_PATTERN = '^\\d{4}-[a-z0-9-]+\\.md$';

/** One thing wrong with an ADR file. */
export interface AdrLintProblem {
  /** The file's path as it is shown, e.g. `docs/adr/0007-use-kafka.md`. */
  file: string;
  ruleId: AdrLintRule;
  /** What is wrong and what is expected instead. */
  message: string;
}

/** How `adr lint` words its problems in every output format. */
export const ADR_LINT_VOCABULARY: LintVocabulary<AdrLintProblem> = {
  problemName: 'ADR problem',
  describe: p => `${p.message} (${p.ruleId})`,
  title: p => p.ruleId,
  describeRule: id => ADR_LINT_RULES[id as AdrLintRule] ?? id,
};

/** An ADR file of the folder, read. */
export interface AdrFile {
  /** The file's path as it is shown, e.g. `docs/adr/0007-use-kafka.md`. */
  path: string;
  text: string;
}

// The parser's warnings, which say why it read no status or doubts a date.
const STATUS_WARNING = /^(?:no status|status ')/;
const DATE_WARNING = /^date '/;
const SUPERSEDED_WARNING = /^the status is superseded/;

/**
 * Lints the ADR files of one folder with the parser the governance backend uses: each file's
 * status, date and superseding ADR, and across the folder the numbers and file names.
 */
export function lintAdrs(
  files: AdrFile[],
  options: { filePattern: RegExp; dateOrder: AdrDateOrder },
): AdrLintProblem[] {
  const parsed = files.map(file => ({
    file,
    name: posix.basename(file.path),
    adr: parseAdr(file.path, file.text, { dateOrder: options.dateOrder }),
  }));
  const names = new Set(parsed.map(p => p.name));
  const numbers = new Set(parsed.map(p => p.adr.number));
  const problems: AdrLintProblem[] = [];

  for (const { file, name, adr } of parsed) {
    const problem = (ruleId: AdrLintRule, message: string) =>
      problems.push({ file: file.path, ruleId, message });
    const warning = (pattern: RegExp) =>
      adr.warnings.find(w => pattern.test(w));

    if (!options.filePattern.test(name)) {
      const pattern = options.filePattern.source;
      problem(
        'adr-file-name',
        `file name '${name}' does not match the ADR file pattern ${pattern} (--file-pattern)${
          pattern === DEFAULT_ADR_FILE_PATTERN
            ? ': a 4-digit number, a dash and lower-case words joined by dashes, e.g. 0007-use-kafka.md'
            : ''
        }`,
      );
    }
    if (!adr.status) {
      problem(
        'adr-status',
        warning(STATUS_WARNING) ??
          `no status: expected one of ${ADR_STATUSES.join(', ')}`,
      );
    }
    const dateWarning = warning(DATE_WARNING);
    if (dateWarning) {
      problem('adr-date', dateWarning);
    } else if (!adr.date) {
      problem(
        'adr-date',
        "no date: expected 'date: 2026-03-01' in the front matter or a 'Date: 2026-03-01' line under the title",
      );
    }
    if (adr.status === 'superseded' && !adr.supersededBy) {
      problem(
        'adr-superseded-by',
        warning(SUPERSEDED_WARNING) ??
          'the status is superseded but names no superseding ADR',
      );
    } else if (adr.status === 'superseded' && adr.supersededBy) {
      const missing = missingSuccessor(adr.supersededBy, names, numbers);
      if (missing) {
        problem(
          'adr-superseded-by',
          `superseded by '${missing}', which is not an ADR of this folder: link the file that supersedes it, e.g. 'Superseded by [ADR-0005](0005-use-kafka.md)'`,
        );
      }
    }
  }

  problems.push(...duplicateNumbers(parsed));
  // By file, in the order the files were given; a file's own problems stay in rule order.
  const order = new Map(files.map((file, index) => [file.path, index]));
  return problems.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
}

/**
 * The written target of the superseding ADR when it names none of the folder's files or
 * numbers; undefined when it does, or when it is a web link to another repository, which the
 * folder cannot tell about.
 */
function missingSuccessor(
  link: AdrLink,
  names: Set<string>,
  numbers: Set<number | undefined>,
): string | undefined {
  if (/^https?:\/\//i.test(link.target)) {
    return undefined;
  }
  // As the backend resolves links: by the file name, else by the number.
  const name = posix.basename(link.target.split(/[?#]/)[0]);
  if (names.has(name)) {
    return undefined;
  }
  if (link.number !== undefined && numbers.has(link.number)) {
    return undefined;
  }
  return link.target;
}

function duplicateNumbers(
  parsed: { file: AdrFile; name: string; adr: ParsedAdr }[],
): AdrLintProblem[] {
  const byNumber = new Map<number, string[]>();
  for (const { file, adr } of parsed) {
    if (adr.number !== undefined) {
      byNumber.set(adr.number, [
        ...(byNumber.get(adr.number) ?? []),
        file.path,
      ]);
    }
  }
  const problems: AdrLintProblem[] = [];
  for (const [number, paths] of byNumber) {
    for (const path of paths.length > 1 ? paths : []) {
      const others = paths
        .filter(other => other !== path)
        .map(other => posix.basename(other));
      problems.push({
        file: path,
        ruleId: 'adr-duplicate-number',
        message: `ADR number ${number} is also the number of ${others.join(
          ', ',
        )}: give each ADR a number of its own`,
      });
    }
  }
  return problems;
}
