import { stringifyEntityRef, parseEntityRef } from '@backstage/catalog-model';
import {
  AdrMetricImpact,
  FactDefinitions,
  IMPACT_FACTS,
  metricImpact,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import { FactStore } from '../database/FactStore';

/** How many other entities an ADR may name for its impact; more is a list, not a decision. */
const MAX_NAMED_ENTITIES = 20;

const NAMED_REF =
  /\b(?:component|system|resource|api|domain):(?:[a-z0-9][a-z0-9_.-]*\/)?[a-z0-9][a-z0-9_.-]*/gi;

/**
 * The entities an ADR governs: its own, then every full entity ref its text names (e.g. "the
 * same applies to component:default/order-history"), once each.
 *
 * @internal
 */
export function governedEntityRefs(adr: {
  entityRef: string;
  body: string;
}): string[] {
  const refs = new Set([adr.entityRef]);
  for (const [written] of adr.body.matchAll(NAMED_REF)) {
    if (refs.size > MAX_NAMED_ENTITIES) {
      break;
    }
    try {
      refs.add(
        stringifyEntityRef(
          parseEntityRef(
            written.replace(/[.]+$/, '').toLocaleLowerCase('en-US'),
            {
              defaultNamespace: 'default',
            },
          ),
        ),
      );
    } catch {
      // Not an entity ref after all, e.g. "api:" in prose.
    }
  }
  return [...refs];
}

/**
 * What the ADR did to the delivery metrics of the entities it governs: each metric's
 * observations in the `windowDays` before the decision's day beside the same span from it on.
 *
 * @internal
 */
export async function deliveryImpact(options: {
  facts: Pick<FactStore, 'getFactHistory'>;
  factDefinitions: FactDefinitions;
  entityRefs: string[];
  date: string;
  windowDays: number;
}): Promise<AdrMetricImpact[]> {
  const decided = DateTime.fromISO(options.date, { zone: 'utc' });
  const from = decided.minus({ days: options.windowDays });
  const to = decided.plus({ days: options.windowDays });
  const names = IMPACT_FACTS.filter(name => options.factDefinitions.has(name));
  const history = await options.facts.getFactHistory({
    entityRefs: options.entityRefs,
    names,
    from: from.toJSDate(),
    to: to.toJSDate(),
  });
  const window = (start: DateTime, end: DateTime, name: string) => ({
    from: start.toISO()!,
    to: end.toISO()!,
    points: history
      .filter(
        h =>
          h.name === name &&
          typeof h.value === 'number' &&
          new Date(h.observedAt) >= start.toJSDate() &&
          new Date(h.observedAt) < end.toJSDate(),
      )
      .map(h => ({
        at: h.observedAt,
        value: h.value as number,
        entityRef: h.entityRef,
      })),
  });
  return names.map(name =>
    metricImpact({
      definition: options.factDefinitions.get(name)!,
      before: window(from, decided, name),
      after: window(decided, to, name),
    }),
  );
}
