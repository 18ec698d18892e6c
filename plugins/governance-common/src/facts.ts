import { Config } from '@backstage/config';
import { TESTING_KINDS } from './annotations';
import { GovernanceAnnotationValues } from './parseAnnotations';
import { describeValue, describeValues, parseIsoDate } from './input';
import { DELIVERY_FACT_DEFINITIONS } from './deliveryFacts';
import { STACK_CATEGORIES, STACK_FACTS, STACK_FACT_DEFINITIONS } from './stack';

/**
 * The type of a fact's value. `date` values are ISO dates (`YYYY-MM-DD`); `string-list` values
 * are arrays of strings.
 *
 * @public
 */
export type FactType = 'number' | 'boolean' | 'date' | 'string-list';

/**
 * A value of a fact, as pushed to the facts API and stored.
 *
 * @public
 */
export type FactValue = number | boolean | string | string[];

/**
 * A fact the scorecard knows: built in, or added under `governance.facts`.
 *
 * @public
 */
export interface FactDefinition {
  name: string;
  type: FactType;
  description: string;
  unit?: string;
  /** Inclusive bounds for number facts. */
  min?: number;
  max?: number;
  /** Allowed items for string-list facts. */
  allowedValues?: string[];
  /** A measured observation older than this is stale, and its check `unknown`. */
  staleAfterDays: number;
  /** Which way a change of a number fact is an improvement, for a decision's impact. */
  betterDirection?: 'higher' | 'lower';
}

/**
 * The facts every tier check reads. Their names are what CI pushes, e.g. `coverage=83.2`.
 *
 * @public
 */
export const BUILT_IN_FACTS: readonly FactDefinition[] = [
  {
    name: 'availability',
    type: 'number',
    unit: '%',
    min: 0,
    max: 100,
    description: 'Measured availability over the SLO window, in percent',
    staleAfterDays: 7,
    betterDirection: 'higher',
  },
  {
    name: 'p95LatencyMs',
    type: 'number',
    unit: 'ms',
    min: 0,
    max: 3_600_000,
    description: 'Measured p95 latency, in milliseconds',
    staleAfterDays: 7,
    betterDirection: 'lower',
  },
  {
    name: 'coverage',
    type: 'number',
    unit: '%',
    min: 0,
    max: 100,
    description: 'Test coverage, in percent',
    staleAfterDays: 30,
    betterDirection: 'higher',
  },
  {
    name: 'lastSecurityReview',
    type: 'date',
    description: 'The date of the last security review or penetration test',
    staleAfterDays: 400,
  },
  {
    name: 'testingKinds',
    type: 'string-list',
    allowedValues: [...TESTING_KINDS],
    description: 'Kinds of testing in place: unit, integration, load',
    staleAfterDays: 30,
  },
  ...STACK_FACT_DEFINITIONS,
  ...DELIVERY_FACT_DEFINITIONS,
];

/**
 * Resolved fact definitions keyed by name.
 *
 * @public
 */
export type FactDefinitions = ReadonlyMap<string, FactDefinition>;

const FACT_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,62}$/;
const FACT_TYPES: FactType[] = ['number', 'boolean', 'date', 'string-list'];

/**
 * Reads the built-in facts with staleness windows from `governance.facts.<name>.staleAfterDays`,
 * plus custom facts declared there with a `type`. Throws naming the key for invalid config.
 *
 * @public
 */
export function readFactDefinitions(config: Config): FactDefinitions {
  const definitions = new Map<string, FactDefinition>(
    BUILT_IN_FACTS.map(f => [f.name, f]),
  );
  const factsConfig = config.getOptionalConfig('governance.facts');
  for (const name of factsConfig?.keys() ?? []) {
    const path = `governance.facts.${name}`;
    if (!FACT_NAME_PATTERN.test(name)) {
      throw new Error(
        `Invalid config key '${path}': a fact name is letters, digits, - and _, starting with a letter`,
      );
    }
    const factConfig = factsConfig!.getConfig(name);
    const base = definitions.get(name);
    const type = factConfig.getOptionalString('type') ?? base?.type;
    if (!type || !FACT_TYPES.includes(type as FactType)) {
      throw new Error(
        `Invalid config at '${path}.type': '${
          type ?? ''
        }' is not a fact type, allowed are ${FACT_TYPES.join(', ')}`,
      );
    }
    if (base && type !== base.type) {
      throw new Error(
        `Invalid config at '${path}.type': the built-in fact ${name} is a ${base.type}`,
      );
    }
    const staleAfterDays =
      factConfig.getOptionalNumber('staleAfterDays') ??
      base?.staleAfterDays ??
      30;
    if (!(staleAfterDays > 0)) {
      throw new Error(
        `Invalid config at '${path}.staleAfterDays': must be a positive number of days`,
      );
    }
    definitions.set(name, {
      name,
      type: type as FactType,
      description:
        factConfig.getOptionalString('description') ??
        base?.description ??
        name,
      unit: factConfig.getOptionalString('unit') ?? base?.unit,
      min: factConfig.getOptionalNumber('min') ?? base?.min,
      max: factConfig.getOptionalNumber('max') ?? base?.max,
      allowedValues:
        factConfig.getOptionalStringArray('allowedValues') ??
        base?.allowedValues,
      staleAfterDays,
      betterDirection: base?.betterDirection,
    });
  }
  return definitions;
}

/**
 * Checks a pushed value against its fact definition. Returns the normalised value, or a
 * sentence naming what is wrong and what is allowed.
 *
 * @public
 */
export function validateFactValue(
  definition: FactDefinition,
  value: unknown,
): { ok: true; value: FactValue } | { ok: false; message: string } {
  const { name, type, min, max, allowedValues } = definition;
  switch (type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return {
          ok: false,
          message: `fact ${name} must be a finite number, got ${describeValue(
            value,
          )}`,
        };
      }
      if (
        (min !== undefined && value < min) ||
        (max !== undefined && value > max)
      ) {
        return {
          ok: false,
          message: `fact ${name} is ${value}, out of range: allowed is ${
            min ?? '-infinity'
          } to ${max ?? 'infinity'}`,
        };
      }
      return { ok: true, value };
    }
    case 'boolean':
      return typeof value === 'boolean'
        ? { ok: true, value }
        : {
            ok: false,
            message: `fact ${name} must be true or false, got ${describeValue(
              value,
            )}`,
          };
    case 'date': {
      const date = parseIsoDate(value);
      return date
        ? { ok: true, value: date }
        : {
            ok: false,
            message: `fact ${name} must be a date written YYYY-MM-DD, got ${describeValue(
              value,
            )}`,
          };
    }
    case 'string-list': {
      if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
        return {
          ok: false,
          message: `fact ${name} must be a list of strings, got ${describeValue(
            value,
          )}`,
        };
      }
      const unknown = allowedValues
        ? value.filter(v => !allowedValues.includes(v))
        : [];
      return unknown.length
        ? {
            ok: false,
            message: `fact ${name} has ${describeValues(
              unknown,
            )}, allowed are ${allowedValues!.join(', ')}`,
          }
        : { ok: true, value: [...new Set(value as string[])] };
    }
    default:
      return { ok: false, message: `fact ${name} has an unknown type` };
  }
}

/**
 * Where a fact's value came from: an annotation, or a measurement pushed by a named source.
 *
 * @public
 */
export interface FactObservation {
  name: string;
  value: FactValue;
  origin: 'declared' | 'measured';
  /** The annotation key (declared) or the pushing source, e.g. `ci/github-actions` (measured). */
  source: string;
  /** ISO timestamp of the observation; absent for declared values. */
  observedAt?: string;
}

/**
 * The declared facts an entity's annotations give, as observations.
 *
 * @public
 */
export function declaredFacts(
  values: GovernanceAnnotationValues,
): FactObservation[] {
  const facts: FactObservation[] = [];
  const add = (name: string, value: FactValue | undefined, source: string) => {
    if (value !== undefined) {
      facts.push({ name, value, origin: 'declared', source });
    }
  };
  add(
    'availability',
    values.availabilitySloPercent,
    'governance/availability-slo',
  );
  add('p95LatencyMs', values.p95LatencySloMs, 'governance/p95-latency-slo');
  add('coverage', values.testCoveragePercent, 'governance/test-coverage');
  add(
    'lastSecurityReview',
    values.lastSecurityReview,
    'governance/last-security-review',
  );
  add('testingKinds', values.testing, 'governance/testing');
  for (const category of STACK_CATEGORIES) {
    add(STACK_FACTS[category], values.stack?.[category], 'governance/stack');
  }
  return facts;
}
