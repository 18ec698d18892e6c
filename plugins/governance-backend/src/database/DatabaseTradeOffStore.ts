import { TradeOffOutcome } from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import {
  StoredTradeOff,
  TradeOffContent,
  TradeOffStore,
} from './TradeOffStore';
import { recordHistory } from './reviewRows';
import { DbTimestamp, toIso } from './util';

interface TradeOffRow {
  review_id: string;
  matrix: string;
  outcomes: string | null;
  revision: number | string;
  updated_by: string;
  updated_at: DbTimestamp;
}

function toStored(row: TradeOffRow): StoredTradeOff {
  const content: TradeOffContent = JSON.parse(row.matrix);
  return {
    reviewId: row.review_id,
    criteria: content.criteria,
    options: content.options,
    cells: content.cells,
    outcomes: row.outcomes ? JSON.parse(row.outcomes) : [],
    revision: Number(row.revision),
    updatedBy: row.updated_by,
    updatedAt: toIso(row.updated_at),
  };
}

/**
 * Knex implementation of {@link TradeOffStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseTradeOffStore implements TradeOffStore {
  constructor(private readonly db: Knex) {}

  async getTradeOff(reviewId: string): Promise<StoredTradeOff | undefined> {
    const row = await this.db<TradeOffRow>('review_trade_offs')
      .where({ review_id: reviewId })
      .first();
    return row ? toStored(row) : undefined;
  }

  async saveTradeOff(
    reviewId: string,
    expectedRevision: number,
    content: TradeOffContent,
    actor: string,
    now = new Date(),
  ): Promise<'saved' | 'conflict'> {
    const matrix = JSON.stringify({
      criteria: content.criteria,
      options: content.options,
      cells: content.cells,
    });
    return this.write(reviewId, expectedRevision, actor, now, 'tradeOff', {
      matrix,
    });
  }

  async saveOutcomes(
    reviewId: string,
    expectedRevision: number,
    outcomes: TradeOffOutcome[],
    actor: string,
    now = new Date(),
  ): Promise<'saved' | 'conflict'> {
    if (expectedRevision < 1) {
      return 'conflict';
    }
    return this.write(
      reviewId,
      expectedRevision,
      actor,
      now,
      'tradeOffOutcomes',
      { outcomes: JSON.stringify(outcomes) },
    );
  }

  /**
   * One write of the document and its history entry. The revision condition makes
   * check-and-write atomic on both databases: a concurrent writer leaves this one matching no
   * row (or, for the first save, colliding on the primary key).
   */
  private write(
    reviewId: string,
    expectedRevision: number,
    actor: string,
    now: Date,
    field: string,
    columns: Partial<TradeOffRow>,
  ): Promise<'saved' | 'conflict'> {
    return this.db.transaction(async tx => {
      const revision = expectedRevision + 1;
      if (expectedRevision === 0) {
        const inserted = await tx('review_trade_offs')
          .insert({
            review_id: reviewId,
            matrix: columns.matrix,
            outcomes: null,
            revision,
            updated_by: actor,
            updated_at: now,
          })
          .onConflict('review_id')
          .ignore()
          .returning('review_id');
        if (inserted.length === 0) {
          return 'conflict';
        }
      } else {
        const updated = await tx('review_trade_offs')
          .where({ review_id: reviewId, revision: expectedRevision })
          .update({ ...columns, revision, updated_by: actor, updated_at: now });
        if (updated === 0) {
          return 'conflict';
        }
      }
      await recordHistory(tx, {
        reviewId,
        actor,
        at: now,
        action: 'updated',
        changes: [
          {
            field,
            from: expectedRevision ? `revision ${expectedRevision}` : null,
            to: `revision ${revision}`,
          },
        ],
      });
      return 'saved';
    });
  }

  async findReviewOfAdr(adrId: string): Promise<string | undefined> {
    const row = await this.db('review_items')
      .join(
        'review_trade_offs',
        'review_trade_offs.review_id',
        'review_items.id',
      )
      .whereNotNull('review_items.decision')
      .where(builder =>
        builder
          .where('review_items.decision_adr', adrId)
          .orWhere('review_items.adr', adrId),
      )
      .orderBy('review_items.decided_at', 'desc')
      .first('review_items.id');
    return row?.id;
  }
}
