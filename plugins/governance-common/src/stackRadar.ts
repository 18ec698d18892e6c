import type { CheckResult } from './scorecard';
import {
  EntityStack,
  normaliseTechnology,
  RADAR_RINGS,
  RadarRing,
  STACK_CATEGORIES,
  StackCategory,
  StackTechnology,
} from './stack';
import { namedAsWholeWord } from './wholeWords';

/**
 * The id of the built-in check that an entity's technologies are on the approved stack.
 *
 * @public
 */
export const APPROVED_STACK_CHECK_ID = 'approved-stack';

/** At most this many radar entries are read, so a runaway radar file cannot exhaust memory. */
const MAX_RADAR_ENTRIES = 2000;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : undefined;

/**
 * Reads Backstage tech-radar data (`TechRadarLoaderResponse`: `quadrants`, `rings`, `entries`
 * with `id`, `key`, `title`, `quadrant` and a `timeline` of `{ ringId, date }`) into the
 * approved stack's technologies. An entry's ring is that of its newest timeline snapshot; a
 * ring is recognised by its id or name (`adopt`, `trial`, `assess`, `hold`). Throws an Error
 * naming what is wrong when the data is not a radar at all; entries it cannot place are
 * skipped and named in `problems`.
 *
 * @public
 */
export function parseTechRadar(data: unknown): {
  technologies: StackTechnology[];
  problems: string[];
} {
  if (!isObject(data) || !Array.isArray(data.entries)) {
    throw new Error(
      'the radar is not tech-radar data: expected an object with an entries list (and quadrants and rings)',
    );
  }
  if (data.entries.length > MAX_RADAR_ENTRIES) {
    throw new Error(
      `the radar has ${data.entries.length} entries, at most ${MAX_RADAR_ENTRIES} are allowed`,
    );
  }
  const ringOf = new Map<string, RadarRing>();
  for (const ring of Array.isArray(data.rings) ? data.rings : []) {
    if (!isObject(ring)) continue;
    const id = text(ring.id);
    const known = [id, text(ring.name)]
      .map(n => n?.toLocaleLowerCase('en-US'))
      .find((n): n is RadarRing => RADAR_RINGS.includes(n as RadarRing));
    if (id && known) ringOf.set(id, known);
  }
  for (const ring of RADAR_RINGS) {
    if (!ringOf.has(ring)) ringOf.set(ring, ring);
  }
  const quadrantName = new Map<string, string>();
  for (const quadrant of Array.isArray(data.quadrants) ? data.quadrants : []) {
    if (isObject(quadrant) && text(quadrant.id)) {
      quadrantName.set(
        text(quadrant.id)!,
        text(quadrant.name) ?? text(quadrant.id)!,
      );
    }
  }
  const technologies = new Map<string, StackTechnology>();
  const problems: string[] = [];
  data.entries.forEach((entry: unknown, index: number) => {
    const label = isObject(entry)
      ? text(entry.title) ?? text(entry.id) ?? `entry ${index + 1}`
      : `entry ${index + 1}`;
    if (!isObject(entry)) {
      problems.push(`${label} is not an object`);
      return;
    }
    const title = text(entry.title) ?? text(entry.id) ?? text(entry.key);
    const name = normaliseTechnology(
      text(entry.id) ?? text(entry.key) ?? title ?? '',
    );
    const newest = (Array.isArray(entry.timeline) ? entry.timeline : [])
      .filter(isObject)
      .map(s => ({ ringId: text(s.ringId), time: Date.parse(String(s.date)) }))
      .sort((a, b) => (b.time || 0) - (a.time || 0))[0];
    const ring = newest?.ringId ? ringOf.get(newest.ringId) : undefined;
    if (!name || !title) {
      problems.push(`${label} has no id, key or title that names a technology`);
      return;
    }
    if (!ring) {
      problems.push(
        `${label} has no timeline snapshot in a ring adopt, trial, assess or hold`,
      );
      return;
    }
    const aliases = [
      ...new Set(
        [text(entry.id), text(entry.key), title]
          .map(a => (a ? normaliseTechnology(a) : undefined))
          .filter((a): a is string => !!a),
      ),
    ];
    const quadrant = text(entry.quadrant);
    technologies.set(name, {
      name,
      title,
      ring,
      aliases,
      ...(quadrant && { quadrant: quadrantName.get(quadrant) ?? quadrant }),
      ...(text(entry.description) && {
        description: text(entry.description),
      }),
      ...(text(entry.url) && { url: text(entry.url) }),
    });
  });
  return { technologies: [...technologies.values()], problems };
}

/**
 * Looks technologies up by any of their names (id, key or title, normalised).
 *
 * @public
 */
export function indexRadar(
  technologies: readonly StackTechnology[],
): ReadonlyMap<string, StackTechnology> {
  const index = new Map<string, StackTechnology>();
  for (const technology of technologies) {
    for (const alias of [technology.name, ...technology.aliases]) {
      if (!index.has(alias)) index.set(alias, technology);
    }
  }
  return index;
}

/**
 * One technology an entity uses, as the approved-stack check placed it.
 *
 * @public
 */
export interface EntityTechnology {
  category: StackCategory;
  /** The name the entity uses, normalised. */
  technology: string;
  /** The radar's ring; absent when the technology is not on the radar. */
  ring?: RadarRing;
  /** True when an accepted ADR of the entity names a technology that is not on the radar. */
  clearedByAdr: boolean;
}

/**
 * The technologies that the texts (accepted ADRs' titles and bodies) name as a whole word,
 * case-insensitively.
 *
 * @public
 */
export function technologiesNamedIn(
  texts: readonly string[],
  technologies: readonly string[],
): Set<string> {
  // `.`, `+` and `#` join names such as node.js, c++ and c#; a sentence may end with a `.`.
  return namedAsWholeWord(
    texts,
    technologies,
    technology => [technology, technology.replace(/-/g, ' ')],
    { before: '.+#-', after: '+#-' },
  );
}

/**
 * Places each of an entity's technologies on the radar.
 *
 * @public
 */
export function placeStack(
  stack: EntityStack,
  radar: ReadonlyMap<string, StackTechnology>,
  clearedByAdr: ReadonlySet<string>,
): EntityTechnology[] {
  // Every evaluated entity's stack, on every pass: one array of its exact size (pushing onto
  // an empty one gives it room for 17), each entry built once.
  let count = 0;
  for (const category of STACK_CATEGORIES) {
    count += stack[category]?.length ?? 0;
  }
  const placed = new Array<EntityTechnology>(count);
  let i = 0;
  for (const category of STACK_CATEGORIES) {
    for (const technology of stack[category] ?? []) {
      const ring = radar.get(technology)?.ring;
      placed[i++] = ring
        ? { category, technology, ring, clearedByAdr: false }
        : {
            category,
            technology,
            clearedByAdr: clearedByAdr.has(technology),
          };
    }
  }
  return placed;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The technologies as the result names them, `name (ring)` unless `withRing` is false. */
function list(
  technologies: readonly EntityTechnology[],
  withRing = true,
): string {
  let listed = '';
  for (const t of technologies) {
    const named =
      withRing && t.ring ? `${t.technology} (${t.ring})` : t.technology;
    listed = listed ? `${listed}, ${named}` : named;
  }
  return listed;
}

/**
 * Evaluates the `approved-stack` check: it fails on a `hold` technology and on one that is not
 * on the radar unless an accepted ADR of the entity names it, and warns on `assess`. The
 * result names each technology and its ring. Waivers apply afterwards, as to any check.
 *
 * @public
 */
export function evaluateApprovedStack(options: {
  technologies: readonly EntityTechnology[];
  /** Whether any of the stack was measured (CI) rather than declared (annotation). */
  measured: boolean;
  source: string;
}): CheckResult {
  const { technologies, measured, source } = options;
  // Runs for every evaluated entity with a stack, nearly all on adopt or trial: the groups are
  // counted in one walk and listed only when the result names them.
  let hold = 0;
  let unlisted = 0;
  let cleared = 0;
  let assess = 0;
  for (const t of technologies) {
    if (t.ring === 'hold') hold++;
    else if (t.ring === 'assess') assess++;
    if (!t.ring && !t.clearedByAdr) unlisted++;
    if (t.clearedByAdr) cleared++;
  }
  // One object per result, its reason added only when it has one: no spread copy of a base.
  const result = (state: CheckResult['state'], reason?: string) => {
    const checked: CheckResult = {
      checkId: APPROVED_STACK_CHECK_ID,
      title: 'Technologies are on the approved stack',
      target: 'adopt or trial on the radar, or accepted in an ADR',
      factName: 'stack',
      origin: measured ? 'measured' : 'declared',
      evidence: measured ? 'automated' : 'attested',
      source,
      stale: false,
      state,
      actual: list(technologies),
    };
    if (reason !== undefined) {
      checked.reason = reason;
    }
    return checked;
  };
  const clearedNote = cleared
    ? `; accepted in an ADR though not on the radar: ${list(
        technologies.filter(t => t.clearedByAdr),
      )}`
    : '';
  const reasons: string[] = [];
  if (hold)
    reasons.push(
      `on hold: ${list(
        technologies.filter(t => t.ring === 'hold'),
        false,
      )}`,
    );
  if (unlisted)
    reasons.push(
      `not on the radar and named in no accepted ADR: ${list(
        technologies.filter(t => !t.ring && !t.clearedByAdr),
        false,
      )}`,
    );
  if (reasons.length) {
    return result('fail', `${capitalise(reasons.join('; '))}${clearedNote}`);
  }
  if (assess) {
    return result(
      'warn',
      `Still being assessed: ${list(
        technologies.filter(t => t.ring === 'assess'),
        false,
      )}${clearedNote}`,
    );
  }
  return clearedNote
    ? result('pass', capitalise(clearedNote.slice(2)))
    : result('pass');
}
