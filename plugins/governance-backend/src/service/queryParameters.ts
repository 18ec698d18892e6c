import { InputError } from '@backstage/errors';
import {
  describeValue,
  parseIsoDate,
} from '@catalog-governance/backstage-plugin-governance-common';
import { parseStrictEntityRef } from '../catalog/entityRefs';

/**
 * Reads an entity ref parameter as a full, normalised entity ref, checked with the catalog's
 * own rules (which the contract's schema cannot spell out); a malformed one is a 400 naming what
 * is expected.
 *
 * @internal
 */
export function readEntityRef(raw: string, name = 'entityRef'): string {
  try {
    return parseStrictEntityRef(raw);
  } catch (e) {
    throw new InputError(
      `Malformed ${name} ${describeValue(
        raw,
      )}: expected kind:namespace/name, e.g. component:default/payments (${
        (e as Error).message
      })`,
    );
  }
}

/**
 * A `YYYY-MM-DD` query parameter that is a day of the calendar: the contract checks the form,
 * not that February has no 30th.
 *
 * @internal
 */
export function readDay(
  value: string | undefined,
  name: string,
): string | undefined {
  if (value !== undefined && !parseIsoDate(value)) {
    throw new InputError(
      `Query parameter '${name}' must be a YYYY-MM-DD date, got ${describeValue(
        value,
      )}`,
    );
  }
  return value;
}
