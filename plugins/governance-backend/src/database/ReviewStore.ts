import {
  ReviewComment,
  ReviewDecisionOutcome,
  ReviewItem,
  ReviewItemDetail,
  ReviewPage,
  ReviewPriority,
  ReviewQuery,
  ReviewStatus,
  WaiverProposal,
} from '@catalog-governance/backstage-plugin-governance-common';
import { RecordedAdr } from './recordedAdrLink';
import { HiddenEntities } from './util';

/**
 * A new review item: requested by a user (`requestedBy`) or raised by a trigger
 * (`triggerId` and `causeKey`).
 *
 * @internal
 */
export interface NewReviewItem {
  entityRef: string;
  kind: string;
  title: string;
  description: string;
  priority: ReviewPriority;
  dueDate?: string;
  adr?: string;
  requestedBy?: string;
  triggerId?: string;
  causeKey?: string;
  /** For a waiver request: the check and the proposed expiry. */
  waiverRequest?: WaiverProposal;
}

/**
 * The columns an update may set, already validated by the caller against the version it read.
 *
 * @internal
 */
export interface ReviewPatch {
  status?: ReviewStatus;
  priority?: ReviewPriority;
  assignee?: string | null;
  dueDate?: string | null;
  decision?: {
    outcome: ReviewDecisionOutcome;
    rationale: string;
    adr?: string;
    /** The trade-off matrix option chosen, already checked to be one of its options. */
    chosenOption?: string;
  };
}

/**
 * The review queue: items, their discussion and their history, with optimistic concurrency
 * (every change names the version it was based on) and idempotent escalations (a trigger's
 * cause key is unique, so two replicas raising the same cause at once create one item). Also
 * what the escalation triggers remember between runs.
 *
 * @internal
 */
export interface ReviewStore {
  /**
   * Stores a new item. For a trigger's item, returns undefined when an item for the same cause
   * already exists, whoever raised it.
   */
  createItem(
    item: NewReviewItem,
    actor: string,
    now?: Date,
  ): Promise<ReviewItem | undefined>;

  getItem(id: string, now?: Date): Promise<ReviewItem | undefined>;

  /** The waiver request for this check of the entity that is not closed yet, if any. */
  findOpenWaiverRequest(
    entityRef: string,
    checkId: string,
  ): Promise<ReviewItem | undefined>;

  getDetail(id: string, now?: Date): Promise<ReviewItemDetail | undefined>;

  /** Every entity that has a review item, for working out which of them a caller may see. */
  listReviewedEntityRefs(): Promise<string[]>;

  /**
   * A page of items, open ones first. `hidden` leaves out the items of entities the caller
   * cannot see, in the query itself, so counts and pages stay exact.
   */
  listItems(
    query: ReviewQuery,
    options?: { hidden?: HiddenEntities; now?: Date },
  ): Promise<ReviewPage>;

  /**
   * Applies a patch if the item is still at `expectedVersion`, recording the history in the
   * same transaction. Returns `conflict` when someone changed it in between.
   */
  updateItem(
    id: string,
    expectedVersion: number,
    patch: ReviewPatch,
    actor: string,
    now?: Date,
  ): Promise<'updated' | 'unchanged' | 'conflict' | 'not-found'>;

  /**
   * Adds to the discussion. Comments never conflict with each other or with triage, so they do
   * not change the item's version.
   */
  addComment(
    id: string,
    author: string,
    body: string,
    now?: Date,
  ): Promise<ReviewComment | undefined>;

  /** Links an ingested ADR to the review item it says it records (front matter `review`). */
  linkRecordedAdr(
    adr: RecordedAdr,
    now?: Date,
  ): Promise<'linked' | 'unchanged' | 'not-found'>;

  /** Records that a trigger ran; true when this was its first run (nothing recorded before). */
  recordTriggerRun(triggerId: string, now?: Date): Promise<boolean>;

  /** The given dependencies that are not recorded yet. */
  unknownDependencies<T extends { sourceRef: string; targetRef: string }>(
    dependencies: T[],
  ): Promise<T[]>;

  /** Which of a trigger's cause keys already have a review item. */
  raisedCauseKeys(triggerId: string, causeKeys: string[]): Promise<Set<string>>;

  /** Remembers dependencies and returns those not seen before. */
  recordDependencies(
    dependencies: { sourceRef: string; targetRef: string }[],
    now?: Date,
  ): Promise<{ sourceRef: string; targetRef: string }[]>;
}
