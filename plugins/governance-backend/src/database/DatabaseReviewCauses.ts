import {
  isReviewClosed,
  REVIEW_STATUSES,
  ReviewCauseCleared,
  ReviewFieldChange,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { recordHistory } from './reviewRows';

const OPEN_STATUSES = REVIEW_STATUSES.filter(s => !isReviewClosed(s));

/**
 * An item a trigger raised that is still open and not yet marked: its cause may have cleared.
 *
 * @internal
 */
export interface OpenCause {
  reviewId: string;
  /** As the trigger gave it, without the trigger's namespace. */
  causeKey: string;
  version: number;
}

/**
 * What becomes of an escalation's item once its trigger no longer sees the cause: the open items
 * per trigger, and the one write that closes or marks an item, with its history entry. Tested on
 * SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseReviewCauses {
  constructor(private readonly db: Knex) {}

  /** The trigger's open items whose cause has not been seen to clear yet. */
  async listOpenCauses(triggerId: string): Promise<OpenCause[]> {
    const prefix = `${triggerId}:`;
    const rows: { id: string; cause_key: string; version: number }[] =
      await this.db('review_items')
        .where({ trigger_id: triggerId })
        .whereIn('status', OPEN_STATUSES)
        .whereNull('cause_cleared_at')
        .select('id', 'cause_key', 'version');
    return rows.map(row => ({
      reviewId: row.id,
      causeKey: String(row.cause_key).slice(prefix.length),
      version: Number(row.version),
    }));
  }

  /**
   * Records that the item's cause cleared, and closes it as `resolved` when `action` is
   * `closed`. Only when the item is still at `expectedVersion` and not yet marked: a change made
   * in between (a council member's, or another replica's run) wins, and the next run looks
   * again. Returns whether this call changed the item.
   */
  async clearCause(
    reviewId: string,
    expectedVersion: number,
    action: ReviewCauseCleared['action'],
    actor: string,
    now = new Date(),
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const current: { status: string } | undefined = await tx('review_items')
        .where({ id: reviewId, version: expectedVersion })
        .whereNull('cause_cleared_at')
        .first('status');
      if (!current) {
        return false;
      }
      const changes: ReviewFieldChange[] = [
        { field: 'causeCleared', from: null, to: action },
      ];
      if (action === 'closed') {
        changes.push({ field: 'status', from: current.status, to: 'resolved' });
      }
      // The version condition makes the write atomic where the read above took no lock.
      const updated = await tx('review_items')
        .where({ id: reviewId, version: expectedVersion })
        .whereNull('cause_cleared_at')
        .update({
          cause_cleared_at: now,
          cause_cleared_action: action,
          ...(action === 'closed' ? { status: 'resolved' } : {}),
          version: expectedVersion + 1,
          updated_at: now,
        });
      if (updated === 0) {
        return false;
      }
      await recordHistory(tx, {
        reviewId,
        actor,
        at: now,
        action: 'cause-cleared',
        changes,
      });
      return true;
    });
  }
}
