import {
  isReviewClosed,
  REVIEW_STATUSES,
  ReviewDecisionOutcome,
  ReviewFieldChange,
  ReviewItem,
  ReviewPriority,
  ReviewStatus,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { ReviewPatch } from './ReviewStore';
import { DbTimestamp, toIso } from './util';

// How review items, comments and history are stored, and how a stored row reads as the API's
// ReviewItem: kept apart from DatabaseReviewStore's queries so each reads in one sitting.

export type ItemRow = {
  id: string;
  number: number | null;
  entity_ref: string;
  kind: string;
  title: string;
  description: string;
  requested_by: string | null;
  trigger_id: string | null;
  cause_key: string | null;
  status: string;
  priority: string;
  assignee: string | null;
  due_date: string | null;
  adr: string | null;
  decision: string | null;
  decision_rationale: string | null;
  decision_adr: string | null;
  decision_chosen_option?: string | null;
  decided_by: string | null;
  decided_at: DbTimestamp | null;
  cause_cleared_at: DbTimestamp | null;
  cause_cleared_action: string | null;
  waiver_check_id: string | null;
  waiver_expires_at: DbTimestamp | null;
  version: number;
  comment_count: number;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
};

export type CommentRow = {
  id: string;
  review_id: string;
  author: string;
  body: string;
  created_at: DbTimestamp;
};

export type HistoryRow = {
  id: number | string;
  review_id: string;
  actor: string;
  at: DbTimestamp;
  action: string;
  changes: string;
};

/**
 * Adds one entry to a review's history, in the transaction of the change it records, so the
 * history never tells of a change that was rolled back.
 */
export function recordHistory(
  tx: Knex.Transaction,
  entry: {
    reviewId: string;
    actor: string;
    at: Date;
    action: string;
    changes: ReviewFieldChange[];
  },
) {
  return tx('review_history').insert({
    review_id: entry.reviewId,
    actor: entry.actor,
    at: entry.at,
    action: entry.action,
    changes: JSON.stringify(entry.changes),
  });
}

export const OPEN_STATUSES = REVIEW_STATUSES.filter(s => !isReviewClosed(s));
export const MAX_PAGE = 200;

/** A unique violation of the item number: another replica created an item at the same time. */
export function isNumberTaken(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return (
    (code === '23505' || String(code).startsWith('SQLITE_CONSTRAINT')) &&
    /number/.test(message ?? '')
  );
}

export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function toItem(row: ItemRow, now: Date): ReviewItem {
  const status = row.status as ReviewStatus;
  return {
    id: row.id,
    number: row.number === null ? undefined : Number(row.number),
    entityRef: row.entity_ref,
    kind: row.kind,
    title: row.title,
    description: row.description,
    waiverRequest:
      row.waiver_check_id && row.waiver_expires_at
        ? {
            checkId: row.waiver_check_id,
            expiresAt: toIso(row.waiver_expires_at),
          }
        : undefined,
    origin: row.trigger_id
      ? {
          type: 'trigger',
          triggerId: row.trigger_id,
          // Stored namespaced by trigger, shown as the trigger gave it.
          causeKey: (row.cause_key ?? '').slice(row.trigger_id.length + 1),
        }
      : { type: 'user', requestedBy: row.requested_by ?? '' },
    status,
    priority: row.priority as ReviewPriority,
    assignee: row.assignee ?? undefined,
    dueDate: row.due_date ?? undefined,
    adr: row.adr ?? undefined,
    decision:
      row.decision && row.decided_by && row.decided_at
        ? {
            outcome: row.decision as ReviewDecisionOutcome,
            rationale: row.decision_rationale ?? '',
            adr: row.decision_adr ?? undefined,
            chosenOption: row.decision_chosen_option ?? undefined,
            decidedBy: row.decided_by,
            decidedAt: toIso(row.decided_at),
          }
        : undefined,
    causeCleared:
      row.cause_cleared_at && row.cause_cleared_action
        ? {
            at: toIso(row.cause_cleared_at),
            action: row.cause_cleared_action as 'closed' | 'marked',
          }
        : undefined,
    version: Number(row.version),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    commentCount: Number(row.comment_count),
    overdue:
      !isReviewClosed(status) &&
      row.due_date !== null &&
      row.due_date < today(now),
  };
}

/** The columns a patch writes and the history entry describing it. */
export function describePatch(
  current: ItemRow,
  patch: ReviewPatch,
  actor: string,
  now: Date,
): { columns: Partial<ItemRow>; changes: ReviewFieldChange[] } {
  const columns: Partial<ItemRow> = {};
  const changes: ReviewFieldChange[] = [];
  const set = (
    field: string,
    column: keyof ItemRow,
    value: string | null | undefined,
  ) => {
    if (value === undefined) {
      return;
    }
    const from = (current[column] as string | null) ?? null;
    if (from !== value) {
      (columns as Record<string, unknown>)[column] = value;
      changes.push({ field, from, to: value });
    }
  };
  set('status', 'status', patch.status);
  set('priority', 'priority', patch.priority);
  set('assignee', 'assignee', patch.assignee);
  set('dueDate', 'due_date', patch.dueDate);
  if (patch.decision) {
    set('decision', 'decision', patch.decision.outcome);
    set('rationale', 'decision_rationale', patch.decision.rationale);
    set('decisionAdr', 'decision_adr', patch.decision.adr ?? null);
    set(
      'chosenOption',
      'decision_chosen_option',
      patch.decision.chosenOption ?? null,
    );
    columns.decided_by = actor;
    columns.decided_at = now;
  }
  return { columns, changes };
}
