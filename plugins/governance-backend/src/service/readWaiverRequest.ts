import { InputError } from '@backstage/errors';
import {
  CreateWaiverRequest,
  describeValue,
  parseIsoTimestamp,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import { parseStrictEntityRef } from '../catalog/entityRefs';

const MAX_WAIVER_DAYS = 366;

/**
 * What the contract cannot check of `POST /waivers`, answering 400 with every problem named: an
 * entity ref under the catalog's rules, a reason of more than blanks and an expiry in the
 * future, at most a year ahead.
 *
 * @internal
 */
export function readWaiverRequest(
  { entityRef, checkId, reason, expiresAt }: CreateWaiverRequest,
  now: Date,
): CreateWaiverRequest {
  const problems: string[] = [];
  let ref = '';
  try {
    ref = parseStrictEntityRef(entityRef);
  } catch {
    problems.push(
      `entityRef ${describeValue(
        entityRef,
      )} is not an entity ref such as component:default/payments`,
    );
  }
  if (!reason.trim()) {
    problems.push(
      'reason is required: why the check may fail for now (at most 2000 characters)',
    );
  }
  const expiry = parseIsoTimestamp(expiresAt);
  if (!expiry) {
    problems.push(
      `expiresAt ${describeValue(
        expiresAt,
      )} must be an ISO 8601 date or timestamp with its zone, such as 2027-01-31 or 2027-01-31T18:00:00Z`,
    );
  } else if (expiry.getTime() <= now.getTime()) {
    problems.push(`expiresAt ${expiresAt} is not in the future`);
  } else if (
    expiry >
    DateTime.fromJSDate(now, { zone: 'utc' })
      .plus({ days: MAX_WAIVER_DAYS })
      .toJSDate()
  ) {
    problems.push(
      `expiresAt ${expiresAt} is more than ${MAX_WAIVER_DAYS} days ahead`,
    );
  }
  if (problems.length) {
    throw new InputError(`Invalid waiver: ${problems.join('; ')}`);
  }
  return {
    entityRef: ref,
    checkId,
    reason: reason.trim(),
    expiresAt: expiry!.toISOString(),
  };
}
