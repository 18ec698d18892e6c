import {
  isCollection,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Pair,
  parseDocument,
  Range,
  Scalar,
  YAMLError,
} from 'yaml';
import { ATX_HEADING } from './sections';
import { collapseSpaces, isDefined, quote } from './text';

/** At most this many invalid front matter lines are named, the rest are counted. */
const MAX_YAML_PROBLEMS = 3;
/**
 * Longest front matter read. MADR's is a dozen short lines; YAML's cost grows with every token,
 * and 200 kB of nested brackets would hold up the ingestion job and the browser for seconds.
 */
const MAX_FRONT_MATTER = 10_000;

/** A front matter value as the ADR fields read it: text, or a list of texts. */
export type FrontMatterValue = string | string[];
/** The front matter's top-level keys, lower-cased. */
export type FrontMatter = Map<string, FrontMatterValue>;

/** The YAML block at the top of the file (MADR 3 and 4), and where the Markdown starts. */
export interface FrontMatterBlock {
  values: FrontMatter;
  /** True when the file has front matter, even an empty one. */
  found: boolean;
  /** Index of the first line after the front matter. */
  bodyStart: number;
}

/**
 * Reads the front matter between a first `---` line and the next `---` (or `...`) line with the
 * `yaml` package. A key whose value YAML cannot read is left out, and the line is named in a
 * warning; the other keys are kept. Unquoted text that YAML rejects (`deciders: @alice`) is read
 * as written. Every scalar is read as text (the failsafe schema), so that `date: 2021-09-14` and
 * `number: 0007` stay as written.
 */
export function readFrontMatter(
  lines: string[],
  warnings: string[],
): FrontMatterBlock {
  if (lines.length === 0 || lines[0].trimEnd() !== '---') {
    return { values: new Map(), found: false, bodyStart: 0 };
  }
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (line === '---' || line === '...') {
      close = i;
      break;
    }
  }
  if (close === -1) {
    // Read what looks like front matter up to the first heading, so a forgotten closing line
    // does not also lose the status and date.
    const end = unclosedEnd(lines);
    const { values } = readYaml(lines, 1, end, warnings);
    warnings.push(
      "front matter is not closed: the file starts with a '---' line but no later line is '---'; expected the YAML block (status, date, ...) to end with a '---' line",
    );
    return { values, found: values.size > 0, bodyStart: end };
  }
  const { values, problems } = readYaml(lines, 1, close, warnings);
  warnings.push(...problems.slice(0, MAX_YAML_PROBLEMS));
  if (problems.length > MAX_YAML_PROBLEMS) {
    warnings.push(
      `${
        problems.length - MAX_YAML_PROBLEMS
      } more front matter lines are not valid YAML`,
    );
  }
  return { values, found: true, bodyStart: close + 1 };
}

/** The value of a key as one text; a list's items joined by commas. */
export function frontMatterText(
  frontMatter: FrontMatter,
  key: string,
): string | undefined {
  const value = frontMatter.get(key);
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The value of a key as a list; a single text is a list of one. */
export function frontMatterList(
  frontMatter: FrontMatter,
  key: string,
): string[] {
  const value = frontMatter.get(key);
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/**
 * Where front matter with no closing line ends: at the first Markdown heading, or at the first
 * line that is not a `key:` line, a value belonging to one, a comment or blank.
 */
function unclosedEnd(lines: string[]): number {
  let afterBlank = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (ATX_HEADING.test(line) && /^#+[ \t]+\S/.test(trimmed)) {
      return i;
    }
    if (trimmed === '' || trimmed.startsWith('#')) {
      afterBlank ||= trimmed === '';
      continue;
    }
    const continues = /^[ \t]/.test(line) || /^-(?:[ \t]|$)/.test(trimmed);
    if (
      continues ? afterBlank : !/^[^-[{?&*!|>%@`#][^:]*:(?:[ \t]|$)/.test(line)
    ) {
      return i;
    }
    afterBlank = false;
  }
  return lines.length;
}

function readYaml(
  lines: string[],
  from: number,
  to: number,
  warnings: string[],
): { values: FrontMatter; problems: string[] } {
  const text = lines.slice(from, to).join('\n');
  if (text.length > MAX_FRONT_MATTER) {
    warnings.push(
      `front matter is ${text.length} characters long, more than the ${MAX_FRONT_MATTER} that are read; expected a short YAML block (status, date, deciders, ...)`,
    );
    return { values: new Map(), problems: [] };
  }
  const { doc, lineCounter, read } = parseYaml(lines.slice(from, to));
  const lineAt = (offset: number) =>
    from + lineCounter.linePos(offset).line - 1;
  const pairs = isMap(doc.contents) ? doc.contents.items : [];

  const problemLines = new Map<number, string>();
  const problem = (line: number, why: string) => {
    if (!problemLines.has(line)) {
      problemLines.set(
        line,
        `front matter line ${line + 1} '${quote(
          lines[line] ?? '',
        )}' is not valid YAML (${why}); expected 'key: value' lines such as 'status: accepted'`,
      );
    }
  };
  const broken = new Set<Pair>();
  for (const error of doc.errors) {
    const at = error.pos[0];
    // An unclosed list or string runs into the next line, where YAML notices it: that first
    // problem is on the line that opened it, and any next one is the next line's own.
    const unclosed = pairs.find(
      pair => !broken.has(pair) && endsUnclosedAt(pair, at, read),
    );
    const holder = unclosed ?? lastPairStartingBefore(pairs, at);
    if (holder) {
      broken.add(holder);
    }
    problem(lineAt(unclosed ? pairStart(unclosed) : at), reason(error));
  }
  if (doc.contents && !isMap(doc.contents)) {
    problem(
      lineAt(doc.contents.range?.[0] ?? 0),
      'a list or a lone value where keys with values are expected',
    );
  }

  const values: FrontMatter = new Map();
  for (const pair of pairs) {
    const key = isScalar(pair.key) ? String(pair.key.value ?? '') : '';
    const value = broken.has(pair) ? undefined : valueOf(pair.value, read);
    if (key && value !== undefined) {
      values.set(key.toLowerCase(), value);
    }
  }
  return {
    values,
    problems: [...problemLines.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, message]) => message),
  };
}

/**
 * YAML's complaints about values that people write unquoted and mean as text:
 * `deciders: @alice, @bob`, `title: ADR-7: Use Kafka`.
 */
const PLAIN_TEXT_ERRORS = new Set([
  'BAD_SCALAR_START',
  'BLOCK_AS_IMPLICIT_KEY',
]);
/** `key: value` on one line, the value neither quoted nor a list, mapping or block. */
const UNQUOTED_ENTRY = /^([^\s#'"[{][^:]*):[ \t]+([^\s'"[{|>].*)$/;
const MAX_REPAIRS = 3;

/**
 * Parses the front matter; a value that YAML rejects only because it is unquoted text is read
 * as written, quoted, as authors mean it (and as MADR tools read it).
 */
function parseYaml(block: string[]) {
  let lines = block;
  for (let round = 0; ; round++) {
    const read = lines.join('\n');
    const lineCounter = new LineCounter();
    const doc = parseDocument(read, {
      schema: 'failsafe',
      lineCounter,
      uniqueKeys: false,
      prettyErrors: false,
    });
    const repaired = [...lines];
    let changed = false;
    for (const error of round < MAX_REPAIRS ? doc.errors : []) {
      const index = lineCounter.linePos(error.pos[0]).line - 1;
      const entry = PLAIN_TEXT_ERRORS.has(error.code)
        ? UNQUOTED_ENTRY.exec(repaired[index] ?? '')
        : null;
      if (entry) {
        const value = entry[2].replace(/[ \t]#.*$/, '').trimEnd();
        repaired[index] = `${entry[1]}: ${JSON.stringify(value)}`;
        changed = true;
      }
    }
    if (!changed) {
      return { doc, lineCounter, read };
    }
    lines = repaired;
  }
}

function reason(error: YAMLError): string {
  const message = error.message.split('\n')[0].trim();
  return message.charAt(0).toLowerCase() + message.slice(1);
}

function rangeOf(node: unknown): Range | undefined {
  return (node as { range?: Range | null } | null)?.range ?? undefined;
}

function pairStart(pair: Pair): number {
  return rangeOf(pair.key)?.[0] ?? rangeOf(pair.value)?.[0] ?? 0;
}

function lastPairStartingBefore(pairs: Pair[], at: number): Pair | undefined {
  let found: Pair | undefined;
  for (const pair of pairs) {
    if (pairStart(pair) <= at) {
      found = pair;
    }
  }
  return found;
}

/** True when the pair's value is a `[` list, `{` mapping or quoted string left open at `at`. */
function endsUnclosedAt(pair: Pair, at: number, text: string): boolean {
  const range = rangeOf(pair.value);
  if (!range || range[1] !== at) {
    return false;
  }
  const written = text.slice(range[0], range[1]).trimEnd();
  if (isCollection(pair.value) && pair.value.flow) {
    return !written.endsWith(written.startsWith('[') ? ']' : '}');
  }
  if (isScalar(pair.value)) {
    const quoteChar = { QUOTE_DOUBLE: '"', QUOTE_SINGLE: "'" }[
      String(pair.value.type)
    ];
    return (
      quoteChar !== undefined &&
      (written.length < 2 || !written.endsWith(quoteChar))
    );
  }
  return false;
}

function valueOf(node: unknown, text: string): FrontMatterValue | undefined {
  if (isSeq(node)) {
    return node.items.map(item => textOf(item, text)).filter(isDefined);
  }
  return textOf(node, text);
}

/** A scalar's text; a nested mapping kept as written, on one line. */
function textOf(node: unknown, text: string): string | undefined {
  if (isScalar(node)) {
    return scalarText(node);
  }
  const range = rangeOf(node);
  if (isCollection(node) && range) {
    return collapseSpaces(text.slice(range[0], range[1]));
  }
  return undefined;
}

function scalarText(node: Scalar): string | undefined {
  const value = String(node.value ?? '');
  // The failsafe schema reads `~` and `null` as text; for ADR fields they mean "not set".
  if (node.type === Scalar.PLAIN && /^(?:~|null)?$/i.test(value)) {
    return undefined;
  }
  return value;
}
