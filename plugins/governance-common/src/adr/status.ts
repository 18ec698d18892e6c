import { ADR_STATUSES, AdrDateOrder, AdrStatus } from '../adrs';
import { readAdrDate } from './dates';
import { fieldKey, tableCells } from './fields';
import { paragraphs } from './sections';
import { collapseSpaces, stripHtmlComments, truncate } from './text';

/**
 * Words and phrases people write for a status in place of MADR's and Nygard's vocabulary, the
 * longer phrases first. The text as written is kept next to the status (`statusText`).
 */
const STATUS_PHRASES: ReadonlyArray<readonly [string, AdrStatus]> = [
  // Part of the decision still stands, so its retrospective is still due.
  ['partly superseded', 'accepted'],
  ['partially superseded', 'accepted'],
  ['on hold', 'proposed'],
  ['under review', 'proposed'],
  ['in review', 'proposed'],
  ['approved', 'accepted'],
  ['adopted', 'accepted'],
  ['agreed', 'accepted'],
  ['active', 'accepted'],
  ['implemented', 'accepted'],
  ['draft', 'proposed'],
  ['pending', 'proposed'],
  ['postponed', 'proposed'],
  ['declined', 'rejected'],
  ['obsolete', 'deprecated'],
  ['retired', 'deprecated'],
  ['replaced', 'superseded'],
  ['superceded', 'superseded'],
  ...ADR_STATUSES.map(status => [status, status] as const),
];

/**
 * Words that name a status only when written alone (`| Status | Review |`): at the start of a
 * sentence they are prose, "Review in six months".
 */
const STATUS_WORDS_ALONE = new Map<string, AdrStatus>([['review', 'proposed']]);

const LETTER = /\p{L}/u;

/** The text from its first letter: without the emoji, brackets and emphasis written before it. */
export function fromFirstLetter(text: string): string {
  const match = LETTER.exec(text);
  return match ? text.slice(match.index) : '';
}

/** Lower-cased words only: "**ACCEPTED**" and "✅ Accepted" both give "accepted". */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The status a text starts with, and the words that named it. */
export function statusAtStart(
  text: string,
): { status: AdrStatus; phrase: string } | undefined {
  const plain = words(fromFirstLetter(text));
  const alone = STATUS_WORDS_ALONE.get(plain);
  if (alone) {
    return { status: alone, phrase: plain };
  }
  for (const [phrase, status] of STATUS_PHRASES) {
    if (
      plain === phrase ||
      (plain.startsWith(phrase) && plain[phrase.length] === ' ')
    ) {
      return { status, phrase };
    }
  }
  return undefined;
}

/**
 * True when the text is the status's own word and nothing else, however decorated
 * ("✅ Accepted", "**ACCEPTED**"): there is nothing more to keep as written.
 */
export function isBareStatus(text: string, status: AdrStatus): boolean {
  return words(text) === status;
}

function statusWordsIn(text: string): Set<AdrStatus | string> {
  const found = new Set<string>();
  const plain = ` ${words(text)} `;
  for (const [phrase] of STATUS_PHRASES) {
    if (plain.includes(` ${phrase} `)) {
      found.add(phrase);
    }
  }
  return found;
}

/**
 * True when the status is still the template's: `{proposed | accepted | ...}`,
 * `[proposed, accepted, ...]`, `Proposed | Accepted | Rejected` or the Nygard template's question
 * "What is the status, such as proposed, accepted, ...?". Reading the first word of these would
 * be a guess.
 */
export function isStatusPlaceholder(text: string): boolean {
  // Link targets are paths, whose slashes separate nothing.
  const written = text.replace(/\]\([^()]*\)/g, ']').trim();
  const unwrapped = written.replace(/^`+|`+$/g, '').trim();
  if (/^\{.*\}$/s.test(unwrapped)) {
    return true;
  }
  if (/^\[.*\]$/s.test(unwrapped) && /[|,/]/.test(unwrapped)) {
    return true;
  }
  const alternatives = unwrapped
    .split(/[|/]/)
    .filter(part => statusWordsIn(part).size > 0);
  if (alternatives.length >= 2) {
    return true;
  }
  return (
    statusAtStart(unwrapped) === undefined && statusWordsIn(unwrapped).size >= 3
  );
}

/** Longest `statusText` kept: enough for "Accepted, amended by ..." but not a whole essay. */
const MAX_STATUS_TEXT = 300;

/** A status as written, read into the vocabulary; kept as written when it says more. */
export function readStatus(written: string): {
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

/**
 * The entry of a Status section that says where the ADR stands. adr-tools writes "Accepted" and
 * then "Supersedes [2. ...](...)" as separate paragraphs; a history ("Proposed (2020-01-03)",
 * then "Accepted (2020-02-10)") ends with the latest entry, or names the latest date.
 */
export function latestStatusEntry(entries: string[]): string {
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

/** A Docusaurus admonition whose title names a status: `:::note Superseded`. */
const ADMONITION = /^ {0,3}:::[ \t]*([a-z]+)(?:[ \t]+(.{1,80}))?$/i;

/** A Docusaurus admonition titled with a status (`:::note Superseded`) and its paragraphs. */
export function statusAdmonition(
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

/** Keys of a revision table's rows that hold the status the revision gave. */
const REVISION_STATUS_KEYS = new Set(['status', 'decision']);
const REVISION_DATE_KEYS = new Set(['date', 'decision date']);

/**
 * The latest entry of a table of revisions anywhere in the file: a table with a Status column
 * (`| Date | Status | Notes |`, one row per change), or tables of `| Decision | Accepted |` and
 * `| Decision date | 2026-01-30 |` rows, one per approval. The latest dated entry wins; without
 * dates, the last one written.
 */
export function latestRevision(
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
    const cells = inFence[i] ? undefined : tableCells(lines[i]);
    if (!cells) {
      endTable();
      continue;
    }
    if (cells.length === 0) {
      continue;
    }
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
