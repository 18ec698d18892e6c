import { Knex } from 'knex';
import { CheckTransition } from './ScorecardStore';
import { chunks, DbTimestamp, toIso } from './util';

/** One check that changed in an evaluation, as stored in a history row. */
export type HistoryChange = Pick<
  CheckTransition,
  'checkId' | 'state' | 'actual'
>;

/** A row of `scorecard_history`: what one evaluation changed. */
export type HistoryRow = {
  entity_ref: string;
  /** JSON array of HistoryChange */
  changes: string;
  changed_at: DbTimestamp;
  /** The level after the evaluation: '' when none is reached, null before levels existed. */
  level?: string | null;
};

/**
 * Forgets history older than `before`, except each check's latest change before it (the
 * state it was in when the kept history starts), which stays with its own time.
 */
export async function pruneScorecardHistory(
  db: Knex,
  before: Date,
): Promise<number> {
  const entityRefs: string[] = (
    await db('scorecard_history')
      .where('changed_at', '<', before)
      .distinct('entity_ref')
  ).map((row: { entity_ref: string }) => row.entity_ref);
  let removed = 0;
  for (const batch of chunks(entityRefs, 100)) {
    removed += await db.transaction(async tx => {
      const rows = await tx<HistoryRow & { id: number }>('scorecard_history')
        .whereIn('entity_ref', batch)
        .where('changed_at', '<', before)
        .orderBy([
          { column: 'changed_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ]);
      // Per entity, each check's latest old change, grouped again by the time it happened.
      const latest = new Map<
        string,
        Map<string, HistoryChange & { at: string }>
      >();
      // And its latest old level, which the trend starts from.
      const latestLevel = new Map<string, { level: string; at: string }>();
      for (const row of rows) {
        if (typeof row.level === 'string') {
          latestLevel.set(row.entity_ref, {
            level: row.level,
            at: toIso(row.changed_at),
          });
        }
        const checks = latest.get(row.entity_ref) ?? new Map();
        for (const change of JSON.parse(row.changes) as HistoryChange[]) {
          checks.set(change.checkId, {
            ...change,
            at: toIso(row.changed_at),
          });
        }
        latest.set(row.entity_ref, checks);
      }
      const kept: Omit<HistoryRow, 'id'>[] = [];
      for (const [entityRef, checks] of latest) {
        const byTime = new Map<string, HistoryChange[]>();
        for (const { at, ...change } of checks.values()) {
          byTime.set(at, [...(byTime.get(at) ?? []), change]);
        }
        const level = latestLevel.get(entityRef);
        if (level && !byTime.has(level.at)) {
          byTime.set(level.at, []);
        }
        for (const [at, changes] of [...byTime].sort(([a], [b]) =>
          a.localeCompare(b),
        )) {
          kept.push({
            entity_ref: entityRef,
            changes: JSON.stringify(changes),
            changed_at: new Date(at),
            ...(level?.at === at ? { level: level.level } : {}),
          });
        }
      }
      if (kept.length >= rows.length) {
        return 0;
      }
      await tx('scorecard_history')
        .whereIn(
          'id',
          rows.map(row => row.id),
        )
        .delete();
      for (const insert of chunks(kept)) {
        await tx('scorecard_history').insert(insert);
      }
      return rows.length - kept.length;
    });
  }
  return removed;
}
