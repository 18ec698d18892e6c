import {
  COMMUNITY_ADR_LOCATION_ANNOTATION,
  GOVERNANCE_ANNOTATIONS,
  parseGovernanceAnnotations,
} from '@catalog-governance/backstage-plugin-governance-common';
import { FileError, readCatalogDocuments } from '../../lib/catalogDocuments';

/** One malformed governance annotation, located in its file. */
export interface LintProblem {
  file: string;
  /** 1-based line and column of the annotation's value. */
  line: number;
  column: number;
  /** The entity the annotation belongs to, e.g. `component:default/payments`. */
  entityRef: string;
  key: string;
  /** The value as the shared parser shows it. */
  value: string;
  /** The rule broken: the annotation key, or `unknown-governance-annotation` for a typo. */
  ruleId: string;
  /** What is wrong, e.g. `invalid value` or `unknown governance annotation key`. */
  problem: string;
  /** What is allowed for this key. */
  allowed: string;
  /** The sentence the catalog reports as a processing error for the same annotation. */
  message: string;
}

/** A file that could not be linted: unreadable, invalid YAML, or no file matched. */
export type LintError = FileError;

/** The outcome of linting one file. */
export interface FileLintResult {
  problems: LintProblem[];
  errors: LintError[];
  /** How many documents of the file are entities (objects with a kind). */
  entities: number;
}

const KNOWN_KEYS: string[] = [
  ...Object.values(GOVERNANCE_ANNOTATIONS),
  COMMUNITY_ADR_LOCATION_ANNOTATION,
];

/** The rule id of an annotation key that no governance plugin knows, such as a typo. */
export const UNKNOWN_KEY_RULE = 'unknown-governance-annotation';

/**
 * Lints every document of one YAML file: each governance annotation goes through the shared
 * parser from governance-common, the same one the catalog processor uses, with the given tiers.
 * Invalid YAML is an error for the whole file, as the catalog could not read it either.
 */
export function lintCatalogFile(options: {
  file: string;
  content: string;
  tierNames: string[];
}): FileLintResult {
  const { file, content, tierNames } = options;
  const { documents, errors } = readCatalogDocuments({ file, content });
  const result: FileLintResult = {
    problems: [],
    errors,
    entities: documents.length,
  };
  for (const document of documents) {
    const { annotations, entityRef } = document;
    if (!annotations) {
      continue;
    }
    const { problems } = parseGovernanceAnnotations(
      annotations as Record<string, string>,
      { tierNames },
    );
    for (const problem of problems) {
      const { line, column } = document.locate(problem.key);
      const raw = annotations[problem.key];
      let ruleId = problem.key;
      let what = 'invalid value';
      let allowed = problem.allowed;
      if (!KNOWN_KEYS.includes(problem.key)) {
        ruleId = UNKNOWN_KEY_RULE;
        what = 'unknown governance annotation key';
      } else if (typeof raw !== 'string') {
        // YAML reads an unquoted 85 or true as a number or boolean, and the catalog accepts
        // only strings. Ask the same parser whether the quoted text would do.
        const text = document.sourceText(problem.key);
        const quoted = parseGovernanceAnnotations(
          { [problem.key]: text },
          { tierNames },
        ).problems[0];
        what =
          raw === null || raw === undefined
            ? 'no value, annotations must be strings'
            : `a YAML ${typeof raw}, annotations must be quoted strings`;
        allowed = quoted ? quoted.allowed : `the quoted value '${text}'`;
      }
      result.problems.push({
        file,
        line,
        column,
        entityRef,
        key: problem.key,
        value: problem.value,
        ruleId,
        problem: what,
        allowed,
        message: problem.message,
      });
    }
  }
  return result;
}
