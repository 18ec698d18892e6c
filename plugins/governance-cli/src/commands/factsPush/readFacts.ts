import {
  BUILT_IN_FACTS,
  FactInput,
  parseIsoTimestamp,
} from '@catalog-governance/backstage-plugin-governance-common';
import { isRecord } from '../../lib/catalogDocuments';
import { ExitCodeError } from '../../lib/errors';

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

const STRING_LIST_FACTS = new Set(
  BUILT_IN_FACTS.filter(f => f.type === 'string-list').map(f => f.name),
);

/**
 * Reads the value of `--fact name=value`: numbers as numbers, `true` and `false` as booleans,
 * a JSON array or object literal as JSON, a comma-separated list for the built-in list facts
 * (`testingKinds=unit,integration`), and anything else, such as a date, as a string.
 */
export function parseFactValue(name: string, raw: string): unknown {
  const text = raw.trim();
  if (NUMBER.test(text)) {
    return Number(text);
  }
  if (text === 'true' || text === 'false') {
    return text === 'true';
  }
  if (text.startsWith('[') || text.startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ExitCodeError(
        `--fact ${name}=${raw} is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  if (STRING_LIST_FACTS.has(name)) {
    return text
      .split(',')
      .map(item => item.trim())
      .filter(Boolean);
  }
  return raw;
}

/** Reads `--fact name=value` into a name and a typed value. */
export function parseFactArgument(argument: string): {
  name: string;
  value: unknown;
} {
  const at = argument.indexOf('=');
  const name = at > 0 ? argument.slice(0, at).trim() : '';
  if (!name) {
    throw new ExitCodeError(
      `--fact ${argument} must be written name=value, e.g. --fact coverage=83.2`,
    );
  }
  return { name, value: parseFactValue(name, argument.slice(at + 1)) };
}

/**
 * The items of a facts file, `{ "facts": [...] }` or `[...]`, each an object; throws naming the
 * file or the item otherwise.
 */
export function factItems(file: {
  name: string;
  content: unknown;
}): Record<string, unknown>[] {
  const { content } = file;
  let items: unknown[] | undefined;
  if (Array.isArray(content)) {
    items = content;
  } else if (isRecord(content) && Array.isArray(content.facts)) {
    items = content.facts;
  }
  if (!items) {
    throw new ExitCodeError(
      `${file.name} must hold { "facts": [ ... ] } or an array of facts`,
    );
  }
  return items.map((item, index) => {
    if (!isRecord(item)) {
      throw new ExitCodeError(
        `${file.name}: facts[${index}] must be an object with name and value, e.g. { "name": "coverage", "value": 83.2 }`,
      );
    }
    return item;
  });
}

/**
 * Builds the batch to push from `--fact` arguments and the parsed content of `--file`.
 * Facts from the file may leave out `entityRef`, `source` and `observedAt`; the flags fill them.
 * Throws, naming the flag or item, when a fact would lack its entity or source.
 */
export function buildFacts(options: {
  entity?: string;
  facts: string[];
  file?: { name: string; content: unknown };
  source?: string;
  observedAt?: string;
}): FactInput[] {
  const { entity, source, observedAt, file } = options;
  // The backend's own reading, so a push is not refused after the batch was built.
  if (observedAt !== undefined && !parseIsoTimestamp(observedAt)) {
    throw new ExitCodeError(
      `--observed-at ${observedAt} is not an ISO 8601 date or timestamp with its zone, e.g. 2026-11-25T10:00:00Z`,
    );
  }
  const batch: FactInput[] = [];

  if (options.facts.length) {
    const missing = [!entity && '--entity', !source && '--source'].filter(
      Boolean,
    );
    if (missing.length) {
      throw new ExitCodeError(
        `--fact needs ${missing.join(
          ' and ',
        )}, e.g. --entity component:default/payments --source ci/github-actions`,
      );
    }
    for (const argument of options.facts) {
      const { name, value } = parseFactArgument(argument);
      batch.push({
        entityRef: entity!,
        name,
        // Sent as given: the backend checks names, types and ranges against its fact
        // definitions (which config can extend) and lists every problem.
        value: value as FactInput['value'],
        source: source!,
        ...(observedAt && { observedAt }),
      });
    }
  }

  if (file) {
    factItems(file).forEach((item, index) => {
      const at = `${file.name}: facts[${index}]`;
      const fact = {
        ...item,
        entityRef: item.entityRef ?? entity,
        source: item.source ?? source,
        ...((item.observedAt ?? observedAt) !== undefined && {
          observedAt: item.observedAt ?? observedAt,
        }),
      };
      if (fact.entityRef === undefined) {
        throw new ExitCodeError(
          `${at} has no entityRef and --entity is not set`,
        );
      }
      if (fact.source === undefined) {
        throw new ExitCodeError(`${at} has no source and --source is not set`);
      }
      batch.push(fact as FactInput);
    });
  }

  if (batch.length === 0) {
    throw new ExitCodeError(
      'Nothing to push: give --fact name=value (with --entity and --source) or --file facts.json',
    );
  }
  return batch;
}
