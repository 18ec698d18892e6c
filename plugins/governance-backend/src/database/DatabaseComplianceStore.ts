import {
  CHECK_STATES,
  CheckState,
  complianceCounts,
  ComplianceEntityPage,
  ComplianceFilter,
  ComplianceGroup,
  ComplianceGroupBy,
  ComplianceRollup,
  ComplianceTrendPoint,
  COMPLIANCE_GROUP_BY,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { ComplianceStore } from './ComplianceStore';
import {
  complianceChangesWithGroups,
  complianceGroupIds,
  groupKey,
} from './complianceGroups';
import {
  evaluatedAtOf,
  EvaluatedEntityRow,
  lastFullPass,
} from './evaluatedEntities';
import { dayNumber, dayStart } from './factSeries';
import { lockRollupTotals, recountComplianceTotals } from './rollupTotals';
import {
  chunks,
  DbTimestamp,
  HiddenEntities,
  readPage,
  toIso,
  whereVisible,
} from './util';

/** Column sums, aliased to the column names, for roll-ups and snapshots. */
const SUM_STATES = Object.fromEntries(
  [...CHECK_STATES, 'total'].map(column => [column, column]),
);

/** Sums come back as strings from PostgreSQL and as numbers from SQLite. */
type StateSums = Record<CheckState | 'total', number | string | null>;

const CHANGE_COLUMNS = ['entities', ...CHECK_STATES, 'total'] as const;

/** Column sums of the changes, including the entity count. */
const SUM_CHANGES = Object.fromEntries(
  CHANGE_COLUMNS.map(column => [column, column]),
);

type ComplianceChangeRow = {
  owner: string | null;
  system: string | null;
  domain: string | null;
  tier: string;
} & Record<(typeof CHANGE_COLUMNS)[number], number>;

/** A roll-up row (sign 1) or the negation of the sum of earlier changes (sign -1). */
function toChangeRow(
  row: Record<string, unknown>,
  sign: 1 | -1,
): ComplianceChangeRow {
  const change = {
    owner: (row.owner as string | null) ?? null,
    system: (row.system as string | null) ?? null,
    domain: (row.domain as string | null) ?? null,
    tier: row.tier as string,
  } as ComplianceChangeRow;
  for (const key of CHANGE_COLUMNS) {
    change[key] = sign * Number(row[key] ?? 0);
  }
  return change;
}

/** Restricts to the filter's dimensions; an empty value selects the entities without one. */
function applyFilter<T extends Knex.QueryBuilder>(
  query: T,
  filter: ComplianceFilter,
): T {
  for (const key of COMPLIANCE_GROUP_BY) {
    const value = filter[key];
    if (value === '') {
      query.whereNull(key);
    } else if (value !== undefined) {
      query.where(key, value);
    }
  }
  return query;
}

/**
 * The daily changes of the groups the filter selects. A filter is looked up among the few
 * groups, and the changes read by group id: no join over every day's rows.
 */
function complianceChangesOf(db: Knex, filter: ComplianceFilter) {
  const changes = db('compliance_changes');
  return COMPLIANCE_GROUP_BY.some(key => filter[key] !== undefined)
    ? changes.whereIn(
        'group_id',
        applyFilter(db('compliance_groups').select('id'), filter),
      )
    : changes;
}

function toGroup(
  row: StateSums & {
    entities: number | string;
    dependencyMismatches?: number | string | null;
  },
  key: string | null | undefined,
): ComplianceGroup {
  return {
    ...(key ? { key } : {}),
    entities: Number(row.entities),
    dependencyMismatches: Number(row.dependencyMismatches ?? 0),
    counts: complianceCounts(
      Object.fromEntries(
        CHECK_STATES.map(state => [state, Number(row[state] ?? 0)]),
      ),
    ),
  };
}

/** What a roll-up group counts besides its states. */
type GroupSums = { entities: number; dependencyMismatches: number };

type LevelCounts = Required<
  Pick<ComplianceGroup, 'levels' | 'withoutLevel' | 'belowRequired'>
>;

const emptyLevels = (): LevelCounts => ({
  levels: {},
  withoutLevel: 0,
  belowRequired: 0,
});

function sumLevels(groups: LevelCounts[]): LevelCounts {
  const total = emptyLevels();
  for (const group of groups) {
    for (const [level, count] of Object.entries(group.levels)) {
      total.levels[level] = (total.levels[level] ?? 0) + count;
    }
    total.withoutLevel += group.withoutLevel;
    total.belowRequired += group.belowRequired;
  }
  return total;
}

/** The totals of the groups of a roll-up. */
function totalOf(groups: (ComplianceGroup & LevelCounts)[]): ComplianceGroup {
  return {
    ...sumLevels(groups),
    entities: groups.reduce((sum, g) => sum + g.entities, 0),
    dependencyMismatches: groups.reduce(
      (sum, g) => sum + (g.dependencyMismatches ?? 0),
      0,
    ),
    counts: complianceCounts(
      Object.fromEntries(
        CHECK_STATES.map(state => [
          state,
          groups.reduce((sum, g) => sum + g.counts[state], 0),
        ]),
      ),
    ),
  };
}

/** The roll-up of a caller who may see no entity. */
const emptyRollup = (
  groupBy: ComplianceGroupBy,
  filter: ComplianceFilter,
): ComplianceRollup => ({ groupBy, filter, groups: [], totals: totalOf([]) });

/**
 * Knex implementation of {@link ComplianceStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseComplianceStore implements ComplianceStore {
  constructor(private readonly db: Knex) {}

  async listEvaluatedEntityRefs(): Promise<string[]> {
    return this.db('evaluated_entities').pluck('entity_ref');
  }

  async getComplianceRollup(
    groupBy: ComplianceGroupBy,
    filter: ComplianceFilter,
    hidden?: HiddenEntities,
  ): Promise<ComplianceRollup> {
    if (hidden === 'all') {
      return emptyRollup(groupBy, filter);
    }
    // The running totals per group and level (a few rows per group, however many entities),
    // less the hidden entities' rows, in one statement so both parts see the same moment.
    // A group's counts are the sums of its levels' rows.
    const totals = applyFilter(this.db('compliance_totals'), filter)
      .select(this.db.raw('1 AS sign'), { key: groupBy, level: 'level' })
      .sum({ entities: 'entities', below: 'below_required', ...SUM_STATES })
      .sum({ dependencyMismatches: 'dependency_mismatches' })
      .groupBy(groupBy, 'level');
    // From a subquery: knex would put its GROUP BY after the UNION.
    const query = this.db.select('*').from(totals.as('totals'));
    for (const batch of chunks(hidden ?? [])) {
      query.unionAll(
        applyFilter(this.db('evaluated_entities'), filter)
          .whereIn('entity_ref', batch)
          .select(this.db.raw('-1 AS sign'), { key: groupBy, level: 'level' })
          .count({ entities: '*' })
          .count({ below: 'below_required_since' })
          .sum(SUM_STATES)
          .sum({ dependencyMismatches: 'dependency_mismatches' })
          .groupBy(groupBy, 'level'),
      );
    }
    const rows: (StateSums & {
      sign: number | string;
      key: string | null;
      level: string | null;
      entities: number | string;
      below: number | string | null;
      dependencyMismatches: number | string | null;
    })[] = await query;
    const byKey = new Map<
      string | null,
      { sums: Record<CheckState, number> & GroupSums; levels: LevelCounts }
    >();
    for (const row of rows) {
      const sign = Number(row.sign);
      const key = row.key ?? null;
      const group = byKey.get(key) ?? {
        sums: {
          ...(Object.fromEntries(
            CHECK_STATES.map(state => [state, 0]),
          ) as Record<CheckState, number>),
          entities: 0,
          dependencyMismatches: 0,
        },
        levels: emptyLevels(),
      };
      for (const state of CHECK_STATES) {
        group.sums[state] += sign * Number(row[state] ?? 0);
      }
      const entities = sign * Number(row.entities);
      group.sums.entities += entities;
      group.sums.dependencyMismatches +=
        sign * Number(row.dependencyMismatches ?? 0);
      if (row.level === null) {
        group.levels.withoutLevel += entities;
      } else {
        group.levels.levels[row.level] =
          (group.levels.levels[row.level] ?? 0) + entities;
        if (!group.levels.levels[row.level]) {
          // Every entity of the level is hidden.
          delete group.levels.levels[row.level];
        }
      }
      group.levels.belowRequired += sign * Number(row.below ?? 0);
      byKey.set(key, group);
    }
    const groups = [...byKey]
      // A group whose entities are all hidden is not shown.
      .filter(([, { sums }]) => sums.entities > 0)
      .map(([key, { sums, levels }]) => ({
        ...toGroup({ ...sums, total: null }, key),
        ...levels,
      }))
      .sort(
        (a, b) =>
          a.counts.passingShare - b.counts.passingShare ||
          (a.key ?? '').localeCompare(b.key ?? ''),
      );
    return { groupBy, filter, groups, totals: totalOf(groups) };
  }

  async listComplianceEntities(
    filter: ComplianceFilter,
    page: { offset: number; limit: number },
    hidden?: HiddenEntities,
  ): Promise<ComplianceEntityPage> {
    const matching = () =>
      whereVisible(applyFilter(this.db('evaluated_entities'), filter), hidden);
    const [{ rows, ...counted }, [lastPass]] = await Promise.all([
      readPage<EvaluatedEntityRow>(matching, page, query =>
        query.orderBy([
          { column: 'passing_share', order: 'asc' },
          { column: 'fail', order: 'desc' },
          { column: 'entity_ref', order: 'asc' },
        ]),
      ),
      lastFullPass(this.db) as Promise<{ evaluated_at: DbTimestamp }[]>,
    ]);
    return {
      filter,
      ...counted,
      items: rows.map(row => ({
        entityRef: row.entity_ref,
        title: row.title ?? undefined,
        owner: row.owner ?? undefined,
        system: row.system ?? undefined,
        domain: row.domain ?? undefined,
        tier: row.tier,
        counts: complianceCounts(row),
        failing: JSON.parse(row.failing),
        evaluatedAt: toIso(
          evaluatedAtOf(row.evaluated_at, lastPass?.evaluated_at),
        ),
        level: row.level,
        belowRequired: row.below_required_since !== null,
      })),
    };
  }

  async recordComplianceDay(day: string): Promise<void> {
    await this.db.transaction(async tx => {
      // Before reading whether the day is recorded: a second record of the day at the same
      // moment (a manual run beside the scheduled one) waits, then replaces the first's rows
      // instead of inserting its own beside them.
      await lockRollupTotals(tx);
      // Full passes run every few minutes: only the day's first record recounts.
      // compliance_changes holds the day as a day number.
      const storedDay = dayNumber(day);
      const recordedToday = await tx('compliance_changes')
        .where({ day: storedDay })
        .first('day');
      // A second pass on the same day replaces that day's changes.
      await tx('compliance_changes').where({ day: storedDay }).delete();
      // Once a day from scratch, so the running totals the roll-up reads cannot drift longer.
      if (!recordedToday) {
        await recountComplianceTotals(tx);
      }
      const current = await tx('compliance_totals')
        .select(COMPLIANCE_GROUP_BY)
        .sum({ entities: 'entities', ...SUM_STATES })
        .groupBy(COMPLIANCE_GROUP_BY);
      const previous = await complianceChangesWithGroups(tx)
        .where('day', '<', storedDay)
        .select(COMPLIANCE_GROUP_BY)
        .sum(SUM_CHANGES)
        .groupBy(COMPLIANCE_GROUP_BY);
      const changes = new Map<string, ComplianceChangeRow>();
      for (const row of previous) {
        changes.set(groupKey(row), toChangeRow(row, -1));
      }
      for (const row of current) {
        const change = toChangeRow(row, 1);
        const before = changes.get(groupKey(row));
        if (before) {
          for (const key of CHANGE_COLUMNS) {
            change[key] += before[key];
          }
        }
        changes.set(groupKey(row), change);
      }
      // Only combinations whose counts moved get a row; one that emptied gets its negation.
      const changed = [...changes.values()].filter(change =>
        CHANGE_COLUMNS.some(key => change[key] !== 0),
      );
      const groupIds = changed.length
        ? await complianceGroupIds(tx, changed)
        : new Map<string, number>();
      for (const batch of chunks(changed)) {
        await tx('compliance_changes').insert(
          batch.map(({ owner, system, domain, tier, ...counts }) => ({
            ...counts,
            day: storedDay,
            group_id: groupIds.get(groupKey({ owner, system, domain, tier })),
          })),
        );
      }
    });
  }

  async getComplianceTrend(
    filter: ComplianceFilter,
    sinceDay: string,
    untilDay: string,
  ): Promise<ComplianceTrendPoint[]> {
    const [baseline] = await complianceChangesOf(this.db, filter)
      .where('day', '<', dayNumber(sinceDay))
      .sum(SUM_STATES);
    const perDay = new Map<string, StateSums>(
      (
        (await complianceChangesOf(this.db, filter)
          .whereBetween('day', [dayNumber(sinceDay), dayNumber(untilDay)])
          .select('day')
          .sum(SUM_STATES)
          .groupBy('day')) as (StateSums & { day: number })[]
      ).map(row => [dayStart(row.day).slice(0, 10), row]),
    );
    const keys = [...CHECK_STATES, 'total'] as const;
    const running = Object.fromEntries(
      keys.map(key => [key, Number(baseline?.[key] ?? 0)]),
    ) as Record<CheckState | 'total', number>;
    const points: ComplianceTrendPoint[] = [];
    // Days are UTC days throughout, as recordComplianceDay stores them.
    const last = DateTime.fromISO(untilDay, { zone: 'utc' });
    for (
      let date = DateTime.fromISO(sinceDay, { zone: 'utc' });
      date <= last;
      date = date.plus({ days: 1 })
    ) {
      const day = date.toISODate()!;
      const change = perDay.get(day);
      for (const key of keys) {
        running[key] += Number(change?.[key] ?? 0);
      }
      // Before the first record, or while the filter matches nothing, there is no point.
      if (running.total > 0) {
        points.push({ day, counts: complianceCounts(running) });
      }
    }
    return points;
  }
}
