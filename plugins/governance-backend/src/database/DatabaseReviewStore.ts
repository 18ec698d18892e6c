import {
  REVIEW_PRIORITIES,
  ReviewComment,
  ReviewHistoryEntry,
  ReviewItem,
  ReviewItemDetail,
  ReviewPage,
  ReviewQuery,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { linkRecordedAdr, RecordedAdr } from './recordedAdrLink';
import { NewReviewItem, ReviewPatch, ReviewStore } from './ReviewStore';
import {
  CommentRow,
  describePatch,
  HistoryRow,
  isNumberTaken,
  ItemRow,
  MAX_PAGE,
  OPEN_STATUSES,
  recordHistory,
  today,
  toItem,
} from './reviewRows';
import { chunks, HiddenEntities, toIso, whereVisible } from './util';

const toMillis = (value: string | number | Date) =>
  new Date(toIso(value)).getTime();

export type { NewReviewItem, ReviewPatch } from './ReviewStore';

/**
 * Knex implementation of {@link ReviewStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseReviewStore implements ReviewStore {
  constructor(private readonly db: Knex) {}

  /**
   * Stores a new item. For a trigger's item, returns undefined when an item for the same cause
   * already exists, whoever raised it.
   */
  async createItem(
    item: NewReviewItem,
    actor: string,
    now = new Date(),
  ): Promise<ReviewItem | undefined> {
    const id = randomUUID();
    const causeKey =
      item.triggerId && item.causeKey
        ? `${item.triggerId}:${item.causeKey}`
        : null;
    const create = () =>
      this.db.transaction(async tx => {
        // The next number; two replicas taking the same one collide on its unique index, and
        // the loser tries again.
        const [{ last }] = await tx('review_items').max({ last: 'number' });
        const insert = tx('review_items').insert({
          id,
          number: Number(last ?? 0) + 1,
          entity_ref: item.entityRef,
          kind: item.kind,
          title: item.title,
          description: item.description,
          requested_by: item.requestedBy ?? null,
          trigger_id: item.triggerId ?? null,
          cause_key: causeKey,
          status: 'open',
          priority: item.priority,
          assignee: null,
          due_date: item.dueDate ?? null,
          adr: item.adr ?? null,
          waiver_check_id: item.waiverRequest?.checkId ?? null,
          waiver_expires_at: item.waiverRequest
            ? new Date(item.waiverRequest.expiresAt)
            : null,
          version: 1,
          comment_count: 0,
          created_at: now,
          updated_at: now,
        });
        // ON CONFLICT DO NOTHING on both databases: the loser of a race inserts nothing.
        const inserted = await (causeKey
          ? insert.onConflict('cause_key').ignore().returning('id')
          : insert.returning('id'));
        if (inserted.length === 0) {
          return false;
        }
        await recordHistory(tx, {
          reviewId: id,
          actor,
          at: now,
          action: 'created',
          changes: [{ field: 'status', from: null, to: 'open' }],
        });
        return true;
      });
    for (let attempt = 1; ; attempt++) {
      try {
        return (await create()) ? await this.getItem(id, now) : undefined;
      } catch (error) {
        if (attempt >= 5 || !isNumberTaken(error)) {
          throw error;
        }
      }
    }
  }

  async findOpenWaiverRequest(
    entityRef: string,
    checkId: string,
  ): Promise<ReviewItem | undefined> {
    const row = await this.db<ItemRow>('review_items')
      .where({ entity_ref: entityRef, waiver_check_id: checkId })
      .whereIn('status', OPEN_STATUSES)
      .orderBy('created_at', 'asc')
      .first();
    return row ? toItem(row, new Date()) : undefined;
  }

  async getItem(id: string, now = new Date()): Promise<ReviewItem | undefined> {
    const row = await this.db<ItemRow>('review_items').where({ id }).first();
    return row ? toItem(row, now) : undefined;
  }

  async getDetail(
    id: string,
    now = new Date(),
  ): Promise<ReviewItemDetail | undefined> {
    const item = await this.getItem(id, now);
    if (!item) {
      return undefined;
    }
    const [comments, history] = await Promise.all([
      this.db<CommentRow>('review_comments')
        .where({ review_id: id })
        .orderBy([
          { column: 'created_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ]),
      this.db<HistoryRow>('review_history')
        .where({ review_id: id })
        .orderBy('id', 'asc'),
    ]);
    return {
      ...item,
      comments: comments.map(
        (c): ReviewComment => ({
          id: c.id,
          author: c.author,
          body: c.body,
          createdAt: toIso(c.created_at),
        }),
      ),
      history: history.map(
        (h): ReviewHistoryEntry => ({
          id: String(h.id),
          actor: h.actor,
          at: toIso(h.at),
          action: h.action as ReviewHistoryEntry['action'],
          changes: JSON.parse(h.changes),
        }),
      ),
    };
  }

  /** Every entity that has a review item, for working out which of them a caller may see. */
  async listReviewedEntityRefs(): Promise<string[]> {
    return this.db('review_items').distinct().pluck('entity_ref');
  }

  /**
   * A page of items, open ones first. `hidden` leaves out the items of entities the caller
   * cannot see, in the query itself, so counts and pages stay exact.
   */
  async listItems(
    query: ReviewQuery,
    options: { hidden?: HiddenEntities; now?: Date } = {},
  ): Promise<ReviewPage> {
    const now = options.now ?? new Date();
    const offset = query.offset ?? 0;
    const limit = Math.min(query.limit ?? 50, MAX_PAGE);
    const filtered = this.db<ItemRow>('review_items').where(builder => {
      if (query.entityRef) {
        builder.where('entity_ref', query.entityRef);
      }
      whereVisible(builder, options.hidden);
      if (query.status?.length) {
        builder.whereIn('status', query.status);
      }
      if (query.kind?.length) {
        builder.whereIn('kind', query.kind);
      }
      if (query.priority?.length) {
        builder.whereIn('priority', query.priority);
      }
      if (query.assignee === '') {
        builder.whereNull('assignee');
      } else if (query.assignee) {
        builder.where('assignee', query.assignee);
      }
      if (query.overdue) {
        builder
          .whereIn('status', OPEN_STATUSES)
          .whereNotNull('due_date')
          .where('due_date', '<', today(now));
      }
    });
    const [{ count }] = await filtered.clone().count({ count: '*' });
    const openFirst = `CASE WHEN status IN (${OPEN_STATUSES.map(() => '?').join(
      ', ',
    )}) THEN 0 ELSE 1 END`;
    const byPriority = `CASE priority ${REVIEW_PRIORITIES.map(
      () => 'WHEN ? THEN ?',
    ).join(' ')} ELSE 9 END`;
    const rows = await filtered
      .orderByRaw(openFirst, OPEN_STATUSES)
      .orderByRaw(
        byPriority,
        // critical first
        [...REVIEW_PRIORITIES]
          .reverse()
          .flatMap((priority, rank) => [priority, rank]),
      )
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .offset(offset)
      .limit(limit);
    return {
      items: rows.map(row => toItem(row, now)),
      totalCount: Number(count),
      offset,
      limit,
    };
  }

  /**
   * Applies a patch if the item is still at `expectedVersion`, recording the history in the
   * same transaction. Returns `conflict` when someone changed it in between.
   */
  async updateItem(
    id: string,
    expectedVersion: number,
    patch: ReviewPatch,
    actor: string,
    now = new Date(),
  ): Promise<'updated' | 'unchanged' | 'conflict' | 'not-found'> {
    return this.db.transaction(async tx => {
      const current = await tx<ItemRow>('review_items').where({ id }).first();
      if (!current) {
        return 'not-found';
      }
      if (Number(current.version) !== expectedVersion) {
        return 'conflict';
      }
      const { columns, changes } = describePatch(current, patch, actor, now);
      if (changes.length === 0) {
        return 'unchanged';
      }
      // The version condition makes the check-and-write atomic even where the read above took
      // no lock (PostgreSQL's read committed): a concurrent writer makes this update match 0 rows.
      const updated = await tx('review_items')
        .where({ id, version: expectedVersion })
        .update({
          ...columns,
          version: expectedVersion + 1,
          updated_at: now,
        });
      if (updated === 0) {
        return 'conflict';
      }
      await recordHistory(tx, {
        reviewId: id,
        actor,
        at: now,
        action: 'updated',
        changes,
      });
      return 'updated';
    });
  }

  /**
   * Adds to the discussion. Comments never conflict with each other or with triage, so they do
   * not change the item's version.
   */
  async addComment(
    id: string,
    author: string,
    body: string,
    now = new Date(),
  ): Promise<ReviewComment | undefined> {
    return this.db.transaction(async tx => {
      const updated = await tx('review_items')
        .where({ id })
        .increment('comment_count', 1)
        .update({ updated_at: now });
      if (updated === 0) {
        return undefined;
      }
      // The discussion lists comments by time, and ids are random: a comment made in the same
      // millisecond as the one before it (the item's row, updated above, orders the two) is
      // stamped a millisecond after it, so it never shows first.
      const [{ last }] = await tx('review_comments')
        .where({ review_id: id })
        .max({ last: 'created_at' });
      const createdAt =
        last !== null && last !== undefined && toMillis(last) >= now.getTime()
          ? new Date(toMillis(last) + 1)
          : now;
      const comment: ReviewComment = {
        id: randomUUID(),
        author,
        body,
        createdAt: createdAt.toISOString(),
      };
      await tx('review_comments').insert({
        id: comment.id,
        review_id: id,
        author,
        body,
        created_at: createdAt,
      });
      await recordHistory(tx, {
        reviewId: id,
        actor: author,
        at: now,
        action: 'commented',
        changes: [],
      });
      return comment;
    });
  }

  linkRecordedAdr(
    adr: RecordedAdr,
    now = new Date(),
  ): Promise<'linked' | 'unchanged' | 'not-found'> {
    return linkRecordedAdr(this.db, adr, now);
  }

  /**
   * Records that a trigger ran; true when this was its first run (nothing recorded before).
   */
  async recordTriggerRun(
    triggerId: string,
    now = new Date(),
  ): Promise<boolean> {
    const inserted = await this.db('review_trigger_runs')
      .insert({ trigger_id: triggerId, first_run_at: now, last_run_at: now })
      .onConflict('trigger_id')
      .ignore()
      .returning('trigger_id');
    if (inserted.length === 0) {
      await this.db('review_trigger_runs')
        .where({ trigger_id: triggerId })
        .update({ last_run_at: now });
      return false;
    }
    return true;
  }

  /** The given dependencies that are not recorded yet. */
  async unknownDependencies<T extends { sourceRef: string; targetRef: string }>(
    dependencies: T[],
  ): Promise<T[]> {
    const known = new Set<string>();
    const sources = [...new Set(dependencies.map(d => d.sourceRef))];
    for (const batch of chunks(sources)) {
      const rows = await this.db('review_known_dependencies')
        .whereIn('source_ref', batch)
        .select('source_ref', 'target_ref');
      for (const row of rows) {
        known.add(`${row.source_ref} ${row.target_ref}`);
      }
    }
    return dependencies.filter(
      d => !known.has(`${d.sourceRef} ${d.targetRef}`),
    );
  }

  /** Which of a trigger's cause keys already have a review item. */
  async raisedCauseKeys(
    triggerId: string,
    causeKeys: string[],
  ): Promise<Set<string>> {
    const raised = new Set<string>();
    const prefix = `${triggerId}:`;
    for (const batch of chunks(causeKeys)) {
      const rows = await this.db('review_items')
        .whereIn(
          'cause_key',
          batch.map(key => `${prefix}${key}`),
        )
        .select('cause_key');
      for (const row of rows) {
        raised.add(String(row.cause_key).slice(prefix.length));
      }
    }
    return raised;
  }

  /** Remembers dependencies and returns those not seen before. */
  async recordDependencies(
    dependencies: { sourceRef: string; targetRef: string }[],
    now = new Date(),
  ): Promise<{ sourceRef: string; targetRef: string }[]> {
    const fresh: { sourceRef: string; targetRef: string }[] = [];
    // The unseen ones one row at a time, so "new to us" stays exact under concurrent runs:
    // only the replica whose insert lands reports the dependency.
    for (const dependency of await this.unknownDependencies(dependencies)) {
      const inserted = await this.db('review_known_dependencies')
        .insert({
          source_ref: dependency.sourceRef,
          target_ref: dependency.targetRef,
          first_seen_at: now,
        })
        .onConflict(['source_ref', 'target_ref'])
        .ignore()
        .returning('source_ref');
      if (inserted.length > 0) {
        fresh.push(dependency);
      }
    }
    return fresh;
  }
}
