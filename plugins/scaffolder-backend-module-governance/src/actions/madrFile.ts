import fs from 'node:fs/promises';
import { stringify } from 'yaml';

/** What goes into a new MADR file. */
export interface MadrContent {
  title: string;
  status: 'proposed' | 'accepted';
  /** `YYYY-MM-DD`. */
  date: string;
  deciders: string[];
  /** A decision kind id, e.g. `api-design`. */
  decisionScope?: string;
  context?: string;
  options: string[];
  decision?: string;
  /** The review item whose decision this records; the governance backend links it. */
  review?: string;
}

const NUMBERED_ADR = /^(\d{4})-.*\.md$/i;
const MAX_SLUG_LENGTH = 60;

/**
 * The number after the highest `NNNN-*.md` in the folder; 1 for a folder that is empty or not
 * there yet. Gaps stay gaps: a deleted ADR's number is never given to a new decision.
 */
export async function nextAdrNumber(folder: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return 1;
    }
    throw error;
  }
  const numbers = names.flatMap(name => {
    const match = NUMBERED_ADR.exec(name);
    return match ? [Number(match[1])] : [];
  });
  return Math.max(0, ...numbers) + 1;
}

/**
 * A file-name-safe form of the title, as adr-tools and log4brains make them:
 * `Use PostgreSQL for orders` becomes `use-postgresql-for-orders`.
 */
export function slugOf(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(word => word.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) {
      break;
    }
    slug = next;
  }
  // A title of only symbols, or one first word longer than the limit, still needs a name.
  return slug || words[0]?.slice(0, MAX_SLUG_LENGTH) || 'decision';
}

/** `0007-use-postgresql-for-orders.md` */
export function madrFileName(number: number, title: string): string {
  return `${String(number).padStart(4, '0')}-${slugOf(title)}.md`;
}

/**
 * A MADR 3 file: front matter, then the template's sections. Sections the author left empty
 * keep MADR's own prompt, so the pull request shows what is still to be written.
 */
export function renderMadr(content: MadrContent): string {
  const frontMatter: Record<string, string | string[]> = {
    status: content.status,
    date: content.date,
  };
  if (content.deciders.length > 0) {
    frontMatter.deciders = content.deciders;
  }
  if (content.decisionScope) {
    frontMatter['decision-scope'] = content.decisionScope;
  }
  if (content.review) {
    frontMatter.review = content.review;
  }
  const options =
    content.options.length > 0
      ? content.options.map(option => `* ${option}`).join('\n')
      : '* {title of option 1}\n* {title of option 2}';
  return [
    '---',
    stringify(frontMatter, { flowCollectionPadding: false }).trimEnd(),
    '---',
    '',
    `# ${content.title}`,
    '',
    '## Context and Problem Statement',
    '',
    content.context?.trim() ||
      '{Describe the context and problem statement in two or three sentences.}',
    '',
    '## Considered Options',
    '',
    options,
    '',
    '## Decision Outcome',
    '',
    content.decision?.trim() ||
      'Chosen option: "{title of option}", because {justification}.',
    '',
    '### Consequences',
    '',
    '* Good, because {positive consequence}',
    '* Bad, because {negative consequence}',
    '',
  ].join('\n');
}
