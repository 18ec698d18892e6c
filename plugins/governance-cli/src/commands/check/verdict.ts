import {
  AnnotationProblem,
  CheckResult,
  EntityLevel,
  ValidationMode,
} from '@catalog-governance/backstage-plugin-governance-common';

/** Where an entity's lines are, for annotations on a pull request; absent online. */
export interface EntityLocation {
  file: string;
  /** The line of an annotation (the one declaring a fact, or the tier), else the entity. */
  locate(annotationKey?: string): { line: number; column: number };
}

/** Whether one entity meets its tier contract, and every reason it does not. */
export interface EntityVerdict {
  entityRef: string;
  /** The entity's tier; absent when it has none (then nothing is required of it). */
  tier?: string;
  /** Every check of the tier, waivers applied. */
  results: CheckResult[];
  /** Malformed governance annotations: the catalog refuses or flags them. */
  problems: AnnotationProblem[];
  /**
   * The maturity level against the level the tier requires: the summary endpoint's `level`, which
   * the offline evaluation computes with the same function. Absent when it could not be worked
   * out (a backend or config without levels).
   */
  level?: EntityLevel;
  /** What this run could not check, e.g. dependencies offline. */
  notes: string[];
  location?: EntityLocation;
}

/** The rule id of a level below the one the tier requires (the other rule ids are check ids). */
export const REQUIRED_LEVEL_RULE = 'required-level';

/** One reason an entity fails its contract, located where it can be. */
export interface CheckFinding {
  file?: string;
  line?: number;
  column?: number;
  /** A check id, an annotation key, or {@link REQUIRED_LEVEL_RULE}. */
  ruleId: string;
  entityRef: string;
  title: string;
  /** The sentence that says what fails and what is required. */
  message: string;
}

/**
 * Malformed annotations fail the gate when the catalog holds such an entity back
 * (`governance.validation.mode: error`, the default); in `warn` mode the catalog takes it, so
 * they are only told.
 */
export function annotationProblems(
  problems: AnnotationProblem[],
  mode: ValidationMode,
): Pick<EntityVerdict, 'problems' | 'notes'> {
  return mode === 'error'
    ? { problems, notes: [] }
    : {
        problems: [],
        notes: problems.map(
          p => `${p.message} (not failing: governance.validation.mode is warn)`,
        ),
      };
}

/** The checks that fail the gate: failing and not waived (waived checks are `waived`). */
export function failingChecks(verdict: EntityVerdict): CheckResult[] {
  return verdict.results.filter(r => r.state === 'fail');
}

/** Whether the entity passes the gate. */
export function meetsContract(verdict: EntityVerdict): boolean {
  return (
    verdict.problems.length === 0 &&
    failingChecks(verdict).length === 0 &&
    verdict.level?.meetsRequired !== false
  );
}

/**
 * The level and the next step in words, e.g.
 * `level bronze, tier critical requires gold; 2 checks to silver: security-review, availability`.
 */
export function describeLevel(verdict: EntityVerdict): string | undefined {
  const { level, tier } = verdict;
  if (!level) {
    return undefined;
  }
  const current = `level ${level.current ?? 'none'}`;
  const required = level.required
    ? `, tier ${tier} requires ${level.required}`
    : '';
  const next = level.next
    ? `; ${level.next.failingChecks.length} ${
        level.next.failingChecks.length === 1 ? 'check' : 'checks'
      } to ${level.next.name}: ${level.next.failingChecks.join(', ')}`
    : '';
  return `${current}${required}${next}`;
}

/** Every reason the entity fails its contract, one finding each, pointing at the lines it can. */
export function findingsOf(verdict: EntityVerdict): CheckFinding[] {
  const { entityRef, location } = verdict;
  const at = (annotationKey?: string) =>
    location ? { file: location.file, ...location.locate(annotationKey) } : {};
  const findings: CheckFinding[] = verdict.problems.map(p => ({
    ...at(p.key),
    ruleId: p.key,
    entityRef,
    title: p.key,
    message: p.message,
  }));
  for (const r of failingChecks(verdict)) {
    findings.push({
      // A declared value points at its annotation; a measured one at the tier that demands it.
      ...at(r.origin === 'declared' ? r.source : 'governance/tier'),
      ruleId: r.checkId,
      entityRef,
      title: r.title,
      message: `${r.title}: ${r.actual ?? 'unknown'}; target for tier ${
        verdict.tier
      }: ${r.target}`,
    });
  }
  if (verdict.level && !verdict.level.meetsRequired) {
    findings.push({
      ...at('governance/tier'),
      ruleId: REQUIRED_LEVEL_RULE,
      entityRef,
      title: 'Required level',
      message: `Below the required level: ${describeLevel(verdict)}`,
    });
  }
  return findings;
}
