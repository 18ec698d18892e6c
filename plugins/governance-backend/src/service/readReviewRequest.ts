import { InputError } from '@backstage/errors';
import {
  describeValue,
  describeValues,
  parseIsoDate,
  REVIEW_PRIORITIES,
  REVIEW_STATUSES,
  ReviewKind,
  ReviewPriority,
  ReviewRequest,
  ReviewStatus,
  ReviewUpdate,
} from '@catalog-governance/backstage-plugin-governance-common';
import { parseStrictEntityRef } from '../catalog/entityRefs';

const MAX_TITLE = 255;
const MAX_TEXT = 10_000;
const MAX_ADR = 2_000;

function readObject(body: unknown, expected: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError(
      `The request body must be a JSON object with ${expected}`,
    );
  }
  return body as Record<string, unknown>;
}

function optionalText(
  value: unknown,
  name: string,
  max: number,
  problems: string[],
): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'string' || value.length > max) {
    problems.push(`${name} must be text of at most ${max} characters`);
    return undefined;
  }
  return value.trim() || undefined;
}

/**
 * Reads the body of `POST /reviews`; 400 naming every problem.
 *
 * @internal
 */
export function readReviewRequest(
  body: unknown,
  kinds: ReviewKind[],
): Required<Pick<ReviewRequest, 'entityRef' | 'kind' | 'title'>> &
  ReviewRequest {
  const raw = readObject(body, 'entityRef, kind and title');
  const problems: string[] = [];
  let entityRef = '';
  try {
    entityRef = parseStrictEntityRef(String(raw.entityRef ?? ''));
  } catch {
    problems.push(
      `entityRef ${describeValue(
        raw.entityRef,
      )} is not an entity ref such as component:default/payments`,
    );
  }
  if (typeof raw.kind !== 'string' || !kinds.some(k => k.id === raw.kind)) {
    problems.push(
      `kind ${describeValue(raw.kind)} is not allowed, expected one of ${kinds
        .map(k => k.id)
        .join(', ')}`,
    );
  }
  const title = typeof raw.title === 'string' ? raw.title.trim() : '';
  if (!title || title.length > MAX_TITLE) {
    problems.push(`title is required, at most ${MAX_TITLE} characters`);
  }
  const description = optionalText(
    raw.description,
    'description',
    MAX_TEXT,
    problems,
  );
  const adr = optionalText(raw.adr, 'adr', MAX_ADR, problems);
  if (problems.length) {
    throw new InputError(`Invalid review request: ${problems.join('; ')}`);
  }
  return { entityRef, kind: raw.kind as string, title, description, adr };
}

/**
 * Reads the body of `PATCH /reviews/:id`; 400 naming every problem. Whether the change is
 * allowed from the item's current status is decided against the stored item.
 *
 * @internal
 */
export function readReviewUpdate(body: unknown): ReviewUpdate {
  const raw = readObject(body, 'version and the fields to change');
  const problems: string[] = [];
  const known = [
    'version',
    'status',
    'priority',
    'assignee',
    'dueDate',
    'rationale',
    'decisionAdr',
  ];
  const unknownFields = Object.keys(raw).filter(k => !known.includes(k));
  if (unknownFields.length) {
    problems.push(
      `unknown field ${describeValues(unknownFields)}; allowed are ${known.join(
        ', ',
      )}`,
    );
  }
  if (!(Number.isInteger(raw.version) && (raw.version as number) >= 1)) {
    problems.push(
      'version is required: the version of the item the change is based on',
    );
  }
  if (
    raw.status !== undefined &&
    !(REVIEW_STATUSES as readonly unknown[]).includes(raw.status)
  ) {
    problems.push(
      `status ${describeValue(
        raw.status,
      )} is not allowed, expected one of ${REVIEW_STATUSES.join(', ')}`,
    );
  }
  if (
    raw.priority !== undefined &&
    !(REVIEW_PRIORITIES as readonly unknown[]).includes(raw.priority)
  ) {
    problems.push(
      `priority ${describeValue(
        raw.priority,
      )} is not allowed, expected one of ${REVIEW_PRIORITIES.join(', ')}`,
    );
  }
  let assignee: string | null | undefined;
  if (raw.assignee === null || raw.assignee === '') {
    assignee = null;
  } else if (raw.assignee !== undefined) {
    try {
      assignee = parseStrictEntityRef(String(raw.assignee));
      if (!assignee.startsWith('user:')) {
        throw new Error('not a user');
      }
    } catch {
      problems.push(
        `assignee ${describeValue(
          raw.assignee,
        )} is not a user entity ref such as user:default/jane`,
      );
    }
  }
  let dueDate: string | null | undefined;
  if (raw.dueDate === null || raw.dueDate === '') {
    dueDate = null;
  } else if (raw.dueDate !== undefined) {
    dueDate = parseIsoDate(raw.dueDate);
    if (!dueDate) {
      problems.push(
        `dueDate ${describeValue(
          raw.dueDate,
        )} is not a date such as 2027-01-31`,
      );
    }
  }
  const rationale = optionalText(
    raw.rationale,
    'rationale',
    MAX_TEXT,
    problems,
  );
  const decisionAdr = optionalText(
    raw.decisionAdr,
    'decisionAdr',
    MAX_ADR,
    problems,
  );
  if (problems.length) {
    throw new InputError(`Invalid review update: ${problems.join('; ')}`);
  }
  return {
    version: raw.version as number,
    status: raw.status as ReviewStatus | undefined,
    priority: raw.priority as ReviewPriority | undefined,
    assignee,
    dueDate,
    rationale,
    decisionAdr,
  };
}

/**
 * Reads the body of `POST /reviews/:id/comments`.
 *
 * @internal
 */
export function readReviewComment(body: unknown): string {
  const raw = readObject(body, 'body');
  const text = typeof raw.body === 'string' ? raw.body.trim() : '';
  if (!text || text.length > MAX_TEXT) {
    throw new InputError(
      `Invalid comment: body is required, at most ${MAX_TEXT} characters`,
    );
  }
  return text;
}
