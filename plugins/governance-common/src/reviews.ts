import { Config } from '@backstage/config';

/**
 * Where a review item is in its life. `approved`, `rejected` and `withdrawn` are final.
 *
 * @public
 */
export type ReviewStatus =
  | 'open'
  | 'in-review'
  | 'changes-requested'
  | 'approved'
  | 'rejected'
  | 'withdrawn';

/** @public */
export const REVIEW_STATUSES: readonly ReviewStatus[] = [
  'open',
  'in-review',
  'changes-requested',
  'approved',
  'rejected',
  'withdrawn',
];

/**
 * The statuses each status may move to. Deciding (approve, reject, request changes) needs the
 * decide permission, withdrawing is the requester's (or the council's), every other move is
 * triage.
 *
 * @public
 */
export const REVIEW_TRANSITIONS: Readonly<
  Record<ReviewStatus, readonly ReviewStatus[]>
> = {
  open: ['in-review', 'changes-requested', 'approved', 'rejected', 'withdrawn'],
  'in-review': [
    'open',
    'changes-requested',
    'approved',
    'rejected',
    'withdrawn',
  ],
  'changes-requested': ['in-review', 'withdrawn'],
  approved: [],
  rejected: [],
  withdrawn: [],
};

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
export type ReviewPriority = 'low' | 'medium' | 'high' | 'critical';

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
export interface ReviewKind {
  id: string;
  title: string;
}

/** @public */
export const BUILT_IN_REVIEW_KINDS: readonly ReviewKind[] = [
  { id: 'design-review', title: 'Design review' },
  { id: 'adr-review', title: 'ADR review' },
  { id: 'nfr-escalation', title: 'NFR escalation' },
  { id: 'tier-change', title: 'Tier change' },
  { id: 'retrospective', title: 'Retrospective' },
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
export type ReviewOrigin =
  | { type: 'user'; requestedBy: string }
  | { type: 'trigger'; triggerId: string; causeKey: string };

/**
 * The council's decision on an item.
 *
 * @public
 */
export interface ReviewDecision {
  outcome: ReviewDecisionOutcome;
  rationale: string;
  /** The ADR that records it: the id of an ADR in the index, or a URL. */
  adr?: string;
  decidedBy: string;
  decidedAt: string;
}

/**
 * A review item as lists show it.
 *
 * @public
 */
export interface ReviewItem {
  id: string;
  entityRef: string;
  kind: string;
  title: string;
  description: string;
  origin: ReviewOrigin;
  status: ReviewStatus;
  priority: ReviewPriority;
  /** Entity ref of the council member working it. */
  assignee?: string;
  /** YYYY-MM-DD */
  dueDate?: string;
  /** An ADR the requester linked: an ADR id or a URL. */
  adr?: string;
  decision?: ReviewDecision;
  /** Increases with every change; updates must name the version they were based on. */
  version: number;
  createdAt: string;
  updatedAt: string;
  commentCount: number;
  /** Past its due date and not closed. */
  overdue: boolean;
}

/** @public */
export interface ReviewComment {
  id: string;
  author: string;
  body: string;
  createdAt: string;
}

/**
 * One field of an item that changed, from what to what.
 *
 * @public
 */
export interface ReviewFieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/**
 * One entry of an item's history: who did what when.
 *
 * @public
 */
export interface ReviewHistoryEntry {
  id: string;
  actor: string;
  at: string;
  action: 'created' | 'updated' | 'commented';
  changes: ReviewFieldChange[];
}

/**
 * An item with its discussion and history: `GET /reviews/:id`.
 *
 * @public
 */
export interface ReviewItemDetail extends ReviewItem {
  comments: ReviewComment[];
  history: ReviewHistoryEntry[];
}

/**
 * Filters of `GET /reviews`; each list matches any of its values.
 *
 * @public
 */
export interface ReviewQuery {
  entityRef?: string;
  status?: ReviewStatus[];
  kind?: string[];
  priority?: ReviewPriority[];
  /** An assignee's entity ref, or '' for unassigned items. */
  assignee?: string;
  overdue?: boolean;
  offset?: number;
  limit?: number;
}

/** @public */
export interface ReviewPage {
  items: ReviewItem[];
  totalCount: number;
  offset: number;
  limit: number;
}

/**
 * The body of `POST /reviews`.
 *
 * @public
 */
export interface ReviewRequest {
  entityRef: string;
  kind: string;
  title: string;
  description?: string;
  adr?: string;
}

/**
 * The body of `PATCH /reviews/:id`: the version it was based on plus the fields to change.
 * `null` clears the assignee or due date. Moving to a decision needs a `rationale`.
 *
 * @public
 */
export interface ReviewUpdate {
  version: number;
  status?: ReviewStatus;
  priority?: ReviewPriority;
  assignee?: string | null;
  dueDate?: string | null;
  rationale?: string;
  decisionAdr?: string;
}

/**
 * What the review forms need to know: `GET /reviews/settings`.
 *
 * @public
 */
export interface ReviewSettings {
  kinds: ReviewKind[];
  /** The council's group entity ref, when configured. */
  councilGroup?: string;
}

/**
 * The body of `POST /reviews/:id/comments`.
 *
 * @public
 */
export interface ReviewCommentRequest {
  body: string;
}
