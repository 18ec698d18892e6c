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
