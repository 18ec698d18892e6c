import { Config } from '@backstage/config';
import { readConfigList } from './configLists';
import { DEPENDENCIES_CHECK_ID } from './dependencyTiers';
import { CheckResult } from './scorecard';
import {
  StandardAutomationTarget,
  StandardEnforcement,
  StandardReviewFrequency,
} from './schema';

/**
 * A standard as configured under `governance.standards`.
 *
 * @public
 */
export interface Standard {
  /** Lowercase letters, digits and dashes, e.g. `testing-requirements`. */
  id: string;
  title: string;
  /** What kind of standard it is, e.g. `testing`; free text shown beside the title. */
  type: string;
  enforcement: StandardEnforcement[];
  reviewFrequency: StandardReviewFrequency;
  targetAutomation: StandardAutomationTarget;
  /** Check ids, or prefixes ending in `*` such as `testing-*`. */
  checks: string[];
}

/**
 * Whether a check result rests on measured evidence (`automated`: a measured fact, a fact
 * provider or the catalog itself fed it) or only on a declared annotation (`attested`).
 *
 * @public
 */
export type CheckEvidence = NonNullable<CheckResult['evidence']>;

/** @public */
export const STANDARD_ENFORCEMENTS: readonly StandardEnforcement[] = [
  'lint',
  'code-review',
  'ci-gate',
  'static-analysis',
  'manual-review',
  'design-review',
];

/** @public */
export const STANDARD_REVIEW_FREQUENCIES: readonly StandardReviewFrequency[] = [
  'per-commit',
  'per-pr',
  'per-deployment',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
];

/**
 * The article's table of standards over the built-in checks. Coding standards have no built-in
 * check: a module's `lint-*` checks count towards them.
 *
 * @public
 */
export const DEFAULT_STANDARDS: readonly Standard[] = [
  {
    id: 'coding-standards',
    title: 'Coding standards',
    type: 'coding',
    enforcement: ['lint', 'code-review'],
    reviewFrequency: 'per-commit',
    targetAutomation: { min: 90 },
    checks: ['lint-*'],
  },
  {
    id: 'testing-requirements',
    title: 'Testing requirements',
    type: 'testing',
    enforcement: ['ci-gate'],
    reviewFrequency: 'per-deployment',
    targetAutomation: { min: 70, max: 80 },
    checks: ['coverage', 'testing-*'],
  },
  {
    id: 'security-policies',
    title: 'Security policies',
    type: 'security',
    enforcement: ['static-analysis', 'manual-review'],
    reviewFrequency: 'weekly',
    targetAutomation: { min: 60, max: 70 },
    checks: ['security-review'],
  },
  {
    id: 'architecture-patterns',
    title: 'Architecture patterns',
    type: 'architecture',
    enforcement: ['design-review'],
    reviewFrequency: 'quarterly',
    targetAutomation: { min: 30, max: 40 },
    // The tier's operational targets are set and revisited in design reviews.
    checks: [
      DEPENDENCIES_CHECK_ID,
      'approved-stack',
      'availability',
      'p95-latency',
    ],
  },
];

/**
 * Raised when `governance.standards` is invalid; the message names the key and what is allowed.
 *
 * @public
 */
export class StandardsConfigError extends Error {
  readonly name = 'StandardsConfigError';
}

const KEY = 'governance.standards';
const ID_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
const CHECK_PATTERN = /^[a-z0-9][a-z0-9-]{0,126}\*?$/;
const MAX_STANDARDS = 50;

function fail(path: string, message: string): never {
  throw new StandardsConfigError(`Invalid config at '${path}': ${message}`);
}

/** `value` when `allowed` holds it; otherwise fails naming what it is not and what is allowed. */
function oneOf<T extends string>(
  path: string,
  value: unknown,
  allowed: readonly T[],
  what: string,
): T {
  if (!allowed.includes(value as T)) {
    fail(path, `'${value}' is not ${what}, allowed are ${allowed.join(', ')}`);
  }
  return value as T;
}

/**
 * Reads a target such as `90`, `"90+"`, `"70-80"` or `"70-80%"`.
 *
 * @public
 */
export function parseAutomationTarget(
  value: unknown,
  path: string,
): StandardAutomationTarget {
  const text = typeof value === 'number' ? String(value) : value;
  const match =
    typeof text === 'string'
      ? /^\s*(\d{1,3}(?:\.\d+)?)\s*(?:%?\s*\+?|\s*-\s*(\d{1,3}(?:\.\d+)?))\s*%?\s*$/.exec(
          text,
        )
      : null;
  const min = match ? Number(match[1]) : NaN;
  const max = match?.[2] !== undefined ? Number(match[2]) : undefined;
  if (!match || min > 100 || (max !== undefined && (max > 100 || max < min))) {
    fail(
      path,
      `'${String(
        value,
      )}' is not an automation target, allowed are a percentage 0 to 100 (e.g. 90) or a range (e.g. "70-80")`,
    );
  }
  return max === undefined ? { min } : { min, max };
}

function readStandard(entry: Config, path: string): Standard {
  const id = entry.getString('id');
  if (!ID_PATTERN.test(id)) {
    fail(
      `${path}.id`,
      `'${id}' is not allowed, an id is lowercase letters, digits and dashes, starting with a letter`,
    );
  }
  const enforcementValue = entry.get('enforcement');
  const enforcement = (
    Array.isArray(enforcementValue) ? enforcementValue : [enforcementValue]
  ).map(method =>
    oneOf(
      `${path}.enforcement`,
      method,
      STANDARD_ENFORCEMENTS,
      'an enforcement method',
    ),
  );
  const reviewFrequency = oneOf(
    `${path}.reviewFrequency`,
    entry.getString('reviewFrequency'),
    STANDARD_REVIEW_FREQUENCIES,
    'a review frequency',
  );
  const checks = entry.getStringArray('checks');
  for (const check of checks) {
    if (!CHECK_PATTERN.test(check)) {
      fail(
        `${path}.checks`,
        `'${check}' is not a check id, allowed are lowercase check ids, or a prefix ending in * such as testing-*`,
      );
    }
  }
  return {
    id,
    title: entry.getOptionalString('title') ?? id,
    type: entry.getOptionalString('type') ?? 'other',
    enforcement,
    reviewFrequency,
    targetAutomation: parseAutomationTarget(
      entry.get('targetAutomation'),
      `${path}.targetAutomation`,
    ),
    checks,
  };
}

/**
 * Reads `governance.standards` ({@link DEFAULT_STANDARDS} when unset). Throws
 * {@link StandardsConfigError} naming the key: a bad id, enforcement method, review frequency,
 * target or check pattern, or a standard defined twice.
 *
 * @public
 */
export function readStandards(config: Config): Standard[] {
  const entries = readConfigList(config, KEY, message =>
    fail(
      KEY,
      `expected a list of { id, title, type, enforcement, reviewFrequency, targetAutomation, checks }, ${message}`,
    ),
  );
  if (!entries) {
    return DEFAULT_STANDARDS.map(standard => ({ ...standard }));
  }
  if (entries.length > MAX_STANDARDS) {
    fail(
      KEY,
      `${entries.length} standards, allowed are at most ${MAX_STANDARDS}`,
    );
  }
  const ids = new Set<string>();
  return entries.map((entry, i) => {
    const path = `${KEY}[${i}]`;
    let standard: Standard;
    try {
      standard = readStandard(entry, path);
    } catch (e) {
      if (e instanceof StandardsConfigError) {
        throw e;
      }
      // Config's own errors name the key but not what a standard allows.
      return fail(
        path,
        `${
          (e as Error).message
        }; a standard has id, title, type, enforcement, reviewFrequency, targetAutomation and checks`,
      );
    }
    if (ids.has(standard.id)) {
      fail(
        `${path}.id`,
        `the standard '${standard.id}' is defined twice, each standard needs a unique id`,
      );
    }
    ids.add(standard.id);
    return standard;
  });
}

/**
 * Whether a check id is one a standard's `checks` entry names (`testing-*` is a prefix).
 *
 * @public
 */
export function standardCoversCheck(standard: Standard, checkId: string) {
  return standard.checks.some(pattern =>
    pattern.endsWith('*')
      ? checkId.startsWith(pattern.slice(0, -1))
      : pattern === checkId,
  );
}

/**
 * Fails start-up, naming the key, when a standard names a check id (not a prefix) that no
 * scorecard can hold: it would never have a result.
 *
 * @public
 */
export function validateStandardChecks(
  standards: readonly Standard[],
  knownChecks: ReadonlySet<string>,
) {
  standards.forEach((standard, i) => {
    for (const check of standard.checks) {
      if (!check.endsWith('*') && !knownChecks.has(check)) {
        fail(
          `${KEY}[${i}].checks`,
          `'${check}' is not a check id, allowed are ${[...knownChecks].join(
            ', ',
          )}, or a prefix ending in *`,
        );
      }
    }
  });
}

/**
 * The evidence behind a result. Results stored before evidence was recorded fall back on their
 * fact's origin; a result without a fact (unknown) has none.
 *
 * @public
 */
export function evidenceOf(result: CheckResult): CheckEvidence | undefined {
  if (result.evidence) {
    return result.evidence;
  }
  if (result.origin === 'measured') {
    return 'automated';
  }
  if (result.origin === 'declared') {
    return 'attested';
  }
  // The dependency check reads the catalog's own relations: nobody declares its outcome.
  return result.checkId === DEPENDENCIES_CHECK_ID ? 'automated' : undefined;
}

/**
 * How many results of one check there are, how many comply (pass, warn or waived) and how many
 * rest on measured evidence.
 *
 * @public
 */
export interface CheckResultCounts {
  total: number;
  compliant: number;
  automated: number;
}

/**
 * Adds one result to the counts of its check.
 *
 * @public
 */
export function countCheckResult(
  counts: Map<string, CheckResultCounts>,
  result: CheckResult,
) {
  const entry = counts.get(result.checkId) ?? {
    total: 0,
    compliant: 0,
    automated: 0,
  };
  entry.total += 1;
  if (['pass', 'warn', 'waived'].includes(result.state)) {
    entry.compliant += 1;
  }
  if (evidenceOf(result) === 'automated') {
    entry.automated += 1;
  }
  counts.set(result.checkId, entry);
}

/**
 * Rolls per-check counts up into per-standard counts; a check several standards cover counts
 * for each. The checks no standard covers are returned as `unmapped`, so they stay visible.
 *
 * @public
 */
export function rollUpStandards(
  standards: readonly Standard[],
  byCheck: ReadonlyMap<string, CheckResultCounts>,
): {
  standards: Array<{ standard: Standard; counts: CheckResultCounts }>;
  unmapped: { checks: string[]; counts: CheckResultCounts };
} {
  const empty = () => ({ total: 0, compliant: 0, automated: 0 });
  const add = (to: CheckResultCounts, from: CheckResultCounts) => {
    to.total += from.total;
    to.compliant += from.compliant;
    to.automated += from.automated;
  };
  const rows = standards.map(standard => ({ standard, counts: empty() }));
  const unmapped = { checks: [] as string[], counts: empty() };
  for (const [checkId, counts] of [...byCheck].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const covering = rows.filter(row =>
      standardCoversCheck(row.standard, checkId),
    );
    for (const row of covering) {
      add(row.counts, counts);
    }
    if (!covering.length) {
      unmapped.checks.push(checkId);
      add(unmapped.counts, counts);
    }
  }
  return { standards: rows, unmapped };
}

/**
 * Whether a measured automation share (0..1) falls short of the target's lower bound.
 *
 * @public
 */
export function belowAutomationTarget(
  share: number,
  target: StandardAutomationTarget,
) {
  // Compared in tenths of a percent, so 0.9 against 90 is not lost to floating point.
  return Math.round(share * 1000) < Math.round(target.min * 10);
}
