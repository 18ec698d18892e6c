import type { FactDefinition, FactObservation } from './facts';

/**
 * The categories of an entity's technology stack.
 *
 * @public
 */
export const STACK_CATEGORIES = [
  'languages',
  'frameworks',
  'datastores',
  'messageBrokers',
] as const;

/**
 * One category of an entity's stack: `languages`, `frameworks`, `datastores` or
 * `messageBrokers`.
 *
 * @public
 */
export type StackCategory = (typeof STACK_CATEGORIES)[number];

/**
 * The technologies of one entity, by category. Each technology is a normalised name
 * (see {@link normaliseTechnology}), e.g. `{ languages: ['typescript'], datastores: ['postgresql'] }`.
 *
 * @public
 */
export type EntityStack = Partial<Record<StackCategory, string[]>>;

/**
 * The fact each stack category is pushed as. Every stack fact is a `string-list` of technology
 * names; CI (`governance-cli stack scan`) pushes them to `POST /facts` like any other measured
 * fact, e.g. `stackLanguages` `["typescript"]` and `stackFrameworks` `["express", "react"]`. Names are
 * normalised on the way in (lower case, trimmed), so `TypeScript` and `typescript` are one
 * technology. A measured stack fact replaces what the `governance/stack` annotation declares
 * for that category.
 *
 * @public
 */
export const STACK_FACTS: Readonly<Record<StackCategory, string>> = {
  languages: 'stackLanguages',
  frameworks: 'stackFrameworks',
  datastores: 'stackDatastores',
  messageBrokers: 'stackMessageBrokers',
};

/**
 * How a category is written in the `governance/stack` annotation.
 *
 * @public
 */
export const STACK_ANNOTATION_CATEGORIES: Readonly<
  Record<string, StackCategory>
> = {
  languages: 'languages',
  frameworks: 'frameworks',
  datastores: 'datastores',
  'message-brokers': 'messageBrokers',
};

const CATEGORY_LABELS: Record<StackCategory, string> = {
  languages: 'language',
  frameworks: 'framework',
  datastores: 'datastore',
  messageBrokers: 'message broker',
};

/**
 * A human label for a category, e.g. `message broker`.
 *
 * @public
 */
export function stackCategoryLabel(category: StackCategory): string {
  return CATEGORY_LABELS[category];
}

/** Letters, digits and `. + # _ -`, so `c#`, `c++`, `node.js` and `spring-boot` are names. */
const TECHNOLOGY_PATTERN = /^[a-z0-9][a-z0-9.+#_ -]{0,62}$/;

/** A name already in canonical form: what the annotation parser and CI usually hand in. */
const CANONICAL_TECHNOLOGY = /^[a-z0-9][a-z0-9.+#_-]{0,62}$/;

/**
 * The canonical form of a technology name (trimmed, lower case, inner spaces as `-`), or
 * undefined when it is not a name: letters, digits and `. + # _ -`, at most 63 characters.
 *
 * @public
 */
export function normaliseTechnology(name: string): string | undefined {
  // Every stack of every entity passes here on each evaluation, mostly already canonical.
  if (CANONICAL_TECHNOLOGY.test(name)) {
    return name;
  }
  // Plain lower-casing: the same as the en-US locale's, without the locale lookup.
  const trimmed = name.trim().toLowerCase();
  if (!TECHNOLOGY_PATTERN.test(trimmed)) {
    return undefined;
  }
  return trimmed.replace(/\s+/g, '-');
}

/**
 * What the `governance/stack` annotation allows, for problem messages.
 *
 * @public
 */
export const STACK_ANNOTATION_ALLOWED =
  'categories separated by ";", each "<category>: <technology>, <technology>" with category one of languages, frameworks, datastores, message-brokers, such as "languages: typescript; frameworks: express; datastores: postgresql; message-brokers: kafka"';

/** Distinct stack texts kept parsed: a few megabytes at most (texts are up to 2,000 characters). */
const PARSED_STACKS_LIMIT = 1_000;
const parsedStacks = new Map<string, EntityStack | undefined>();

/**
 * Parses the `governance/stack` annotation:
 * `languages: typescript, go; frameworks: express; datastores: postgresql; message-brokers: kafka`.
 * Returns undefined when any part is malformed, so the catalog reports the whole value.
 *
 * @public
 */
export function parseStackAnnotation(value: string): EntityStack | undefined {
  // Every evaluation parses every entity's annotation, and entities share a handful of stacks:
  // each text is parsed once (up to a bound) and its callers get copies they may change.
  if (!parsedStacks.has(value)) {
    if (parsedStacks.size >= PARSED_STACKS_LIMIT) {
      parsedStacks.clear();
    }
    parsedStacks.set(value, parseStackText(value));
  }
  const parsed = parsedStacks.get(value);
  if (!parsed) {
    return undefined;
  }
  const stack: EntityStack = {};
  for (const category of Object.keys(parsed) as StackCategory[]) {
    stack[category] = [...parsed[category]!];
  }
  return stack;
}

function parseStackText(value: string): EntityStack | undefined {
  if (value.length > 2000) {
    return undefined;
  }
  const stack: EntityStack = {};
  const parts = value
    .split(';')
    .map(p => p.trim())
    .filter(Boolean);
  if (!parts.length) {
    return undefined;
  }
  for (const part of parts) {
    const colon = part.indexOf(':');
    if (colon < 0) {
      return undefined;
    }
    const category =
      STACK_ANNOTATION_CATEGORIES[part.slice(0, colon).trim().toLowerCase()];
    if (!category || stack[category]) {
      return undefined;
    }
    const names = part
      .slice(colon + 1)
      .split(',')
      .map(n => n.trim())
      .filter(Boolean);
    const technologies = names.map(normaliseTechnology);
    if (!technologies.length || technologies.some(t => t === undefined)) {
      return undefined;
    }
    stack[category] = [...new Set(technologies as string[])];
  }
  return stack;
}

/**
 * The built-in stack facts, one `string-list` per category. Their values are technology names
 * as {@link normaliseTechnology} writes them.
 *
 * @public
 */
export const STACK_FACT_DEFINITIONS: readonly FactDefinition[] =
  STACK_CATEGORIES.map(category => ({
    name: STACK_FACTS[category],
    type: 'string-list' as const,
    description: `The ${CATEGORY_LABELS[category]}s the entity uses, e.g. from governance-cli stack scan`,
    staleAfterDays: 90,
  }));

/**
 * An entity's stack from its fact observations (declared from `governance/stack`, or measured
 * by CI). A measured observation of a category wins over the declared one.
 *
 * @public
 */
export function stackFromFacts(
  observations: ReadonlyArray<
    Pick<FactObservation, 'name' | 'value' | 'origin'>
  >,
): EntityStack {
  // Runs for every tiered entity on every pass, over a handful of observations: each
  // category's observation is found by a walk (the first measured, else the first) and its
  // list is built without a Map or Sets, whose garbage showed in allocation profiles.
  const stack: EntityStack = {};
  for (const category of STACK_CATEGORIES) {
    const value = chosenObservation(observations, STACK_FACTS[category])?.value;
    if (!Array.isArray(value)) {
      continue;
    }
    const technologies = distinctTechnologies(value);
    if (technologies.length) {
      stack[category] = technologies;
    }
  }
  return stack;
}

/** The first measured observation of the fact, else its first one. */
function chosenObservation<T extends Pick<FactObservation, 'name' | 'origin'>>(
  observations: ReadonlyArray<T>,
  name: string,
): T | undefined {
  let chosen: T | undefined;
  for (const observation of observations) {
    if (observation.name !== name) {
      continue;
    }
    if (observation.origin === 'measured') {
      return observation;
    }
    chosen ??= observation;
  }
  return chosen;
}

/** True when every item is a technology name as normaliseTechnology writes it, each once. */
function isCanonicalAndDistinct(value: readonly unknown[]): boolean {
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (
      typeof item !== 'string' ||
      normaliseTechnology(item) !== item ||
      value.indexOf(item) !== i
    ) {
      return false;
    }
  }
  return true;
}

/** Above this many names, duplicates are found with a Set rather than by scanning. */
const FEW_TECHNOLOGIES = 16;

/** The valid names of a list, normalised, each once, in the order they first appear. */
function distinctTechnologies(value: readonly unknown[]): string[] {
  if (value.length <= FEW_TECHNOLOGIES && isCanonicalAndDistinct(value)) {
    // The usual list, already as it should be: a copy of its exact size, where pushing each
    // name would grow a fresh array's room to 17.
    return value.slice() as string[];
  }
  if (value.length > FEW_TECHNOLOGIES) {
    const technologies = new Set<string>();
    for (const item of value) {
      const technology = normaliseTechnology(String(item));
      if (technology) {
        technologies.add(technology);
      }
    }
    return [...technologies];
  }
  const technologies: string[] = [];
  for (const item of value) {
    const technology = normaliseTechnology(String(item));
    if (technology && !technologies.includes(technology)) {
      technologies.push(technology);
    }
  }
  return technologies;
}

/**
 * A ring of the tech radar. The approved stack knows Backstage tech-radar's four rings.
 *
 * @public
 */
export const RADAR_RINGS = ['adopt', 'trial', 'assess', 'hold'] as const;

/**
 * `adopt`, `trial`, `assess` or `hold`.
 *
 * @public
 */
export type RadarRing = (typeof RADAR_RINGS)[number];

/**
 * One entry of the radar as the approved stack uses it: the technology's normalised name and
 * its current ring (the newest timeline entry).
 *
 * @public
 */
export interface StackTechnology {
  /** The normalised technology name entities name it by. */
  name: string;
  title: string;
  quadrant?: string;
  ring: RadarRing;
  /** Other names that resolve to this technology: the radar entry's id, key and title. */
  aliases: string[];
  description?: string;
  url?: string;
}
