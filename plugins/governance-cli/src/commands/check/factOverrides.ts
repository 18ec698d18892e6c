import {
  FactDefinitions,
  FactObservation,
  parseIsoTimestamp,
  validateFactValue,
} from '@catalog-governance/backstage-plugin-governance-common';
import { ExitCodeError } from '../../lib/errors';
import { factItems, parseFactArgument } from '../factsPush/readFacts';

/** Measured values given on the command line, by entity ref (`*` for every entity checked). */
export type FactOverrides = Map<string, FactObservation[]>;

export const EVERY_ENTITY = '*';

function allowedNames(definitions: FactDefinitions) {
  return `the facts are ${[...definitions.keys()].join(', ')}`;
}

/** A fact checked against its definition, as the facts API would check a pushed one. */
function observe(options: {
  what: string;
  name: unknown;
  value: unknown;
  source: string;
  observedAt: string;
  definitions: FactDefinitions;
}): FactObservation {
  const { what, name, definitions } = options;
  const definition =
    typeof name === 'string' ? definitions.get(name) : undefined;
  if (!definition) {
    throw new ExitCodeError(
      `${what}: unknown fact ${JSON.stringify(name)}; ${allowedNames(
        definitions,
      )}`,
    );
  }
  const checked = validateFactValue(definition, options.value);
  if (!checked.ok) {
    throw new ExitCodeError(`${what}: ${checked.message}`);
  }
  return {
    name: definition.name,
    value: checked.value,
    origin: 'measured',
    source: options.source,
    observedAt: options.observedAt,
  };
}

/**
 * Reads `--fact name=value` and the facts of `--facts` (the `facts push --file` format) as
 * measured observations taken now, so that they beat declared annotations as a push would.
 * A fact from the file may name its entity; `--fact` and facts without one apply to every
 * entity checked. Throws naming the fact and the allowed names or values.
 */
export function readFactOverrides(options: {
  facts: string[];
  file?: { name: string; content: unknown };
  definitions: FactDefinitions;
  now: Date;
}): FactOverrides {
  const { definitions, file } = options;
  const observedAt = options.now.toISOString();
  const overrides: FactOverrides = new Map();
  const add = (entityRef: string, observation: FactObservation) =>
    overrides.set(entityRef, [
      ...(overrides.get(entityRef) ?? []),
      observation,
    ]);

  for (const argument of options.facts) {
    let parsed: { name: string; value: unknown };
    try {
      parsed = parseFactArgument(argument);
    } catch (error) {
      throw new ExitCodeError(
        `${(error as Error).message}; ${allowedNames(definitions)}`,
      );
    }
    add(
      EVERY_ENTITY,
      observe({
        what: `--fact ${argument}`,
        name: parsed.name,
        value: parsed.value,
        source: '--fact',
        observedAt,
        definitions,
      }),
    );
  }

  if (file) {
    factItems(file).forEach((item, index) => {
      const what = `${file.name}: facts[${index}]`;
      if (
        item.observedAt !== undefined &&
        !parseIsoTimestamp(item.observedAt)
      ) {
        throw new ExitCodeError(
          `${what}: observedAt must be an ISO 8601 timestamp with its zone, e.g. 2026-11-25T10:00:00Z`,
        );
      }
      add(
        typeof item.entityRef === 'string' ? item.entityRef : EVERY_ENTITY,
        observe({
          what,
          name: item.name,
          value: item.value,
          source: typeof item.source === 'string' ? item.source : file.name,
          // Given a time, a fact can be stale offline just as it would be once pushed.
          observedAt:
            typeof item.observedAt === 'string' ? item.observedAt : observedAt,
          definitions,
        }),
      );
    });
  }
  return overrides;
}
