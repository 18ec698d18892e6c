import { ADR_STATUSES, AdrStatus } from './adrs';

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
