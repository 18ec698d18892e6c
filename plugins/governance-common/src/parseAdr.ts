import { readAdrDate, spelledDate } from './adrDates';
import {
  ADR_STATUSES,
  AdrDateOrder,
  AdrLink,
  AdrStatus,
  ParsedAdr,
} from './adrs';
import {
  fromFirstLetter,
  isBareStatus,
  isStatusPlaceholder,
  statusAtStart,
} from './adrStatus';

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

type FieldName = 'status' | 'date' | 'deciders' | 'scope';

/**
 * The fields MADR 2 lists under the title (and Nygard's `Date:` line), by key as written. A file
 * can have several date lines ("Created:", then "Last Updated:"); the latest date is the ADR's.
 */
const FIELD_KEYS = new Map<string, FieldName>([
  ['status', 'status'],
  ['date', 'date'],
  ['decision date', 'date'],
  ['date decided', 'date'],
  ['created', 'date'],
  ['date started', 'date'],
  ['updated', 'date'],
  ['last update', 'date'],
  ['last updated', 'date'],
  ['last modified', 'date'],
  ['revised', 'date'],
  ['date revised', 'date'],
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
  superseded_by: 'superseded by',
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
// Indented too: MkDocs admonitions (`!!! info`) indent the fields they hold by four spaces.
const FIELD_LINE = /^[ \t]{0,8}(?:([*+-])[ \t]+)?([^:\n]{1,40}):(.*)$/;
/** `| Status | Date |` or `| Status | Accepted |`: a Markdown table row. */
const TABLE_ROW = /^ {0,3}\|(.*)\|[ \t]*$/;
const TABLE_RULE = /^[\s|:]*-[\s|:-]*$/;
/** A Docusaurus admonition whose title names a status: `:::note Superseded`. */
const ADMONITION = /^ {0,3}:::[ \t]*([a-z]+)(?:[ \t]+(.{1,80}))?$/i;
/** A status in the title, `[superseded] Proper use of ...` or `Use X (deprecated)`. */
const TITLE_STATUS_TAG =
  /[[(](superseded|deprecated|rejected|proposed|accepted)[\])]/i;
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
  /** Every date line, in the order written. */
  dates: string[];
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
 * How {@link parseAdr} reads what can be read more than one way.
 *
 * @public
 */
export interface ParseAdrOptions {
  /**
   * How a date whose day and month can swap places (`05/02/2018`) is read: `day-first` (the
   * default) or `month-first`. Such a date always comes with a warning.
   */
  dateOrder?: AdrDateOrder;
}

/**
 * Reads one ADR file written in MADR (version 2's list under the title, versions 3 and 4's YAML
 * front matter) or Michael Nygard's format (a `## Status` section): its number, title, status
 * (with the superseding ADR), date, deciders, links to other ADRs and decision scope.
 *
 * It reads statuses and dates as people write them: decorated (`✅ Accepted`, `**ACCEPTED**`),
 * in words outside the vocabulary (`Approved`, `Pending`, `On hold`, kept in `statusText`), as a
 * history whose latest entry wins, in a table under the title, a Docusaurus admonition
 * (`:::note Superseded`) or a `[superseded]` tag in the title; dates as `2018-02-05`,
 * `05/02/2018`, `December 1, 2021` or `2022-05-02 (last update)`, a later date line revising an
 * earlier one. A template placeholder (`{proposed | accepted}`) is no status, and a date that can
 * be read two ways is read in `options.dateOrder`; both come with a warning.
 *
 * It never throws: a file it cannot fully read still gives a result, titled by its file name
 * when it has no title, with one warning per thing that was missing or unreadable saying what
 * is expected instead. It reads no files and uses no node or browser APIs.
 *
 * @param fileName - The file's name or path, e.g. `0007-use-kafka.md`; its leading digits are
 *   the ADR's number.
 * @param content - The file's text. A byte order mark and CRLF line endings are accepted.
 * @param options - How to read what can be read more than one way.
 * @public
 */
export function parseAdr(
  fileName: string,
  content: string,
  options: ParseAdrOptions = {},
): ParsedAdr {
  const name = typeof fileName === 'string' ? fileName : '';
  const text = typeof content === 'string' ? content : '';
  const dateOrder: AdrDateOrder =
    options?.dateOrder === 'month-first' ? 'month-first' : 'day-first';
  try {
    return parse(name, text, dateOrder);
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

function parse(
  fileName: string,
  content: string,
  dateOrder: AdrDateOrder,
): ParsedAdr {
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
  const admonition = statusAdmonition(lines, inFence);

  // Title and number.
  let title = titleHeading?.text ?? fmString(fm, 'title') ?? '';
  title = collapseSpaces(title);
  const titleTag = TITLE_STATUS_TAG.exec(title);
  if (titleTag) {
    title = collapseSpaces(
      title.slice(0, titleTag.index) +
        title.slice(titleTag.index + titleTag[0].length),
    );
  }
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

  // Status: the front matter, else a "Status:" line or table under the title, else the Status
  // section wherever it is, else an admonition, a tag in the title or a "Status:" line further
  // down. The first one written wins; within a section, the latest entry of a history.
  const links: AdrLink[] = [];
  let statusSource = nonBlank(fmString(fm, 'status') ?? fields.status);
  if (statusSource !== undefined) {
    links.push(...linksIn(statusSource));
  }
  for (const paragraph of [
    ...statusParagraphs,
    ...(admonition?.paragraphs ?? []),
  ]) {
    links.push(...linksIn(paragraph));
  }
  let bodyFields: Fields | undefined;
  // Tables further down are read as tables of revisions, whose latest entry counts.
  const laterFields = () =>
    (bodyFields ??= readFields(
      lines,
      inFence,
      preambleEnd,
      lines.length,
      false,
    ));
  if (statusSource === undefined && statusParagraphs.length > 0) {
    statusSource = latestStatusEntry(statusParagraphs);
  }
  const revision = latestRevision(lines, inFence, dateOrder);
  statusSource ??=
    admonition?.title ??
    titleTag?.[1] ??
    revision?.status ??
    laterFields().status;
  const { status, statusText, placeholder } = readStatus(statusSource ?? '');
  if (statusSource === undefined) {
    warnings.push(
      "no status: expected 'status: accepted' in the front matter, a '* Status: accepted' line under the title or a '## Status' section",
    );
  } else if (placeholder) {
    warnings.push(
      `status '${quote(
        statusSource,
      )}' is the template's placeholder, not a status: write one of ${STATUS_LIST}`,
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

  // Date: the latest of the date lines ("Created:", "Last Updated:"), the front matter's first.
  const fmDate = nonBlank(fmString(fm, 'date'));
  let writtenDates = [
    ...(fmDate === undefined ? [] : [fmDate]),
    ...fields.dates,
  ].filter(d => d.trim() !== '');
  if (writtenDates.length === 0) {
    writtenDates = laterFields().dates.filter(d => d.trim() !== '');
  }
  if (writtenDates.length === 0 && revision?.date !== undefined) {
    writtenDates = [revision.date];
  }
  const { date, dateWarning } = latestDate(writtenDates, dateOrder);
  if (dateWarning) {
    warnings.push(dateWarning);
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
  tables = true,
): Fields {
  const fields: Fields = { dates: [], bulleted: false };
  const set = (field: FieldName, value: string) => {
    if (field === 'date') {
      fields.dates.push(value);
    } else if (fields[field] === undefined) {
      fields[field] = value;
    }
  };
  // A table under the title: `| Status | Date |` over `| Proposed | 2025-01-07 |`, or rows of
  // `| Status | Draft |`.
  let header: Array<FieldName | undefined> | undefined;
  let headerUsed = false;
  for (let i = from; i < to; i++) {
    if (inFence[i]) {
      header = undefined;
      continue;
    }
    const row = TABLE_ROW.exec(lines[i]);
    if (row) {
      if (!tables || TABLE_RULE.test(row[1])) {
        continue;
      }
      const cells = row[1]
        .split('|')
        .map(cell => stripHtmlComments(trimChars(cell, '*_ \t')));
      if (!header) {
        header = cells.map(cell => FIELD_KEYS.get(fieldKey(cell)));
        continue;
      }
      if (header.some(isDefined) && !headerUsed) {
        headerUsed = true;
        header.forEach((field, column) => {
          if (field && cells[column]) {
            set(field, cells[column]);
          }
        });
        continue;
      }
      const field = FIELD_KEYS.get(fieldKey(cells[0] ?? ''));
      if (field && cells[1]) {
        set(field, cells[1]);
      }
      continue;
    }
    header = undefined;
    headerUsed = false;
    const match = FIELD_LINE.exec(lines[i]);
    if (!match) {
      continue;
    }
    const field = FIELD_KEYS.get(fieldKey(match[2]));
    if (!field) {
      continue;
    }
    set(field, stripHtmlComments(trimChars(match[3], '*_ \t')));
    if (match[1] && field !== 'scope') {
      fields.bulleted = true;
    }
  }
  return fields;
}

/** A field's key as written ("**Last Updated**") as it is looked up ("last updated"). */
function fieldKey(written: string): string {
  return collapseSpaces(written.replace(/[*_:]/g, '')).toLowerCase();
}

/**
 * The entry of a Status section that says where the ADR stands. adr-tools writes "Accepted" and
 * then "Supersedes [2. ...](...)" as separate paragraphs; a history ("Proposed (2020-01-03)",
 * then "Accepted (2020-02-10)") ends with the latest entry, or names the latest date.
 */
function latestStatusEntry(entries: string[]): string {
  const statuses = entries.filter(
    entry => statusAtStart(entry) !== undefined && !isStatusPlaceholder(entry),
  );
  if (statuses.length <= 1) {
    return statuses[0] ?? entries[0];
  }
  const dated = statuses.map(entry => ({
    entry,
    date: /\b\d{4}-\d{2}-\d{2}\b/.exec(entry)?.[0],
  }));
  if (dated.every(d => d.date !== undefined)) {
    return dated.reduce((latest, d) => (d.date! >= latest.date! ? d : latest))
      .entry;
  }
  return statuses[statuses.length - 1];
}

/** Keys of a revision table's rows that hold the status the revision gave. */
const REVISION_STATUS_KEYS = new Set(['status', 'decision']);
const REVISION_DATE_KEYS = new Set(['date', 'decision date']);

/**
 * The latest entry of a table of revisions anywhere in the file: a table with a Status column
 * (`| Date | Status | Notes |`, one row per change), or tables of `| Decision | Accepted |` and
 * `| Decision date | 2026-01-30 |` rows, one per approval. The latest dated entry wins; without
 * dates, the last one written.
 */
function latestRevision(
  lines: string[],
  inFence: boolean[],
  order: AdrDateOrder,
): { status: string; date?: string } | undefined {
  const entries: Array<{ status: string; date?: string }> = [];
  let header: string[] | undefined;
  let current: { status?: string; date?: string } = {};
  const endTable = () => {
    if (current.status !== undefined) {
      entries.push({ status: current.status, date: current.date });
    }
    header = undefined;
    current = {};
  };
  for (let i = 0; i < lines.length; i++) {
    const row = inFence[i] ? null : TABLE_ROW.exec(lines[i]);
    if (!row) {
      endTable();
      continue;
    }
    if (TABLE_RULE.test(row[1])) {
      continue;
    }
    const cells = row[1]
      .split('|')
      .map(cell => stripHtmlComments(trimChars(cell, '*_ \t')));
    const first = !header;
    header ??= cells.map(fieldKey);
    const statusColumn = header.findIndex(key => key === 'status');
    if (statusColumn !== -1) {
      if (first) {
        continue;
      }
      const dateColumn = header.findIndex(key => REVISION_DATE_KEYS.has(key));
      if (statusAtStart(cells[statusColumn] ?? '')) {
        entries.push({
          status: cells[statusColumn],
          date: dateColumn === -1 ? undefined : cells[dateColumn],
        });
      }
      continue;
    }
    const key = fieldKey(cells[0] ?? '');
    const value = cells[1] ?? '';
    if (REVISION_STATUS_KEYS.has(key) && statusAtStart(value)) {
      current.status = value;
    } else if (REVISION_DATE_KEYS.has(key) && value) {
      current.date = value;
    }
  }
  endTable();
  if (entries.length === 0) {
    return undefined;
  }
  const dated = entries.map(entry => ({
    entry,
    day:
      entry.date === undefined
        ? undefined
        : readAdrDate(entry.date, order)?.date,
  }));
  if (dated.every(d => d.day !== undefined)) {
    return dated.reduce((latest, d) => (d.day! >= latest.day! ? d : latest))
      .entry;
  }
  return entries[entries.length - 1];
}

/** A Docusaurus admonition titled with a status (`:::note Superseded`) and its paragraphs. */
function statusAdmonition(
  lines: string[],
  inFence: boolean[],
): { title: string; paragraphs: string[] } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const match = inFence[i] ? null : ADMONITION.exec(lines[i]);
    const title = match?.[2]?.trim();
    if (!title || !statusAtStart(title)) {
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !/^ {0,3}:::[ \t]*$/.test(lines[end])) {
      end++;
    }
    return { title, paragraphs: paragraphs(lines, inFence, i + 1, end) };
  }
  return undefined;
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

function readStatus(written: string): {
  status?: AdrStatus;
  statusText?: string;
  placeholder?: boolean;
} {
  const text = collapseSpaces(stripHtmlComments(written));
  if (!text) {
    return {};
  }
  if (isStatusPlaceholder(text)) {
    return { placeholder: true };
  }
  const found = statusAtStart(text);
  if (found && isBareStatus(text, found.status)) {
    return { status: found.status };
  }
  // Kept as written, without the emoji or brackets before the first word.
  return {
    ...(found && { status: found.status }),
    statusText: truncate(fromFirstLetter(text) || text, MAX_STATUS_TEXT),
  };
}

/** The latest of the dates written, with a warning when none can be read or one is ambiguous. */
function latestDate(
  written: string[],
  order: AdrDateOrder,
): { date?: string; dateWarning?: string } {
  let latest:
    | { written: string; date: string; otherReading?: string }
    | undefined;
  for (const text of written) {
    const reading = readAdrDate(text, order);
    if (reading && (!latest || reading.date >= latest.date)) {
      latest = { written: text, ...reading };
    }
  }
  if (!latest) {
    return written.length === 0
      ? {}
      : { dateWarning: `date '${quote(written[0])}' is not a YYYY-MM-DD date` };
  }
  if (!latest.otherReading) {
    return { date: latest.date };
  }
  return {
    date: latest.date,
    dateWarning: `date '${quote(latest.written)}' can be read as ${spelledDate(
      latest.date,
    )} or ${spelledDate(latest.otherReading)}; it is read ${order} as ${
      latest.date
    } (governance.adrs.dateOrder): write ${latest.date} to remove the doubt`,
  };
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
  const plain = fromFirstLetter(trimChars(clause.toLowerCase(), '-+ ')).replace(
    /\bsuperced/g,
    'supersed',
  );
  // "has been superseded by [...]" is "superseded by"; a bare "⌛️ Superseded [...]" too.
  const known = [...TEXT_RELATIONS, 'superseded'].find(
    relation => plain === relation || plain.endsWith(` ${relation}`),
  );
  if (known) {
    return known === 'superseded' ? 'superseded by' : known;
  }
  return plain.split(' ').slice(-3).join(' ').trim();
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
