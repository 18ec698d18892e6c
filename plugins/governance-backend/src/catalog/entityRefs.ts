import { InputError } from '@backstage/errors';
import { describeValue } from '@catalog-governance/backstage-plugin-governance-common';
import express from 'express';
import {
  CompoundEntityRef,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const validator = makeValidator();

/**
 * Parses a full entity ref (`kind:namespace/name`, namespace optional) and checks each part with
 * the catalog's own rules, so `component:default/a/b` is refused instead of becoming a name
 * with a slash. Returns the normalised ref; throws with the reason otherwise.
 *
 * @internal
 */
export function parseStrictEntityRef(raw: string): string {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(raw);
  } catch {
    // The catalog's message repeats the whole ref, however long.
    throw new Error('a kind, a namespace or a name is missing or empty');
  }
  const valid =
    validator.isValidKind(ref.kind) &&
    validator.isValidNamespace(ref.namespace) &&
    validator.isValidEntityName(ref.name);
  if (!valid) {
    throw new Error(
      'kind, namespace or name has characters the catalog does not allow',
    );
  }
  return stringifyEntityRef(ref);
}

/**
 * Reads the mandatory `entityRef` query parameter as a full, normalised entity ref.
 * A missing, repeated or malformed value is a 400 naming what is expected.
 */
export function readEntityRef(query: express.Request['query']): string {
  const raw = query.entityRef;
  if (typeof raw !== 'string' || raw.length === 0) {
    throw new InputError(
      `Query parameter 'entityRef' is required once, as kind:namespace/name, e.g. component:default/payments`,
    );
  }
  try {
    return parseStrictEntityRef(raw);
  } catch (e) {
    throw new InputError(
      `Malformed entityRef ${describeValue(
        raw,
      )}: expected kind:namespace/name, e.g. component:default/payments (${
        (e as Error).message
      })`,
    );
  }
}
