import { Knex } from 'knex';
import { CheckTransition } from './ScorecardStore';
import { chunks, DbTimestamp, toIso } from './util';

/** One check that changed in an evaluation, as stored in a history row. */
export type HistoryChange = Pick<
  CheckTransition,
  'checkId' | 'state' | 'actual'
>;

/**
 * The letter `scorecard_history.changes` stores for each state. Stored data: a letter, once
 * used, keeps its meaning.
 */
const STATE_LETTERS = {
  pass: 'p',
  fail: 'f',
  warn: 'w',
  unknown: 'u',
  waived: 'v',
  removed: 'r',
} as const satisfies Record<HistoryChange['state'], string>;

type StateLetter = (typeof STATE_LETTERS)[keyof typeof STATE_LETTERS];

const STATE_OF_LETTER = Object.fromEntries(
  Object.entries(STATE_LETTERS).map(([state, letter]) => [letter, state]),
) as Record<StateLetter, HistoryChange['state']>;

/**
 * A change as `scorecard_history.changes` stores it: `[checkId, state letter]`, or
 * `[checkId, state letter, actual]`. Without the repeated property names and state words a
 * row takes about half the bytes, and the history is most of what a year of evaluations adds
 * to the database.
 */
type StoredChange =
  | [HistoryChange['checkId'], StateLetter]
  | [HistoryChange['checkId'], StateLetter, string];

/** The `changes` text of a history row. */
export function encodeHistoryChanges(changes: HistoryChange[]): string {
  return JSON.stringify(
    changes.map((change): StoredChange | HistoryChange => {
      const { checkId, state, actual } = change;
      const letter = STATE_LETTERS[state];
      // A state without a letter (one a later version stored, say) stays in the object form,
      // which reads back as it was, instead of losing its state.
      if (letter === undefined) {
        return change;
      }
      return actual === undefined
        ? [checkId, letter]
        : [checkId, letter, actual];
    }),
  );
}

/**
 * The changes of a history row. Rows in the object form (`{ checkId, state, actual? }`) are
 * read too: the migration converts them, but a seed or an older replica may still write one.
 */
export function decodeHistoryChanges(text: string): HistoryChange[] {
  return (JSON.parse(text) as Array<StoredChange | HistoryChange>).map(
    change => {
      if (!Array.isArray(change)) {
        return change;
      }
      const [checkId, letter, actual] = change;
      const state = STATE_OF_LETTER[letter];
      return actual === undefined
        ? { checkId, state }
        : { checkId, state, actual };
    },
  );
}

/** A row of `scorecard_history`: what one evaluation changed. */
export type HistoryRow = {
  entity_ref: string;
  /** JSON array of StoredChange, see encodeHistoryChanges */
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
        for (const change of decodeHistoryChanges(row.changes)) {
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
            changes: encodeHistoryChanges(changes),
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
