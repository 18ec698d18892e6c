import {
  CheckResult,
  CheckResultCounts,
  countCheckResult,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { COMPLIANCE_COUNT_COLUMNS } from './ComplianceStore';
import { EvaluatedEntityRow } from './evaluatedEntities';
import { chunks, DbTimestamp, isPostgres } from './util';
import { deleteRowsAmong, writeRows } from './writeRows';

/*
 * The running totals of migration 20261210010000: `check_tallies` sums the tallies of
 * `entity_results` per check, `compliance_totals` sums the rows of `evaluated_entities` per
 * group. The scorecard store changes them by difference in the transaction that changes the
 * rows they count; the daily jobs recount them from scratch.
 */

/** A check's entry in `entity_results.tallies`: [checkId, compliant 0|1, automated 0|1]. */
export type CheckTally = [string, number, number];

/** Emptied after each use: tallyOf runs for every result of every evaluated entity. */
const scratchCounts = new Map<string, CheckResultCounts>();

/** A result as the Standards tab counts it, through the one definition of both counts. */
export function tallyOf(result: CheckResult): CheckTally {
  countCheckResult(scratchCounts, result);
  const { compliant, automated } = scratchCounts.get(result.checkId)!;
  scratchCounts.clear();
  return [result.checkId, compliant, automated];
}

/** The columns of `compliance_totals` that name a group, in the order of its key. */
export const TOTALS_GROUP_COLUMNS = [
  'owner',
  'system',
  'domain',
  'tier',
  'level',
] as const;

/** The sums of `compliance_totals` that add up a column of `evaluated_entities` of the same name. */
const COUNTED_SUMS = [
  ...COMPLIANCE_COUNT_COLUMNS,
  'dependency_mismatches',
] as const;

/** The columns of `compliance_totals` that sum its group's rows of `evaluated_entities`. */
export const TOTALS_SUM_COLUMNS = [
  'entities',
  'below_required',
  ...COUNTED_SUMS,
] as const;

const CHECK_TALLY_COLUMNS = ['total', 'compliant', 'automated'] as const;

/** What a row of `evaluated_entities` adds to its group's totals. */
export type CountedEntityRow = Pick<
  EvaluatedEntityRow,
  (typeof TOTALS_GROUP_COLUMNS)[number] | (typeof COUNTED_SUMS)[number]
> & { below_required_since: DbTimestamp | null };

/** The columns {@link CountedEntityRow} reads from `evaluated_entities`. */
export const COUNTED_ENTITY_COLUMNS = [
  ...TOTALS_GROUP_COLUMNS,
  ...COUNTED_SUMS,
  'below_required_since',
] as const;

type TotalsRow = Record<(typeof TOTALS_GROUP_COLUMNS)[number], string | null> &
  Record<(typeof TOTALS_SUM_COLUMNS)[number], number> & { group_key: string };

type CheckTallyRow = CheckResultCounts & { check_id: string };

/**
 * A totals row with every column, its group's null and its sums 0: a pass starts a row for
 * nearly every entity it counts, and a copy of one object keeps V8's fast shape, where rows
 * spread from `Object.fromEntries` cost three times as much to build and add to.
 */
const EMPTY_TOTALS_ROW = {
  group_key: '',
  ...Object.fromEntries(TOTALS_GROUP_COLUMNS.map(column => [column, null])),
  ...Object.fromEntries(TOTALS_SUM_COLUMNS.map(column => [column, 0])),
} as TotalsRow;

/**
 * Waits, inside `tx`, until no other transaction changes the totals. Each writer changes them
 * by a difference from rows it read; two replicas doing that at once from the same rows would
 * both apply theirs. SQLite already lets one writer in at a time.
 */
export async function lockRollupTotals(tx: Knex.Transaction): Promise<void> {
  if (isPostgres(tx)) {
    await tx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [
      'governance.rollup_totals',
    ]);
  }
}

/**
 * Per check, the results, compliant ones and automated ones in the tallies of the rows of
 * `entity_results` that `restrict` keeps, selected after `lead` (extra leading columns).
 */
export function groupTallies(
  db: Knex,
  restrict: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
  lead: Knex.Raw[] = [],
): Knex.QueryBuilder {
  const pg = isPostgres(db);
  const element = (index: number) =>
    pg
      ? `(tally.value ->> ${index})`
      : `json_extract(tally.value, '$[${index}]')`;
  const sum = (index: number) =>
    pg ? `SUM(${element(index)}::int)` : `SUM(${element(index)})`;
  return restrict(
    db.from(
      db.raw(
        pg
          ? 'entity_results CROSS JOIN LATERAL jsonb_array_elements(entity_results.tallies::jsonb) AS tally(value)'
          : 'entity_results, json_each(entity_results.tallies) AS tally',
      ),
    ),
  )
    .select(...lead, db.raw(`${element(0)} AS check_id`))
    .count({ total: '*' })
    .select(db.raw(`${sum(1)} AS compliant, ${sum(2)} AS automated`))
    .groupBy(db.raw(element(0)));
}

/** The changes of one transaction to the totals, collected and then written at once. */
export class RollupTotalChanges {
  private readonly checks = new Map<string, CheckTallyRow>();
  private readonly groups = new Map<string, TotalsRow>();

  /**
   * Counts an entity's tallies in, or out with -1: as stored (the JSON of
   * `entity_results.tallies`), or as just worked out, which spares parsing them back.
   */
  countTallies(
    tallies: string | readonly CheckTally[] | null | undefined,
    sign: 1 | -1,
  ): void {
    const parsed: readonly CheckTally[] =
      typeof tallies === 'string' ? JSON.parse(tallies) : tallies ?? [];
    for (const [checkId, compliant, automated] of parsed) {
      let row = this.checks.get(checkId);
      if (!row) {
        row = { check_id: checkId, total: 0, compliant: 0, automated: 0 };
        this.checks.set(checkId, row);
      }
      row.total += sign;
      row.compliant += sign * compliant;
      row.automated += sign * automated;
    }
  }

  /** Counts an entity's roll-up row in, or out with -1. */
  countEntity(entity: CountedEntityRow, sign: 1 | -1): void {
    const groupKey = JSON.stringify(
      TOTALS_GROUP_COLUMNS.map(column => entity[column] ?? null),
    );
    let row = this.groups.get(groupKey);
    if (!row) {
      row = { ...EMPTY_TOTALS_ROW, group_key: groupKey };
      for (const column of TOTALS_GROUP_COLUMNS) {
        row[column] = entity[column] ?? null;
      }
      this.groups.set(groupKey, row);
    }
    row.entities += sign;
    row.below_required += entity.below_required_since === null ? 0 : sign;
    for (const column of COUNTED_SUMS) {
      row[column] += sign * Number(entity[column] ?? 0);
    }
  }

  /** Adds the collected changes to the stored totals; groups and checks left empty go. */
  async apply(tx: Knex.Transaction): Promise<void> {
    await addChanges(tx, {
      table: 'check_tallies',
      key: 'check_id',
      sums: CHECK_TALLY_COLUMNS,
      rows: [...this.checks.values()],
    });
    await addChanges(tx, {
      table: 'compliance_totals',
      key: 'group_key',
      sums: TOTALS_SUM_COLUMNS,
      rows: [...this.groups.values()],
    });
  }
}

/** Rows of one totals table: named by `key`, summing the `sums` columns. */
type TotalsTableRows<Row extends object> = {
  table: string;
  key: keyof Row & string;
  sums: readonly (keyof Row & string)[];
  rows: Row[];
};

/**
 * Adds each row's sums to the stored row of its key (inserting it when there is none), then
 * deletes the rows whose first sum, the count of what they sum, fell to zero.
 */
async function addChanges<Row extends object>(
  tx: Knex.Transaction,
  changes: TotalsTableRows<Row>,
) {
  const { table, key, sums } = changes;
  const rows = changes.rows.filter(row => sums.some(sum => row[sum] !== 0));
  await writeRows(tx, { table, rows, onConflict: { key, add: sums } });
  // Only a row whose count went down can have reached zero.
  await deleteRowsAmong(
    tx,
    table,
    key,
    rows.filter(row => Number(row[sums[0]]) < 0).map(row => String(row[key])),
    query => query.where(sums[0], 0),
  );
}

/** Counts `check_tallies` again from every entity's tallies, and returns the counts. */
export async function recountCheckTallies(
  tx: Knex.Transaction,
): Promise<Map<string, CheckResultCounts>> {
  await lockRollupTotals(tx);
  const rows: Array<Record<keyof CheckTallyRow, string | number | null>> =
    await groupTallies(tx, query => query);
  const tallies: CheckTallyRow[] = rows.map(row => ({
    check_id: String(row.check_id),
    total: Number(row.total),
    compliant: Number(row.compliant ?? 0),
    automated: Number(row.automated ?? 0),
  }));
  await replaceDrifted(tx, {
    table: 'check_tallies',
    key: 'check_id',
    sums: CHECK_TALLY_COLUMNS,
    rows: tallies,
  });
  return new Map(tallies.map(({ check_id, ...counts }) => [check_id, counts]));
}

/** Counts `compliance_totals` again from every row of `evaluated_entities`. */
export async function recountComplianceTotals(
  tx: Knex.Transaction,
): Promise<void> {
  await lockRollupTotals(tx);
  const rows: Record<string, string | number | null>[] = await tx(
    'evaluated_entities',
  )
    .select(TOTALS_GROUP_COLUMNS)
    .count({ entities: '*' })
    .count({ below_required: 'below_required_since' })
    .sum(Object.fromEntries(COUNTED_SUMS.map(column => [column, column])))
    .groupBy(TOTALS_GROUP_COLUMNS);
  // Sums come back as strings from PostgreSQL and as numbers from SQLite.
  const totals = rows.map(row => ({
    group_key: JSON.stringify(
      TOTALS_GROUP_COLUMNS.map(column => row[column] ?? null),
    ),
    ...Object.fromEntries(
      TOTALS_GROUP_COLUMNS.map(column => [column, row[column] ?? null]),
    ),
    ...Object.fromEntries(
      TOTALS_SUM_COLUMNS.map(column => [column, Number(row[column] ?? 0)]),
    ),
  }));
  await replaceDrifted(tx, {
    table: 'compliance_totals',
    key: 'group_key',
    sums: TOTALS_SUM_COLUMNS,
    rows: totals as TotalsRow[],
  });
}

/**
 * Makes the stored rows of the table these recounted ones, writing only the rows that differ:
 * a recount that finds no drift, the usual case, writes nothing.
 */
async function replaceDrifted<Row extends object>(
  tx: Knex.Transaction,
  recount: TotalsTableRows<Row>,
) {
  const { table, key, sums, rows } = recount;
  const stored = new Map<string, Row>(
    ((await tx(table)) as Row[]).map(row => [String(row[key]), row]),
  );
  const drifted = rows.filter(row => {
    const before = stored.get(String(row[key]));
    stored.delete(String(row[key]));
    return !before || sums.some(sum => Number(before[sum]) !== row[sum]);
  });
  for (const batch of chunks([...stored.keys()])) {
    await tx(table).whereIn(key, batch).delete();
  }
  for (const batch of chunks(drifted, 100)) {
    await tx(table).insert(batch).onConflict(key).merge();
  }
}
