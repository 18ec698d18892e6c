import { ADR_STATUSES, AdrLink, AdrStatus, ParsedAdr } from './adrs';
import { parseIsoDate } from './input';

// Every pattern below is anchored or bounded so that no input, however long or odd, makes a
// regular expression backtrack over a line more than a constant number of times: the parser
// runs on every ADR file of every entity, in the ingestion job and in the browser.

/** Longest piece of the file quoted back in a warning. */
const MAX_QUOTE = 80;
/** Longest `statusText` kept: enough for "Accepted, amended by ..." but not a whole essay. */
const MAX_STATUS_TEXT = 300;
/** At most this many invalid front matter lines are named, the rest are counted. */
const MAX_YAML_PROBLEMS = 3;

const STATUS_LIST = ADR_STATUSES.join(', ');

/** Words people write for a status in place of MADR's and Nygard's vocabulary. */
const STATUS_SYNONYMS = new Map<string, AdrStatus>([
  ['approved', 'accepted'],
  ['adopted', 'accepted'],
  ['draft', 'proposed'],
  ['declined', 'rejected'],
  ['obsolete', 'deprecated'],
  ['replaced', 'superseded'],
]);

/** The fields MADR 2 lists under the title (and Nygard's `Date:` line), by key as written. */
const FIELD_KEYS = new Map<string, 'status' | 'date' | 'deciders' | 'scope'>([
  ['status', 'status'],
  ['date', 'date'],
  ['deciders', 'deciders'],
  ['decision-makers', 'deciders'],
  ['decision makers', 'deciders'],
  ['scope', 'scope'],
  ['decision-scope', 'scope'],
]);

/** Relations written as text ("superseded by ADR-0005") rather than as a Markdown link. */
const TEXT_RELATIONS = [
  'superseded by',
  'supersedes',
  'replaced by',
  'replaces',
  'amended by',
  'amends',
  'refined by',
  'refines',
  'clarified by',
  'clarifies',
  'extended by',
  'extends',
  'relates to',
  'related to',
];

/** Front matter keys (our extension) that list links to other ADRs. */
const FRONT_MATTER_RELATIONS: Record<string, string> = {
  'superseded-by': 'superseded by',
  supersedes: 'supersedes',
  'amended-by': 'amended by',
  amends: 'amends',
  'refined-by': 'refined by',
  refines: 'refines',
  'relates-to': 'relates to',
  'related-to': 'relates to',
  links: 'relates to',
};

const DEFAULT_RELATION = 'relates to';
const LINK_SECTIONS = new Set(['links', 'related decisions', 'related adrs']);

/** `[text](target)` or `[text](<target> "title")`; text and title cannot hold newlines. */
const MARKDOWN_LINK =
  /\[([^[\]\n]*)\]\([ \t]*<?([^()\s<>]*)>?(?:[ \t]+(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'))?[ \t]*\)/g;
// A bare number counts only at the end of a clause: "superseded by 5", not "relates to 2 teams".
const TEXT_REFERENCE = new RegExp(
  `\\b(${TEXT_RELATIONS.join(
    '|',
  )}) (adr ?[#_-]? ?\\d{1,9}\\b|\\d{1,9}(?=[,;.)]|$))`,
  'gi',
);
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const FIELD_LINE = /^ {0,3}(?:([*+-])[ \t]+)?([^:\n]{1,40}):(.*)$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const FILE_NUMBER = /^(?:adr ?[-_#]? ?)?(\d{1,9})(?!\d)/i;
// "7. Title", "0007: Title", "0007 - Title", "ADR-0007: Title", "ADR 7 - Title", "ADR-7 Title";
// not "3 tier architecture" nor "3-tier architecture", whose digits are part of the title.
const TITLE_NUMBER =
  /^(?:adr ?[#_-]? ?(\d{1,9})(?: ?[-:.)\u2013\u2014] ?| )|(\d{1,9})(?:[.:)] | [-:\u2013\u2014] ))(?=\S)/i;
/** The escapes of double-quoted YAML strings that ADRs use; others stand for themselves. */
const ESCAPES: Record<string, string> = { n: '\n', t: '\t' };
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const WEB_URL = /^https?:\/\//i;

type FrontMatterValue = string | string[];
type FrontMatter = Map<string, FrontMatterValue>;

/** A field read from the lines between the title and the first section (MADR 2, Nygard's date). */
interface Fields {
  status?: string;
  date?: string;
  deciders?: string;
  scope?: string;
  /** True when a field was written as a list item (`* Status: accepted`): MADR 2. */
  bulleted: boolean;
}

interface Heading {
  line: number;
  level: number;
  text: string;
}

/**
 * Reads one ADR file written in MADR (version 2's list under the title, versions 3 and 4's YAML
 * front matter) or Michael Nygard's format (a `## Status` section): its number, title, status
 * (with the superseding ADR), date, deciders, links to other ADRs and decision scope.
 *
 * It never throws: a file it cannot fully read still gives a result, titled by its file name
 * when it has no title, with one warning per thing that was missing or unreadable saying what
 * is expected instead. It reads no files and uses no node or browser APIs.
 *
 * @param fileName - The file's name or path, e.g. `0007-use-kafka.md`; its leading digits are
 *   the ADR's number.
 * @param content - The file's text. A byte order mark and CRLF line endings are accepted.
 * @public
 */
export function parseAdr(fileName: string, content: string): ParsedAdr {
  const name = typeof fileName === 'string' ? fileName : '';
  const text = typeof content === 'string' ? content : '';
  try {
    return parse(name, text);
  } catch (error) {
    // Not expected to happen (the tests feed it arbitrary input); if it does, the file is still
    // listed rather than breaking the whole list.
    return {
      title: fallbackTitle(name),
      deciders: [],
      links: [],
      format: 'unknown',
      warnings: [
        `the file could not be read as an ADR (${
          error instanceof Error ? error.message : 'unexpected error'
        }); it is listed by its file name only`,
      ],
      body: text,
    };
  }
}

function parse(fileName: string, content: string): ParsedAdr {
  const warnings: string[] = [];
  const allLines = (
    content.charCodeAt(0) === 0xfeff ? content.slice(1) : content
  ).split(/\r\n|\r|\n/);

  const frontMatter = readFrontMatter(allLines, warnings);
  const lines = allLines.slice(frontMatter.bodyStart);
  const fm = frontMatter.values;
  const { headings, inFence } = outline(lines);

  const titleHeading = headings.find(h => h.level === 1 && h.text !== '');
  const preambleStart = titleHeading ? titleHeading.line + 1 : 0;
  const preambleEnd =
    headings.find(h => h.line >= preambleStart)?.line ?? lines.length;
  const fields = readFields(lines, inFence, preambleStart, preambleEnd);

  const statusHeading = headings.find(
    h => h.level >= 2 && plainHeading(h.text) === 'status',
  );
  const statusParagraphs = statusHeading
    ? paragraphs(
        lines,
        inFence,
        statusHeading.line + 1,
        headings.find(h => h.line > statusHeading.line)?.line ?? lines.length,
      )
    : [];

  // Title and number.
  let title = titleHeading?.text ?? fmString(fm, 'title') ?? '';
  title = collapseSpaces(title);
  let number = numberFromName(baseName(fileName));
  const titleNumber = TITLE_NUMBER.exec(title);
  if (titleNumber) {
    number ??= Number(titleNumber[1] ?? titleNumber[2]);
    title = title.slice(titleNumber[0].length);
  }
  if (!title) {
    warnings.push(
      "no title: expected a first-level heading such as '# Use PostgreSQL for orders'; the file name is shown instead",
    );
    title = fallbackTitle(fileName);
  }

  // Status, from the front matter, else a "Status:" line under the title, else the section.
  const links: AdrLink[] = [];
  let statusSource = nonBlank(fmString(fm, 'status') ?? fields.status);
  if (statusSource !== undefined) {
    links.push(...linksIn(statusSource));
  }
  for (const paragraph of statusParagraphs) {
    links.push(...linksIn(paragraph));
  }
  if (statusSource === undefined && statusParagraphs.length > 0) {
    // adr-tools writes "Accepted" and then "Supersedes [2. ...](...)" as separate paragraphs.
    statusSource =
      statusParagraphs.find(p => statusWord(p) !== undefined) ??
      statusParagraphs[0];
  }
  const { status, statusText } = readStatus(statusSource ?? '');
  if (statusSource === undefined) {
    warnings.push(
      "no status: expected 'status: accepted' in the front matter, a '* Status: accepted' line under the title or a '## Status' section",
    );
  } else if (!status) {
    warnings.push(
      `status '${quote(
        statusSource,
      )}' is not one of ${STATUS_LIST}; it is shown as written`,
    );
  }

  // Links from the front matter (our extension) and MADR 2's "Links" section.
  for (const [key, relation] of Object.entries(FRONT_MATTER_RELATIONS)) {
    for (const item of fmList(fm, key)) {
      const found = linksIn(item);
      if (found.length > 0) {
        links.push(...found.map(link => ({ ...link, relation })));
      } else if (isAdrFile(item) || numberFromName(item) !== undefined) {
        links.push({ relation, target: item, ...numberOf(item) });
      }
    }
  }
  for (const heading of headings) {
    if (heading.level >= 2 && LINK_SECTIONS.has(plainHeading(heading.text))) {
      const end =
        headings.find(h => h.line > heading.line && h.level <= heading.level)
          ?.line ?? lines.length;
      for (let i = heading.line + 1; i < end; i++) {
        if (!inFence[i]) {
          links.push(...linksIn(lines[i]));
        }
      }
    }
  }
  const uniqueLinks = dedupe(links, link => `${link.relation}\n${link.target}`);

  let supersededBy: AdrLink | undefined;
  if (status === 'superseded') {
    supersededBy = uniqueLinks.find(
      link =>
        link.relation.startsWith('superseded') ||
        link.relation === 'replaced by',
    );
    if (!supersededBy) {
      warnings.push(
        "the status is superseded but names no superseding ADR: expected e.g. 'Superseded by [ADR-0005](0005-use-kafka.md)'",
      );
    }
  }

  // Date.
  const writtenDate = nonBlank(fmString(fm, 'date') ?? fields.date);
  let date: string | undefined;
  if (writtenDate !== undefined) {
    date = readDate(writtenDate);
    if (!date) {
      warnings.push(`date '${quote(writtenDate)}' is not a YYYY-MM-DD date`);
    }
  }

  const deciderValue =
    fm.get('decision-makers') ?? fm.get('deciders') ?? fields.deciders;
  const scope = normaliseScope(
    fmString(fm, 'decision-scope') ?? fmString(fm, 'scope') ?? fields.scope,
  );

  let format: ParsedAdr['format'] = 'unknown';
  if (frontMatter.found || fields.bulleted) {
    format = 'madr';
  } else if (statusHeading) {
    format = 'nygard';
  }

  return {
    ...(number !== undefined && { number }),
    title,
    ...(status && { status }),
    ...(statusText !== undefined && { statusText }),
    ...(supersededBy && { supersededBy }),
    ...(date && { date }),
    deciders: deciderValue === undefined ? [] : readNames(deciderValue),
    links: uniqueLinks,
    ...(scope && { scope }),
    format,
    warnings,
    body: lines.join('\n'),
  };
}

// ---------------------------------------------------------------------------------------------
// Front matter: a small reader for the YAML that MADR uses (`key: value`, quoted strings, block
// and flow lists, block scalars). It reports what it cannot read instead of guessing.

function readFrontMatter(
  lines: string[],
  warnings: string[],
): { values: FrontMatter; found: boolean; bodyStart: number } {
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
    const read = readYaml(lines, 1, lines.length, true);
    warnings.push(
      "front matter is not closed: the file starts with a '---' line but no later line is '---'; expected the YAML block (status, date, ...) to end with a '---' line",
    );
    return {
      values: read.values,
      found: read.values.size > 0,
      bodyStart: read.end,
    };
  }
  const read = readYaml(lines, 1, close, false);
  read.problems.slice(0, MAX_YAML_PROBLEMS).forEach(p => warnings.push(p));
  if (read.problems.length > MAX_YAML_PROBLEMS) {
    warnings.push(
      `${
        read.problems.length - MAX_YAML_PROBLEMS
      } more front matter lines are not valid YAML`,
    );
  }
  return { values: read.values, found: true, bodyStart: close + 1 };
}

/**
 * Reads `key: value` entries from `lines[from..to)`. Lenient mode (unclosed front matter) stops
 * at the first line that is not YAML, or at a Markdown heading, instead of reporting it.
 */
function readYaml(
  lines: string[],
  from: number,
  to: number,
  lenient: boolean,
): { values: FrontMatter; problems: string[]; end: number } {
  const values: FrontMatter = new Map();
  const problems: string[] = [];
  const problem = (index: number, why: string) =>
    problems.push(
      `front matter line ${index + 1} '${quote(
        lines[index],
      )}' is not valid YAML (${why}); expected 'key: value' lines such as 'status: accepted'`,
    );
  let i = from;
  while (i < to) {
    const line = lines[i];
    const trimmed = line.trim();
    if (lenient && ATX_HEADING.test(line) && /^#+[ \t]+\S/.test(trimmed)) {
      break;
    }
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const entry = /^[ \t]/.test(line) ? undefined : splitKeyValue(trimmed);
    if (!entry) {
      if (lenient) {
        break;
      }
      problem(
        i,
        /^[ \t]/.test(line) || isListItem(trimmed)
          ? 'an indented line or list item that belongs to no key'
          : "no 'key: ' before the value",
      );
      i++;
      continue;
    }
    const start = i;
    const nested: string[] = [];
    i++;
    while (i < to) {
      const next = lines[i];
      if (next.trim() !== '' && !/^[ \t]/.test(next) && !isListItem(next)) {
        break;
      }
      if (lenient && next.trim() === '') {
        break;
      }
      nested.push(next);
      i++;
    }
    const parsed = readValue(entry.value, nested);
    if (parsed.problem) {
      problem(start, parsed.problem);
    }
    if (parsed.value !== undefined) {
      values.set(entry.key.toLowerCase(), parsed.value);
    }
  }
  return { values, problems, end: i };
}

function isListItem(line: string): boolean {
  return line === '-' || line.startsWith('- ') || line.startsWith('-\t');
}

function splitKeyValue(
  line: string,
): { key: string; value: string } | undefined {
  if ('-[{?&*!|>%@`'.includes(line[0])) {
    return undefined;
  }
  for (let i = 0; i < line.length; i++) {
    if (
      line[i] === ':' &&
      (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')
    ) {
      const key = unquote(line.slice(0, i).trim());
      return key ? { key, value: line.slice(i + 1).trim() } : undefined;
    }
  }
  return undefined;
}

function readValue(
  raw: string,
  nested: string[],
): { value?: FrontMatterValue; problem?: string } {
  const more = nested.map(line => line.trim()).filter(line => line !== '');
  if (raw === '' || raw.startsWith('#')) {
    if (more.length === 0) {
      return {};
    }
    if (!isListItem(more[0])) {
      // A nested mapping or a continued scalar: kept as text.
      return { value: more.join(' ') };
    }
    const items: string[] = [];
    for (const line of more) {
      if (isListItem(line)) {
        items.push(line.slice(1).trim());
      } else {
        items[items.length - 1] += ` ${line}`;
      }
    }
    const scalars = items.map(item => readScalar(item));
    const failed = scalars.find(s => s.problem);
    return {
      value: scalars.map(s => s.value).filter(isDefined),
      problem: failed?.problem,
    };
  }
  if (raw[0] === '|' || raw[0] === '>') {
    return { value: more.join(raw[0] === '|' ? '\n' : ' ') };
  }
  if (nested.some(line => isListItem(line))) {
    return {
      ...readScalar(raw),
      problem: 'a list item cannot follow a value on the same key',
    };
  }
  const whole = [raw, ...more].join(' ');
  if (whole[0] === '[') {
    const inner = stripComment(whole);
    if (!inner.endsWith(']')) {
      return { problem: "a list opened with '[' is never closed with ']'" };
    }
    const scalars = splitFlow(inner.slice(1, -1)).map(item => readScalar(item));
    const failed = scalars.find(s => s.problem);
    return {
      value: scalars.map(s => s.value).filter(isDefined),
      problem: failed?.problem,
    };
  }
  if (whole[0] === '{' && !stripComment(whole).endsWith('}')) {
    return { problem: "a mapping opened with '{' is never closed with '}'" };
  }
  return readScalar(whole);
}

function readScalar(raw: string): { value?: string; problem?: string } {
  const text = raw.trim();
  const q = text[0];
  if (q === '"' || q === "'") {
    let value = '';
    for (let i = 1; i < text.length; i++) {
      const c = text[i];
      if (c === q) {
        if (q === "'" && text[i + 1] === "'") {
          value += "'";
          i++;
          continue;
        }
        return { value };
      }
      if (q === '"' && c === '\\' && i + 1 < text.length) {
        i++;
        value += ESCAPES[text[i]] ?? text[i];
        continue;
      }
      value += c;
    }
    return { problem: `a string opened with ${q} is never closed` };
  }
  const plain = stripComment(text);
  if (plain === '' || plain === '~' || plain.toLowerCase() === 'null') {
    return {};
  }
  return { value: plain };
}

function stripComment(text: string): string {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) {
      return text.slice(0, i).trim();
    }
  }
  return text.trim();
}

/** Splits a flow list's inside on commas that are not inside quotes or brackets. */
function splitFlow(inner: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quoteChar: string | undefined;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (quoteChar) {
      if (c === quoteChar) {
        quoteChar = undefined;
      }
    } else if (c === '"' || c === "'") {
      quoteChar = c;
    } else if (c === '[' || c === '{') {
      depth++;
    } else if (c === ']' || c === '}') {
      depth--;
    } else if (c === ',' && depth === 0) {
      items.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  items.push(inner.slice(start));
  return items.filter(item => item.trim() !== '');
}

function unquote(text: string): string {
  const q = text[0];
  return text.length >= 2 && (q === '"' || q === "'") && text.endsWith(q)
    ? text.slice(1, -1)
    : text;
}

function fmString(fm: FrontMatter, key: string): string | undefined {
  const value = fm.get(key);
  return Array.isArray(value) ? value.join(', ') : value;
}

function fmList(fm: FrontMatter, key: string): string[] {
  const value = fm.get(key);
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

// ---------------------------------------------------------------------------------------------
// Markdown: headings outside code blocks, the fields under the title, sections' paragraphs.

function outline(lines: string[]): { headings: Heading[]; inFence: boolean[] } {
  const headings: Heading[] = [];
  const inFence = new Array<boolean>(lines.length).fill(false);
  let fence: { char: string; length: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      inFence[i] = true;
      if (
        fenceMatch &&
        fenceMatch[1][0] === fence.char &&
        fenceMatch[1].length >= fence.length &&
        line.slice(fenceMatch[0].length).trim() === ''
      ) {
        fence = undefined;
      }
      continue;
    }
    if (fenceMatch) {
      inFence[i] = true;
      fence = { char: fenceMatch[1][0], length: fenceMatch[1].length };
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      headings.push({
        line: i,
        level: heading[1].length,
        text: headingText(line.slice(heading[0].length)),
      });
    }
  }
  return { headings, inFence };
}

/** A heading's text without the optional closing `#`s. */
function headingText(raw: string): string {
  const text = raw.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') {
    end--;
  }
  if (end === 0) {
    return '';
  }
  return end < text.length && /\s/.test(text[end - 1])
    ? text.slice(0, end).trim()
    : text;
}

/** A heading's text lower-cased without emphasis or a trailing colon, to recognise sections. */
function plainHeading(text: string): string {
  return trimChars(text.toLowerCase(), '*_`: \t');
}

function readFields(
  lines: string[],
  inFence: boolean[],
  from: number,
  to: number,
): Fields {
  const fields: Fields = { bulleted: false };
  for (let i = from; i < to; i++) {
    const match = inFence[i] ? null : FIELD_LINE.exec(lines[i]);
    if (!match) {
      continue;
    }
    const key = collapseSpaces(match[2].replace(/[*_]/g, '')).toLowerCase();
    const value = stripHtmlComments(trimChars(match[3], '*_ \t'));
    const field = FIELD_KEYS.get(key);
    if (!field || fields[field] !== undefined) {
      continue;
    }
    fields[field] = value;
    if (match[1] && field !== 'scope') {
      fields.bulleted = true;
    }
  }
  return fields;
}

/** A section's paragraphs, each list item its own paragraph, lines joined by spaces. */
function paragraphs(
  lines: string[],
  inFence: boolean[],
  from: number,
  to: number,
): string[] {
  const result: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = stripHtmlComments(current.join(' '));
    if (text) {
      result.push(text);
    }
    current = [];
  };
  for (let i = from; i < to; i++) {
    if (inFence[i]) {
      continue;
    }
    const line = lines[i].trim();
    if (line === '') {
      flush();
      continue;
    }
    const item = /^[*+-][ \t]+/.exec(line);
    if (item) {
      flush();
      current.push(line.slice(item[0].length));
    } else {
      current.push(line);
    }
  }
  flush();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Values: status, date, names, scope, links.

function statusWord(text: string): AdrStatus | undefined {
  const word = /^[a-z]+/.exec(trimChars(text.toLowerCase(), '*_`[( \t'))?.[0];
  if (!word) {
    return undefined;
  }
  return (ADR_STATUSES as readonly string[]).includes(word)
    ? (word as AdrStatus)
    : STATUS_SYNONYMS.get(word);
}

function readStatus(written: string): {
  status?: AdrStatus;
  statusText?: string;
} {
  const text = collapseSpaces(stripHtmlComments(written));
  if (!text) {
    return {};
  }
  const status = statusWord(text);
  const bare = trimChars(text.toLowerCase(), '*_`.:! \t');
  if (status && bare === status) {
    return { status };
  }
  return {
    ...(status && { status }),
    statusText: truncate(text, MAX_STATUS_TEXT),
  };
}

function readDate(written: string): string | undefined {
  const match = ISO_DATE.exec(unquote(written.trim()));
  // Only the day is kept; a day that does not exist, such as 2024-02-30, is no date.
  return match
    ? parseIsoDate(`${match[1]}-${match[2]}-${match[3]}`)
    : undefined;
}

function readNames(value: FrontMatterValue): string[] {
  const items = Array.isArray(value) ? value : [value];
  const names = items
    .flatMap(item => collapseSpaces(item).split(/[,;&]| and /i))
    .map(name => name.trim())
    // Template placeholders such as "{list everyone involved in the decision}".
    .filter(name => name !== '' && !/^\{.*\}$|^\[[^\]]*\]$/.test(name));
  return dedupe(names, name => name);
}

function normaliseScope(value: string | undefined): string | undefined {
  const scope = trimChars(
    (value ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    '-',
  );
  return scope || undefined;
}

/**
 * The links to other ADR files in one line or paragraph, each with the relation written before
 * it ("Superseded by [ADR-0005](0005-use-kafka.md)"), plus references written as text
 * ("superseded by ADR-0005").
 */
function linksIn(text: string): AdrLink[] {
  const links: AdrLink[] = [];
  let rest = '';
  let last = 0;
  let previous: string | undefined;
  MARKDOWN_LINK.lastIndex = 0;
  for (
    let match = MARKDOWN_LINK.exec(text);
    match;
    match = MARKDOWN_LINK.exec(text)
  ) {
    const before = text.slice(last, match.index);
    rest += `${before} \u0000 `;
    last = match.index + match[0].length;
    let relation = relationBefore(before);
    if (['', 'and', 'or', '&'].includes(relation)) {
      // "Supersedes [1](...) and [2](...)": the second link shares the first one's relation.
      relation = previous ?? DEFAULT_RELATION;
    }
    previous = relation;
    const target = match[2];
    if (isAdrFile(target)) {
      links.push({ relation, target, ...numberOf(target) });
    }
  }
  rest += text.slice(last);

  TEXT_REFERENCE.lastIndex = 0;
  const plain = collapseSpaces(rest);
  for (
    let match = TEXT_REFERENCE.exec(plain);
    match;
    match = TEXT_REFERENCE.exec(plain)
  ) {
    const link = plainTarget(match[1].toLowerCase(), match[2]);
    if (link) {
      links.push(link);
    }
  }
  return links;
}

/** A link written without Markdown: a file name or `ADR-0005`. */
function plainTarget(relation: string, written: string): AdrLink | undefined {
  const target = written.trim();
  if (!target) {
    return undefined;
  }
  return { relation, target, ...numberOf(target) };
}

/** The clause right before a link: "Accepted, amended by [...]" gives "amended by". */
function relationBefore(before: string): string {
  const clauses = before.split(/[,;:.()!?]/);
  let clause = '';
  for (let i = clauses.length - 1; i >= 0 && !clause; i--) {
    clause = collapseSpaces(clauses[i].replace(/[*_`]/g, ''));
  }
  const words = trimChars(clause.toLowerCase(), '-+ ').split(' ');
  return words.slice(-3).join(' ').trim();
}

/** A relative link to a Markdown file, or a web link to one (an ADR in another repository). */
function isAdrFile(target: string): boolean {
  if (
    !target ||
    (URL_SCHEME.test(target) && !WEB_URL.test(target)) ||
    /^(?:\/\/|[#?])/.test(target)
  ) {
    return false;
  }
  const path = target.split(/[?#]/)[0];
  return /\.(?:md|markdown)$/i.test(path);
}

function numberOf(target: string): { number?: number } {
  const number = numberFromName(baseName(target.split(/[?#]/)[0]));
  return number === undefined ? {} : { number };
}

function numberFromName(name: string): number | undefined {
  const match = FILE_NUMBER.exec(name);
  return match ? Number(match[1]) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Text helpers.

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return (parts[parts.length - 1] ?? '').trim();
}

function fallbackTitle(fileName: string): string {
  return baseName(fileName) || 'Untitled ADR';
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function trimChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start])) {
    start++;
  }
  while (end > start && chars.includes(text[end - 1])) {
    end--;
  }
  return text.slice(start, end);
}

/** Removes `<!-- ... -->` (MADR's templates mark optional parts with them). */
function stripHtmlComments(text: string): string {
  let result = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open === -1) {
      break;
    }
    const close = text.indexOf('-->', open + 4);
    result += text.slice(from, open);
    if (close === -1) {
      from = text.length;
      break;
    }
    from = close + 3;
  }
  return (result + text.slice(from)).trim();
}

function nonBlank(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

function quote(text: string): string {
  return truncate(collapseSpaces(text), MAX_QUOTE);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter(item => {
    const k = key(item);
    if (seen.has(k)) {
      return false;
    }
    seen.add(k);
    return true;
  });
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
