import { InputError } from '@backstage/errors';
import {
  describeValue,
  FactDefinitions,
  parseIsoTimestamp,
  validateFactValue,
} from '@catalog-governance/backstage-plugin-governance-common';
import { MeasuredFact } from '../database/GovernanceStore';
import { DateTime } from 'luxon';
import { parseStrictEntityRef } from '../catalog/entityRefs';

/** One fact as the contract lets it through: each field of the right type, if present. */
interface FactInput {
  entityRef?: string;
  name?: string;
  value?: unknown;
  source?: string;
  observedAt?: string;
}

/**
 * What the contract cannot check of `POST /facts` (one fact, or `{ facts: [...] }`): which
 * fields a fact needs, entity refs under the catalog's rules, fact names and values as
 * configured, and observation times. Every item is checked before anything is stored; all
 * problems are reported together in one 400, each naming the item and what is wrong, so a CI
 * job can fix its whole batch at once.
 *
 * @internal
 */
export function readFactsRequest(
  body: FactInput & { facts?: FactInput[] },
  factDefinitions: FactDefinitions,
  now: Date,
): MeasuredFact[] {
  const items = body.facts ?? [body];
  const problems: string[] = [];
  const facts: MeasuredFact[] = [];
  // Clocks differ a little between CI runners and the server; once per request, not per fact.
  const latestAccepted = DateTime.fromJSDate(now)
    .plus({ minutes: 5 })
    .toJSDate();
  // A pipeline's batch repeats its observation time and each entity's ref for several facts:
  // each distinct text is parsed once a request (parsing a timestamp was most of the garbage a
  // push of 10,000 facts made).
  const observationTimes = new Map<string, Date | undefined>();
  const parseObservedAt = (text: string) => {
    if (!observationTimes.has(text)) {
      observationTimes.set(text, parseIsoTimestamp(text));
    }
    return observationTimes.get(text);
  };
  const refs = new Map<string, string | undefined>();
  const parseRef = (text: string) => {
    if (!refs.has(text)) {
      try {
        refs.set(text, parseStrictEntityRef(text));
      } catch {
        refs.set(text, undefined);
      }
    }
    return refs.get(text);
  };
  items.forEach((item, index) => {
    const at = `facts[${index}]`;
    const { entityRef, name, value, source, observedAt } = item;
    let ref: string | undefined;
    if (entityRef === undefined) {
      problems.push(`${at}.entityRef is required, as kind:namespace/name`);
    } else {
      ref = parseRef(entityRef);
      if (ref === undefined) {
        problems.push(
          `${at}.entityRef ${describeValue(
            entityRef,
          )} is malformed, expected kind:namespace/name such as component:default/payments`,
        );
      }
    }
    const definition =
      name === undefined ? undefined : factDefinitions.get(name);
    if (!definition) {
      problems.push(
        `${at}.name ${describeValue(name)} is not a known fact, allowed are ${[
          ...factDefinitions.keys(),
        ].join(', ')}`,
      );
    }
    if (!source || !/^\S/.test(source)) {
      problems.push(
        `${at}.source is required: who measured it, e.g. ci/github-actions (at most 254 characters)`,
      );
    }
    let observed = now;
    if (observedAt !== undefined) {
      const parsed = parseObservedAt(observedAt);
      if (!parsed) {
        problems.push(
          `${at}.observedAt must be an ISO 8601 date or timestamp with its zone, such as 2026-02-01T10:00:00Z, got ${describeValue(
            observedAt,
          )}`,
        );
      } else if (parsed > latestAccepted) {
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
    if (ref && definition && checked?.ok && source) {
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
