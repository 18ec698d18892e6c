import { InputError } from '@backstage/errors';
import {
  CreateWaiverRequest,
  DEFAULT_WAIVER_MAX_MONTHS,
  describeValue,
  describeWaiverExpiryLimit,
  latestWaiverExpiryDay,
  parseIsoTimestamp,
} from '@catalog-governance/backstage-plugin-governance-common';
import { DateTime } from 'luxon';
import { parseStrictEntityRef } from '../catalog/entityRefs';

/**
 * What the contract cannot check of `POST /waivers`, answering 400 with every problem named: an
 * entity ref under the catalog's rules, a reason of more than blanks and an expiry in the
 * future, at most `maxMonths` ahead (`governance.waivers.maxMonths`).
 *
 * @internal
 */
export function readWaiverRequest(
  { entityRef, checkId, reason, expiresAt }: CreateWaiverRequest,
  now: Date,
  maxMonths = DEFAULT_WAIVER_MAX_MONTHS,
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
  } else {
    // People pick days: name days, not instants, in what goes back to them.
    const day = DateTime.fromJSDate(expiry, { zone: 'utc' }).toISODate()!;
    const today = DateTime.fromJSDate(now, { zone: 'utc' }).toISODate()!;
    const latest = latestWaiverExpiryDay(today, maxMonths);
    if (expiry.getTime() <= now.getTime()) {
      problems.push(
        `expiresAt ${day} is not in the future: a waiver expires after today`,
      );
    } else if (day > latest) {
      problems.push(
        `expiresAt ${day} is too far out: a waiver lasts ${describeWaiverExpiryLimit(
          maxMonths,
        )}, until ${latest} at the latest`,
      );
    }
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
