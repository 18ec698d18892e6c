import { AdrLink } from '../schema';
import { FrontMatter, frontMatterList } from './frontMatter';
import { Outline, plainHeading } from './sections';
import { fromFirstLetter } from './status';
import { baseName, collapseSpaces, trimChars } from './text';

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
const FILE_NUMBER = /^(?:adr ?[-_#]? ?)?(\d{1,9})(?!\d)/i;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const WEB_URL = /^https?:\/\//i;

/**
 * The links to other ADR files in one line or paragraph, each with the relation written before
 * it ("Superseded by [ADR-0005](0005-use-kafka.md)"), plus references written as text
 * ("superseded by ADR-0005").
 */
export function linksIn(text: string): AdrLink[] {
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

/** Links listed in the front matter under `superseded-by`, `amends`, `links` and the like. */
export function frontMatterLinks(frontMatter: FrontMatter): AdrLink[] {
  const links: AdrLink[] = [];
  for (const [key, relation] of Object.entries(FRONT_MATTER_RELATIONS)) {
    for (const item of frontMatterList(frontMatter, key)) {
      const found = linksIn(item);
      if (found.length > 0) {
        links.push(...found.map(link => ({ ...link, relation })));
      } else if (isAdrFile(item) || numberFromName(item) !== undefined) {
        links.push({ relation, target: item, ...numberOf(item) });
      }
    }
  }
  return links;
}

/** Links in MADR 2's "Links" section (or "Related decisions"), outside code blocks. */
export function sectionLinks(
  lines: string[],
  { headings, inFence }: Outline,
): AdrLink[] {
  const links: AdrLink[] = [];
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

/** The ADR number a file name starts with: `0007-use-kafka.md`, `ADR-7.md`. */
export function numberFromName(name: string): number | undefined {
  const match = FILE_NUMBER.exec(name);
  return match ? Number(match[1]) : undefined;
}
