import { Config } from '@backstage/config';
import { GovernanceApiSchemas, GovernanceApiOperations } from './schema';

/**
 * Where a review item is in its life. `approved`, `rejected`, `withdrawn` and `resolved` are
 * final. `resolved` closes a trigger's item whose cause cleared: the backend does so by itself,
 * or the council does for an item marked *cause cleared*.
 *
 * @public
 */
export type ReviewStatus = GovernanceApiSchemas['ReviewStatus'];

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
export type ReviewPriority = GovernanceApiSchemas['ReviewPriority'];

/** @public */
export const REVIEW_PRIORITIES: readonly ReviewPriority[] = [
  'low',
  'medium',
  'high',
  'critical',
];

/**
 * A kind of review: the built-in ones and any added under `governance.reviews.kinds`.
 *
 * @public
 */
export type ReviewKind = GovernanceApiSchemas['ReviewKind'];

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
 * Who or what asked for a review: a signed-in user, or an escalation trigger and the cause it
 * saw. The cause key makes triggers idempotent: one item per cause, ever.
 *
 * @public
 */
export type ReviewOrigin = GovernanceApiSchemas['ReviewOrigin'];

/**
 * The council's decision on an item.
 *
 * @public
 */
export type ReviewDecision = GovernanceApiSchemas['ReviewDecision'];

/**
 * A review item as lists show it.
 *
 * @public
 */
export type ReviewItem = GovernanceApiSchemas['ReviewItem'];

/** @public */
export type ReviewComment = GovernanceApiSchemas['ReviewComment'];

/**
 * One field of an item that changed, from what to what.
 *
 * @public
 */
export type ReviewFieldChange =
  GovernanceApiSchemas['ReviewHistoryEntry']['changes'][number];

/**
 * One entry of an item's history: who did what when.
 *
 * @public
 */
export type ReviewHistoryEntry = GovernanceApiSchemas['ReviewHistoryEntry'];

/**
 * An item with its discussion and history: `GET /reviews/:id`.
 *
 * @public
 */
export type ReviewItemDetail = GovernanceApiSchemas['ReviewItemDetail'];

/**
 * Filters of `GET /reviews`; each list matches any of its values.
 *
 * @public
 */
export type ReviewQuery = NonNullable<
  GovernanceApiOperations['ListReviews']['parameters']['query']
>;

/** @public */
export type ReviewPage = GovernanceApiSchemas['ReviewPage'];

/**
 * The body of `POST /reviews`.
 *
 * @public
 */
export type ReviewRequest = GovernanceApiSchemas['ReviewRequest'];

/**
 * The body of `PATCH /reviews/:id`: the version it was based on plus the fields to change.
 * `null` clears the assignee or due date. Moving to a decision needs a `rationale`.
 *
 * @public
 */
export type ReviewUpdate = GovernanceApiSchemas['ReviewUpdate'];

/**
 * What the review forms need to know: `GET /reviews/settings`.
 *
 * @public
 */
export type ReviewSettings = GovernanceApiSchemas['ReviewSettings'];

/**
 * The body of `POST /reviews/:id/comments`.
 *
 * @public
 */
export type ReviewCommentRequest = GovernanceApiSchemas['ReviewCommentRequest'];

/**
 * The review kind of a waiver request: an engineer asks the council to waive one failing check.
 * Raised through `POST /waiver-requests`, granted through `POST /reviews/:id/waiver`.
 *
 * @public
 */
export const WAIVER_REQUEST_KIND = 'waiver-request';

/**
 * What a waiver request asks for: the check and the proposed expiry.
 *
 * @public
 */
export type WaiverProposal = GovernanceApiSchemas['WaiverProposal'];

/**
 * The body of `POST /waiver-requests`.
 *
 * @public
 */
export type RequestWaiverRequest = GovernanceApiSchemas['RequestWaiverRequest'];

/**
 * The body of `POST /reviews/:id/waiver`: the council's grant, starting from what was asked.
 *
 * @public
 */
export type GrantWaiverRequest = GovernanceApiSchemas['GrantWaiverRequest'];

/**
 * The answer of `POST /reviews/:id/waiver`: the approved item and the waiver.
 *
 * @public
 */
export type GrantedWaiver = GovernanceApiSchemas['GrantedWaiver'];

/**
 * That a trigger no longer sees the cause of its item, when, and whether the item was closed
 * or marked for the council to close.
 *
 * @public
 */
export type ReviewCauseCleared = GovernanceApiSchemas['ReviewCauseCleared'];
