import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  COMMUNITY_ADR_LOCATION_ANNOTATION,
  GOVERNANCE_ANNOTATIONS,
  parseGovernanceAnnotations,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  isMap,
  isNode,
  isScalar,
  LineCounter,
  Pair,
  parseAllDocuments,
  YAMLMap,
} from 'yaml';

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
export interface LintError {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeEntity(entity: Record<string, unknown>, index: number) {
  const metadata = isRecord(entity.metadata) ? entity.metadata : {};
  const { kind } = entity;
  const { name, namespace } = metadata;
  if (typeof kind === 'string' && typeof name === 'string') {
    return stringifyEntityRef({
      kind,
      name,
      namespace: typeof namespace === 'string' ? namespace : undefined,
    });
  }
  return `document ${index + 1}`;
}

/** The key/value pair of an annotation in the YAML, to locate and quote it. */
function findPair(annotationsNode: unknown, key: string): Pair | undefined {
  if (!isMap(annotationsNode)) {
    return undefined;
  }
  return (annotationsNode as YAMLMap).items.find(
    item => isScalar(item.key) && item.key.value === key,
  );
}

function rangeOf(node: unknown): [number, number] | undefined {
  return isNode(node) && node.range
    ? [node.range[0], node.range[1]]
    : undefined;
}

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
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(content, { lineCounter, prettyErrors: false });
  const result: FileLintResult = { problems: [], errors: [], entities: 0 };
  if (!Array.isArray(docs)) {
    return result; // empty file
  }

  for (const doc of docs) {
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      result.errors.push({
        file,
        line,
        column: col,
        message: `Invalid YAML: ${error.message}`,
      });
    }
  }
  if (result.errors.length) {
    return result;
  }

  docs.forEach((doc, index) => {
    let entity: unknown;
    try {
      entity = doc.toJS();
    } catch (error) {
      const { line, col } = lineCounter.linePos(doc.range[0]);
      result.errors.push({
        file,
        line,
        column: col,
        message: `Invalid YAML: ${(error as Error).message}`,
      });
      return;
    }
    if (!isRecord(entity) || typeof entity.kind !== 'string') {
      return; // not an entity, e.g. an empty document after a trailing ---
    }
    result.entities += 1;
    const metadata = isRecord(entity.metadata) ? entity.metadata : {};
    if (!isRecord(metadata.annotations)) {
      return;
    }
    const annotations = metadata.annotations;
    const annotationsNode = doc.getIn(['metadata', 'annotations'], true);
    const entityRef = describeEntity(entity, index);

    const { problems } = parseGovernanceAnnotations(
      annotations as Record<string, string>,
      { tierNames },
    );
    for (const problem of problems) {
      const pair = findPair(annotationsNode, problem.key);
      // The value as written, else the key (for `key:` with no value), else the document.
      const range = rangeOf(pair?.value) ?? rangeOf(pair?.key) ?? doc.range;
      const { line, col } = lineCounter.linePos(range[0]);
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
        const valueRange = rangeOf(pair?.value);
        const text = valueRange ? content.slice(...valueRange) : '';
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
        column: col,
        entityRef,
        key: problem.key,
        value: problem.value,
        ruleId,
        problem: what,
        allowed,
        message: problem.message,
      });
    }
  });
  return result;
}
