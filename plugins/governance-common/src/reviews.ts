import { Config } from '@backstage/config';
import {
  GovernanceApiOperations,
  GovernanceApiSchemas,
  ReviewKind,
  ReviewPriority,
  ReviewStatus,
} from './schema';

/**
 * The statuses each status may move to. Deciding (approve, reject, request changes) needs the
 * decide permission, withdrawing is the requester's (or the council's), resolving is allowed
 * only once an escalation's cause has cleared (see canMoveReview below), every other move is
 * triage.
 *
 * @public
 */
export const REVIEW_TRANSITIONS: Readonly<
  Record<ReviewStatus, readonly ReviewStatus[]>
> = {
  open: [
    'in-review',
    'changes-requested',
    'approved',
    'rejected',
    'withdrawn',
    'resolved',
  ],
  'in-review': [
    'open',
    'changes-requested',
    'approved',
    'rejected',
    'withdrawn',
    'resolved',
  ],
  'changes-requested': ['in-review', 'withdrawn', 'resolved'],
  approved: [],
  rejected: [],
  withdrawn: [],
  resolved: [],
};

/**
 * Every review status, in the order lists and filters show them.
 *
 * @public
 */
export const REVIEW_STATUSES = Object.keys(
  REVIEW_TRANSITIONS,
) as readonly ReviewStatus[];

/**
 * Whether an item may move to `status` now: allowed from its status, and `resolved` only once
 * its cause has cleared (an item someone asked for is decided or withdrawn instead).
 *
 * @public
 */
export function canMoveReview(
  item: { status: ReviewStatus; causeCleared?: unknown },
  status: ReviewStatus,
): boolean {
  return (
    REVIEW_TRANSITIONS[item.status].includes(status) &&
    (status !== 'resolved' || item.causeCleared !== undefined)
  );
}

const BUILT_IN_TRIGGER_TITLES: Record<string, string> = {
  'failing-check': 'Failing check',
  'security-review-overdue': 'Security review overdue',
  'tier-change': 'Tier change',
  'retrospective-overdue': 'Retrospective overdue',
  'expired-waiver': 'Expired waiver',
  'cross-team-dependency': 'Cross-team dependency',
  'decision-outside-scope': 'Decision outside the team’s scope',
};

/**
 * An escalation trigger in words, for people: the built-in ones by name, others from their id
 * (`pager-storm` reads `Pager storm`).
 *
 * @public
 */
export function reviewTriggerTitle(triggerId: string): string {
  const title = BUILT_IN_TRIGGER_TITLES[triggerId];
  if (title) {
    return title;
  }
  const words = triggerId.replace(/[-_.]+/g, ' ').trim();
  return words
    ? words[0].toLocaleUpperCase('en-US') + words.slice(1)
    : triggerId;
}

/**
 * The actor that escalation triggers write into an item's history, `trigger:<id>`; the id
 * when `actor` is one, else undefined (a user).
 *
 * @public
 */
export function reviewTriggerOfActor(actor: string): string | undefined {
  return actor.startsWith('trigger:')
    ? actor.slice('trigger:'.length)
    : undefined;
}

/**
 * The statuses that record a council decision, with a rationale.
 *
 * @public
 */
export const REVIEW_DECISIONS = [
  'approved',
  'rejected',
  'changes-requested',
] as const;

/** @public */
export type ReviewDecisionOutcome = (typeof REVIEW_DECISIONS)[number];

/** @public */
export function isReviewDecision(
  status: ReviewStatus,
): status is ReviewDecisionOutcome {
  return (REVIEW_DECISIONS as readonly string[]).includes(status);
}

/** True when nothing more happens to an item in this status. @public */
export function isReviewClosed(status: ReviewStatus): boolean {
  return REVIEW_TRANSITIONS[status].length === 0;
}

/** @public */
export const REVIEW_PRIORITIES: readonly ReviewPriority[] = [
  'low',
  'medium',
  'high',
  'critical',
];

/** @public */
export const BUILT_IN_REVIEW_KINDS: readonly ReviewKind[] = [
  { id: 'design-review', title: 'Design review' },
  { id: 'adr-review', title: 'ADR review' },
  { id: 'nfr-escalation', title: 'NFR escalation' },
  { id: 'tier-change', title: 'Tier change' },
  { id: 'retrospective', title: 'Retrospective' },
  { id: 'waiver-request', title: 'Waiver request' },
  { id: 'stack-exception', title: 'Stack exception' },
];

const KIND_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The built-in review kinds plus `governance.reviews.kinds`; throws naming the key on a bad or
 * repeated id, so a wrong config fails start-up.
 *
 * @public
 */
export function readReviewKinds(config: Config): ReviewKind[] {
  const kinds = [...BUILT_IN_REVIEW_KINDS];
  const extra = config.getOptionalConfigArray('governance.reviews.kinds') ?? [];
  extra.forEach((kindConfig, index) => {
    const key = `governance.reviews.kinds[${index}]`;
    const id = kindConfig.getString('id');
    if (!KIND_ID.test(id)) {
      throw new Error(
        `Invalid config at '${key}.id': '${id}' is not allowed, expected lower-case letters, digits and dashes`,
      );
    }
    if (kinds.some(k => k.id === id)) {
      throw new Error(
        `Invalid config at '${key}.id': the review kind '${id}' is already defined`,
      );
    }
    kinds.push({ id, title: kindConfig.getOptionalString('title') ?? id });
  });
  return kinds;
}

/**
 * The group whose members are the architecture council, from `governance.council.group`.
 *
 * @public
 */
export function readCouncilGroup(config: Config): string | undefined {
  return config.getOptionalString('governance.council.group');
}

/**
 * One field of an item that changed, from what to what.
 *
 * @public
 */
export type ReviewFieldChange =
  GovernanceApiSchemas['ReviewHistoryEntry']['changes'][number];

/**
 * Filters of `GET /reviews`; each list matches any of its values.
 *
 * @public
 */
export type ReviewQuery = NonNullable<
  GovernanceApiOperations['ListReviews']['parameters']['query']
>;

/**
 * The review kind of a waiver request: an engineer asks the council to waive one failing check.
 * Raised through `POST /waiver-requests`, granted through `POST /reviews/:id/waiver`.
 *
 * @public
 */
export const WAIVER_REQUEST_KIND = 'waiver-request';
