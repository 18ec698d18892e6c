import { Knex } from 'knex';
import { DbTimestamp } from './util';

/**
 * A row of `evaluated_entities`: an evaluated entity's place in the organisation and its
 * result counts. The scorecard store writes it with the results; the compliance views and the
 * escalation signals read it.
 *
 * @internal
 */
export type EvaluatedEntityRow = {
  entity_ref: string;
  title: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  tier: string;
  pass: number;
  fail: number;
  warn: number;
  unknown: number;
  waived: number;
  total: number;
  passing_share: number;
  failing: string;
  dependency_mismatches: number;
  evaluated_at: DbTimestamp;
  /** The maturity level reached; null when none is. */
  level: string | null;
  /** Since when the entity has been below its tier's required level; null when it is not. */
  below_required_since: DbTimestamp | null;
};

/** The row of `scorecard_passes` the scheduled pass over every governed entity keeps. */
export const FULL_PASS = 'full';

/** The row of `scorecard_passes` a pass that read every entity in full keeps. */
export const FULL_READ_PASS = 'full-read';

/**
 * The time of the last full pass, as a subquery to select beside a row (null before the first
 * pass): the pass records its time once instead of on each entity it found unchanged.
 */
export function lastFullPass(db: Knex) {
  return db('scorecard_passes')
    .where({ name: FULL_PASS })
    .select('evaluated_at');
}

/**
 * When a roll-up row's entity was last evaluated: its own time, or the last full pass's when
 * that is later, since a row still there after a pass was evaluated or found unchanged by it.
 */
export function evaluatedAtOf(
  own: DbTimestamp,
  lastPass: DbTimestamp | null | undefined,
): Date {
  const ownTime = new Date(own);
  if (lastPass === null || lastPass === undefined) {
    return ownTime;
  }
  const passTime = new Date(lastPass);
  return passTime > ownTime ? passTime : ownTime;
}
