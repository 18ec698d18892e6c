import { InputError } from '@backstage/errors';
import {
  describeValue,
  FactDefinitions,
  parseIsoTimestamp,
  validateFactValue,
} from '@catalog-governance/backstage-plugin-governance-common';
import { MeasuredFact } from '../database/GovernanceStore';
import { parseStrictEntityRef } from '../catalog/entityRefs';

const MAX_FACTS_PER_REQUEST = 20_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the body of `POST /facts`: one fact object, or `{ facts: [...] }`. Every item is
 * checked before anything is stored; all problems are reported together in one 400, each
 * naming the item and what is wrong, so a CI job can fix its whole batch at once.
 *
 * @internal
 */
export function readFactsRequest(
  body: unknown,
  factDefinitions: FactDefinitions,
  now: Date,
): MeasuredFact[] {
  if (!isRecord(body)) {
    throw new InputError(
      'The request body must be a JSON object: one fact, or { "facts": [ ... ] }',
    );
  }
  const items: unknown[] = Array.isArray(body.facts) ? body.facts : [body];
  if ('facts' in body && !Array.isArray(body.facts)) {
    throw new InputError('"facts" must be an array of facts');
  }
  if (items.length === 0) {
    throw new InputError('"facts" is empty: send at least one fact');
  }
  if (items.length > MAX_FACTS_PER_REQUEST) {
    throw new InputError(
      `Too many facts in one request: ${items.length}, at most ${MAX_FACTS_PER_REQUEST}`,
    );
  }

  const problems: string[] = [];
  const facts: MeasuredFact[] = [];
  items.forEach((item, index) => {
    const at = `facts[${index}]`;
    if (!isRecord(item)) {
      problems.push(
        `${at} must be an object with entityRef, name, value and source`,
      );
      return;
    }
    const { entityRef, name, value, source, observedAt } = item;
    let ref: string | undefined;
    if (typeof entityRef !== 'string') {
      problems.push(`${at}.entityRef is required, as kind:namespace/name`);
    } else {
      try {
        ref = parseStrictEntityRef(entityRef);
      } catch {
        problems.push(
          `${at}.entityRef ${describeValue(
            entityRef,
          )} is malformed, expected kind:namespace/name such as component:default/payments`,
        );
      }
    }
    const definition =
      typeof name === 'string' ? factDefinitions.get(name) : undefined;
    if (!definition) {
      problems.push(
        `${at}.name ${describeValue(name)} is not a known fact, allowed are ${[
          ...factDefinitions.keys(),
        ].join(', ')}`,
      );
    }
    if (typeof source !== 'string' || !/^\S.{0,253}$/.test(source)) {
      problems.push(
        `${at}.source is required: who measured it, e.g. ci/github-actions (at most 254 characters)`,
      );
    }
    let observed = now;
    if (observedAt !== undefined) {
      const parsed = parseIsoTimestamp(observedAt);
      if (!parsed) {
        problems.push(
          `${at}.observedAt must be an ISO 8601 date or timestamp with its zone, such as 2026-02-01T10:00:00Z, got ${describeValue(
            observedAt,
          )}`,
        );
      } else if (parsed.getTime() > now.getTime() + 5 * 60_000) {
        problems.push(`${at}.observedAt ${observedAt} is in the future`);
      } else {
        observed = parsed;
      }
    }
    const checked = definition
      ? validateFactValue(definition, value)
      : undefined;
    if (checked && !checked.ok) {
      problems.push(`${at}.value: ${checked.message}`);
    }
    if (ref && definition && checked?.ok && typeof source === 'string') {
      facts.push({
        entityRef: ref,
        name: definition.name,
        value: checked.value,
        source,
        observedAt: observed.toISOString(),
      });
    }
  });

  if (problems.length) {
    const shown = problems.slice(0, 20);
    const more = problems.length - shown.length;
    throw new InputError(
      `Nothing was stored: ${problems.length} problem${
        problems.length === 1 ? '' : 's'
      } in the facts. ${shown.join('; ')}${
        more > 0 ? `; and ${more} more` : ''
      }`,
    );
  }
  return facts;
}
