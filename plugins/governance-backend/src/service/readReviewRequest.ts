import { InputError } from '@backstage/errors';
import {
  describeValue,
  parseIsoDate,
  ReviewRequest,
  ReviewUpdate,
} from '@catalog-governance/backstage-plugin-governance-common';
import { parseStrictEntityRef } from '../catalog/entityRefs';

/** Trimmed text, or undefined when only blanks are left. */
const trimmed = (value: string | undefined) => value?.trim() || undefined;

/**
 * What the contract cannot check of `POST /reviews`: the entity ref under the catalog's rules and
 * a title of more than blanks; 400 naming every problem. The kind is checked against the
 * configured kinds by the review service.
 *
 * @internal
 */
export function readReviewRequest(body: ReviewRequest): ReviewRequest {
  const problems: string[] = [];
  let entityRef = '';
  try {
    entityRef = parseStrictEntityRef(body.entityRef);
  } catch {
    problems.push(
      `entityRef ${describeValue(
        body.entityRef,
      )} is not an entity ref such as component:default/payments`,
    );
  }
  const title = body.title.trim();
  if (!title) {
    problems.push('title is required, at most 255 characters');
  }
  if (problems.length) {
    throw new InputError(`Invalid review request: ${problems.join('; ')}`);
  }
  return {
    entityRef,
    kind: body.kind,
    title,
    description: trimmed(body.description),
    adr: trimmed(body.adr),
  };
}

/**
 * What the contract cannot check of `PATCH /reviews/:id`: a user entity ref under the catalog's
 * rules and a due date that is a day of the calendar; an empty text clears a field as `null`
 * does. 400 naming every problem. Whether the change is allowed from the item's current status
 * is decided against the stored item.
 *
 * @internal
 */
export function readReviewUpdate(body: ReviewUpdate): ReviewUpdate {
  const problems: string[] = [];
  let assignee: string | null | undefined = body.assignee;
  if (assignee === '') {
    assignee = null;
  } else if (assignee) {
    try {
      assignee = parseStrictEntityRef(assignee);
      if (!assignee.startsWith('user:')) {
        throw new Error('not a user');
      }
    } catch {
      problems.push(
        `assignee ${describeValue(
          body.assignee,
        )} is not a user entity ref such as user:default/jane`,
      );
    }
  }
  let dueDate: string | null | undefined = body.dueDate;
  if (dueDate === '') {
    dueDate = null;
  } else if (dueDate) {
    dueDate = parseIsoDate(dueDate);
    if (!dueDate) {
      problems.push(
        `dueDate ${describeValue(
          body.dueDate,
        )} is not a date such as 2027-01-31`,
      );
    }
  }
  if (problems.length) {
    throw new InputError(`Invalid review update: ${problems.join('; ')}`);
  }
  return {
    version: body.version,
    status: body.status,
    priority: body.priority,
    assignee,
    dueDate,
    rationale: trimmed(body.rationale),
    decisionAdr: trimmed(body.decisionAdr),
    chosenOption: body.chosenOption,
  };
}

/**
 * The text of `POST /reviews/:id/comments`, which must be more than blanks.
 *
 * @internal
 */
export function readReviewComment(body: { body: string }): string {
  const text = body.body.trim();
  if (!text) {
    throw new InputError(
      'Invalid comment: body is required, at most 10000 characters',
    );
  }
  return text;
}
