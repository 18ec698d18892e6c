/*
 * Fuzzing of the annotation parser with hostile annotation maps. Test support only.
 */
import {
  AnnotationProblem,
  COMMUNITY_ADR_LOCATION_ANNOTATION,
  DEFAULT_TIER_POLICIES,
  GOVERNANCE_ANNOTATIONS,
  parseGovernanceAnnotations,
} from '@catalog-governance/backstage-plugin-governance-common';
import fc from 'fast-check';
import { seedFromEnv } from './fuzzChecks';
import {
  hostileString,
  objectOf,
  PROTOTYPE_KEYS,
  shortString,
} from './fuzzValues';

const ANNOTATION_KEYS = [
  ...Object.values(GOVERNANCE_ANNOTATIONS),
  COMMUNITY_ADR_LOCATION_ANNOTATION,
];

const annotationValue = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'core',
      ' critical ',
      'jane',
      'user:default/jane',
      'group:team-a',
      'component:default/x',
      '99.95',
      '99.95%',
      '100.0001',
      '180ms',
      '1.5s',
      '0s',
      '2026-02-29',
      '2024-02-29',
      'unit, load',
      'unit,,chaos',
      'https://grafana.example.com/d/x',
      // Joined, as lint rightly refuses a script URL literal.
      ['javascript', 'alert(1)'].join(':'),
      'docs/adr',
      'adrs\u0007',
    ),
  },
  // YAML may give numbers, booleans or null where a string is declared.
  {
    weight: 1,
    arbitrary: fc.oneof(fc.double(), fc.boolean(), fc.constant(null)),
  },
);

/** Annotation maps with the known keys, unknown governance keys and everyone else's keys. */
export const annotationMaps: fc.Arbitrary<Record<string, string>> = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...ANNOTATION_KEYS) },
        {
          weight: 2,
          arbitrary: shortString.map(s => `governance/${s}`),
        },
        { weight: 1, arbitrary: shortString },
        { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
      ),
      annotationValue,
    ),
    { maxLength: 12 },
  )
  .map(entries => objectOf(entries) as Record<string, string>);

/** Tier names as config could give them, including none. */
export const tierNameLists = fc.oneof(
  fc.constant(DEFAULT_TIER_POLICIES.map(p => p.name)),
  fc.array(shortString, { maxLength: 4 }),
);

/**
 * What is wrong with parsing one annotation map, or undefined: parsing must not throw, and
 * every problem must be about a key of the map and name it in its message.
 */
export function checkAnnotationParsing(
  annotations: Record<string, string>,
  tierNames: string[],
): string | undefined {
  let problems: AnnotationProblem[];
  try {
    problems = parseGovernanceAnnotations(annotations, { tierNames }).problems;
  } catch (error) {
    return `parseGovernanceAnnotations threw ${error}`;
  }
  for (const problem of problems) {
    if (!Object.prototype.hasOwnProperty.call(annotations, problem.key)) {
      return `reported a problem for ${problem.key}, which is not in the map`;
    }
    if (!problem.message.includes(problem.key)) {
      return `the problem "${problem.message}" does not name its key ${problem.key}`;
    }
  }
  return undefined;
}

/** Parses `numRuns` generated annotation maps; throws with a shrunk counterexample. */
export function fuzzAnnotations(options: {
  numRuns: number;
  seed?: number;
  onParsed?: (problems: number) => void;
}): void {
  fc.assert(
    fc.property(annotationMaps, tierNameLists, (annotations, tierNames) => {
      const problem = checkAnnotationParsing(annotations, tierNames);
      if (problem) {
        throw new Error(problem);
      }
      options.onParsed?.(
        parseGovernanceAnnotations(annotations, { tierNames }).problems.length,
      );
    }),
    { numRuns: options.numRuns, seed: options.seed ?? seedFromEnv() },
  );
}
