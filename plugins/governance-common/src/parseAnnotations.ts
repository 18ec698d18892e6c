import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  COMMUNITY_ADR_LOCATION_ANNOTATION,
  GOVERNANCE_ANNOTATIONS,
  GOVERNANCE_ANNOTATION_PREFIX,
  TESTING_KINDS,
  TestingKind,
} from './annotations';
import { parseIsoDate } from './input';
import {
  EntityStack,
  parseStackAnnotation,
  STACK_ANNOTATION_ALLOWED,
} from './stack';

/**
 * The typed values of an entity's governance annotations. Absent or invalid annotations are
 * absent here: absent means unknown.
 *
 * @public
 */
export interface GovernanceAnnotationValues {
  tier?: string;
  /** Full entity ref, e.g. `user:default/jane`. */
  techLead?: string;
  /** Full entity ref, e.g. `user:default/amir`. */
  architect?: string;
  /** Where the entity's ADRs live, and which annotation said so. */
  adrLocation?: { target: string; annotation: string };
  availabilitySloPercent?: number;
  p95LatencySloMs?: number;
  /** ISO date, `YYYY-MM-DD`. */
  lastSecurityReview?: string;
  testCoveragePercent?: number;
  testing?: TestingKind[];
  monitoringUrl?: string;
  runbookUrl?: string;
  /** The technologies `governance/stack` declares, by category. */
  stack?: EntityStack;
}

/**
 * One malformed governance annotation: the key, the value as written, and what is allowed.
 *
 * @public
 */
export interface AnnotationProblem {
  key: string;
  value: string;
  /** What is allowed for this key, phrased for a platform engineer. */
  allowed: string;
  /** A complete sentence naming the key, the value and what is allowed. */
  message: string;
}

/**
 * The outcome of parsing: typed values plus one problem per malformed key.
 *
 * @public
 */
export interface ParsedGovernanceAnnotations {
  values: GovernanceAnnotationValues;
  problems: AnnotationProblem[];
  /** True when the entity carries at least one governance annotation, valid or not. */
  annotated: boolean;
}

/**
 * Options for {@link parseGovernanceAnnotations}.
 *
 * @public
 */
export interface ParseGovernanceAnnotationsOptions {
  /** The tier names the policy knows; `governance/tier` must be one of them. */
  tierNames: Iterable<string>;
}

type ParseContext = { tierNames: string[] };

/** How one annotation key is read: into which value, and what is allowed when it cannot be. */
interface FieldParser {
  key: keyof GovernanceAnnotationValues;
  /** The typed value, or undefined when the text is not `allowed`. */
  parse: (value: string, ctx: ParseContext) => unknown;
  allowed: string | ((ctx: ParseContext) => string);
}

const DECIMAL = /^\d{1,15}(\.\d{1,15})?$/;

function parsePercent(value: string): number | undefined {
  const trimmed = value.trim().replace(/%$/, '');
  if (!DECIMAL.test(trimmed)) {
    return undefined;
  }
  const n = Number(trimmed);
  return n >= 0 && n <= 100 ? n : undefined;
}

function parseDurationMs(value: string): number | undefined {
  const match = /^(\d{1,15}(?:\.\d{1,15})?)\s*(ms|s)?$/.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const n = Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  return n > 0 && Number.isFinite(n) ? n : undefined;
}

function parseUserRef(value: string): string | undefined {
  const trimmed = value.trim();
  if (
    !/^([A-Za-z][A-Za-z0-9-]*:)?([A-Za-z0-9._-]+\/)?[A-Za-z0-9._-]+$/.test(
      trimmed,
    )
  ) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(trimmed, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
    if (!['user', 'group'].includes(ref.kind.toLocaleLowerCase('en-US'))) {
      return undefined;
    }
    return stringifyEntityRef(ref);
  } catch {
    return undefined;
  }
}

function parseHttpUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? url.toString()
      : undefined;
  } catch {
    return undefined;
  }
}

// Shared by the fields of each kind, so a value two keys hold (tech lead and architect) is
// parsed once.
const rememberedUserRef = remembered(parseUserRef);
const rememberedHttpUrl = remembered(parseHttpUrl);
const rememberedPercent = remembered(parsePercent);

const USER_REF_ALLOWED =
  'an entity ref to a User or Group, such as jane.doe, user:jane.doe or user:default/jane.doe';
const URL_ALLOWED =
  'an absolute http(s) URL, such as https://grafana.example.com/d/payments';

/** A field whose `parse` yields its value, or undefined when the value is not `allowed`. */
function field<K extends keyof GovernanceAnnotationValues>(
  key: K,
  parse: (
    value: string,
    ctx: ParseContext,
  ) => GovernanceAnnotationValues[K] | undefined,
  allowed: string | ((ctx: ParseContext) => string),
): FieldParser {
  return { key, parse, allowed };
}

/** Distinct texts each parser keeps the value of: memory stays flat whatever the catalog. */
const REMEMBERED_VALUES_LIMIT = 10_000;

/**
 * Longer texts are parsed each time, not kept: a shared value (a percentage, a team's runbook)
 * is short, and the bound above is a count, so long texts would let memory grow with them.
 */
const REMEMBERED_TEXT_MAX_LENGTH = 256;

/**
 * `parse`, remembering its value for each text (bounded): every evaluation parses every
 * entity's annotations again, and entities share few distinct values. `copy` gives each caller
 * a value of its own where the value is a list it may change.
 */
function remembered<T>(
  parse: (value: string) => T | undefined,
  copy: (value: T) => T = value => value,
): (value: string) => T | undefined {
  const values = new Map<string, T | undefined>();
  return value => {
    if (value.length > REMEMBERED_TEXT_MAX_LENGTH) {
      return parse(value);
    }
    let parsed = values.get(value);
    if (parsed === undefined && !values.has(value)) {
      parsed = parse(value);
      if (values.size >= REMEMBERED_VALUES_LIMIT) {
        values.clear();
      }
      values.set(value, parsed);
    }
    return parsed === undefined ? undefined : copy(parsed);
  };
}

/** A field naming a User or Group, such as the tech lead. */
function userRefField(key: 'techLead' | 'architect'): FieldParser {
  return field(key, rememberedUserRef, USER_REF_ALLOWED);
}

/** A field holding an absolute http(s) URL, such as the runbook's. */
function httpUrlField(key: 'monitoringUrl' | 'runbookUrl'): FieldParser {
  return field(key, rememberedHttpUrl, URL_ALLOWED);
}

/** A field holding a percentage; `example` is a typical value for the message. */
function percentField(
  key: 'availabilitySloPercent' | 'testCoveragePercent',
  example: string,
): FieldParser {
  return field(
    key,
    rememberedPercent,
    `a percentage from 0 to 100, such as ${example}`,
  );
}

function parseTestingKinds(value: string): TestingKind[] | undefined {
  const kinds = value
    .split(',')
    .map(k => k.trim())
    .filter(Boolean);
  const valid =
    kinds.length > 0 &&
    kinds.every(k => (TESTING_KINDS as readonly string[]).includes(k));
  return valid ? ([...new Set(kinds)] as TestingKind[]) : undefined;
}

const FIELD_PARSERS: Record<string, FieldParser> = {
  [GOVERNANCE_ANNOTATIONS.tier]: field(
    'tier',
    (value, { tierNames }) => {
      const tier = value.trim();
      return tierNames.includes(tier) ? tier : undefined;
    },
    ({ tierNames }) => `one of the configured tiers: ${tierNames.join(', ')}`,
  ),
  [GOVERNANCE_ANNOTATIONS.techLead]: userRefField('techLead'),
  [GOVERNANCE_ANNOTATIONS.architect]: userRefField('architect'),
  [GOVERNANCE_ANNOTATIONS.availabilitySlo]: percentField(
    'availabilitySloPercent',
    '99.95',
  ),
  [GOVERNANCE_ANNOTATIONS.p95LatencySlo]: field(
    'p95LatencySloMs',
    remembered(parseDurationMs),
    'a positive duration in milliseconds or seconds, such as 180, 180ms or 1.5s',
  ),
  [GOVERNANCE_ANNOTATIONS.lastSecurityReview]: field(
    'lastSecurityReview',
    value => parseIsoDate(value.trim()),
    'a calendar date written YYYY-MM-DD, such as 2026-09-30',
  ),
  [GOVERNANCE_ANNOTATIONS.testCoverage]: percentField(
    'testCoveragePercent',
    '82.5',
  ),
  [GOVERNANCE_ANNOTATIONS.testing]: field(
    'testing',
    remembered(parseTestingKinds, kinds => [...kinds]),
    `a comma-separated list of ${TESTING_KINDS.join(', ')}`,
  ),
  [GOVERNANCE_ANNOTATIONS.monitoring]: httpUrlField('monitoringUrl'),
  [GOVERNANCE_ANNOTATIONS.runbook]: httpUrlField('runbookUrl'),
  [GOVERNANCE_ANNOTATIONS.stack]: field(
    'stack',
    parseStackAnnotation,
    STACK_ANNOTATION_ALLOWED,
  ),
};

/** True when any UTF-16 unit is a control character (a surrogate never is). */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x20) {
      return true;
    }
  }
  return false;
}

function parseAdrLocation(value: string): string | undefined {
  const trimmed = value.trim();
  // A URL any integration can read, or a path relative to the entity's own source location.
  return trimmed.length > 0 && !hasControlCharacter(trimmed)
    ? trimmed
    : undefined;
}

const ADR_ALLOWED =
  'a URL Backstage can read, or a path relative to the entity source such as docs/adr';

const KNOWN_KEYS = Object.values(GOVERNANCE_ANNOTATIONS) as string[];

/**
 * Parses an entity's governance annotations into typed values plus one problem per malformed
 * key. Never throws: whatever strings the annotations hold, the result is values and problems.
 * Absent keys are simply absent (unknown), never a problem.
 *
 * @public
 */
export function parseGovernanceAnnotations(
  annotations: Record<string, string> | undefined,
  options: ParseGovernanceAnnotationsOptions,
): ParsedGovernanceAnnotations {
  const values: GovernanceAnnotationValues = {};
  const problems: AnnotationProblem[] = [];
  const ctx: ParseContext = { tierNames: [...options.tierNames] };
  let annotated = false;

  const report = (key: string, value: unknown, allowed: string) => {
    const shown =
      typeof value === 'string'
        ? value
        : JSON.stringify(value) ?? String(value);
    problems.push({
      key,
      value: shown,
      allowed,
      message: `Invalid annotation ${key}: '${shown}' is not allowed, expected ${allowed}`,
    });
  };

  // Keys, not entries: no pair array per annotation of every entity of every pass.
  const source: Record<string, unknown> = annotations ?? {};
  for (const key of Object.keys(source)) {
    const value = source[key];
    const isAdrKey =
      key === GOVERNANCE_ANNOTATIONS.adrLocation ||
      key === COMMUNITY_ADR_LOCATION_ANNOTATION;
    if (!key.startsWith(GOVERNANCE_ANNOTATION_PREFIX) && !isAdrKey) {
      continue;
    }
    annotated = true;
    if (typeof value !== 'string') {
      report(key, value, 'a string value');
      continue;
    }
    if (isAdrKey) {
      const target = parseAdrLocation(value);
      if (!target) {
        report(key, value, ADR_ALLOWED);
      } else if (
        // governance/adr-location wins over the community plugin's annotation.
        !values.adrLocation ||
        key === GOVERNANCE_ANNOTATIONS.adrLocation
      ) {
        values.adrLocation = { target, annotation: key };
      }
      continue;
    }
    const parser = FIELD_PARSERS[key];
    if (!parser) {
      report(
        key,
        value,
        `a known governance annotation key: ${KNOWN_KEYS.join(', ')}`,
      );
      continue;
    }
    const parsed = parser.parse(value, ctx);
    if (parsed === undefined) {
      const { allowed } = parser;
      report(key, value, typeof allowed === 'string' ? allowed : allowed(ctx));
    } else {
      // The parser's type ties its value to its key (see field).
      (values as Record<string, unknown>)[parser.key] = parsed;
    }
  }
  return { values, problems, annotated };
}
