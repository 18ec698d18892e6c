import { InputError } from '@backstage/errors';
import {
  CreateWaiverRequest,
  describeValue,
  parseIsoTimestamp,
} from '@catalog-governance/backstage-plugin-governance-common';
import { parseStrictEntityRef } from '../catalog/entityRefs';

const MAX_WAIVER_DAYS = 366;

/**
 * Reads the body of `POST /waivers`, answering 400 with every problem named: a waiver needs
 * an entity, a check, a reason and an expiry in the future, at most a year ahead.
 *
 * @internal
 */
export function readWaiverRequest(
  body: unknown,
  now: Date,
): CreateWaiverRequest & { expiresAt: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError(
      'The request body must be a JSON object with entityRef, checkId, reason and expiresAt',
    );
  }
  const { entityRef, checkId, reason, expiresAt } = body as Record<
    string,
    unknown
  >;
  const problems: string[] = [];
  let ref = '';
  try {
    ref = parseStrictEntityRef(String(entityRef ?? ''));
  } catch {
    problems.push(
      `entityRef ${describeValue(
        entityRef,
      )} is not an entity ref such as component:default/payments`,
    );
  }
  if (
    typeof checkId !== 'string' ||
    !/^[a-z0-9][a-z0-9-]{0,126}$/.test(checkId)
  ) {
    problems.push(
      `checkId ${describeValue(checkId)} is not a check id such as coverage`,
    );
  }
  if (
    typeof reason !== 'string' ||
    reason.trim().length === 0 ||
    reason.length > 2000
  ) {
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
  } else if (expiry.getTime() > now.getTime() + MAX_WAIVER_DAYS * 86_400_000) {
    problems.push(
      `expiresAt ${expiresAt} is more than ${MAX_WAIVER_DAYS} days ahead`,
    );
  }
  if (problems.length) {
    throw new InputError(`Invalid waiver: ${problems.join('; ')}`);
  }
  return {
    entityRef: ref,
    checkId: checkId as string,
    reason: (reason as string).trim(),
    expiresAt: expiry!.toISOString(),
  };
}
