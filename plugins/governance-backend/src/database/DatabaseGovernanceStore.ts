import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  CheckResult,
  CheckState,
  complianceCounts,
  ComplianceEntityPage,
  ComplianceFilter,
  ComplianceGroup,
  ComplianceGroupBy,
  ComplianceRollup,
  ComplianceTrendPoint,
  COMPLIANCE_GROUP_BY,
  Waiver,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  CheckTransition,
  EntityEvaluation,
  EntityTierRecord,
  GovernanceStore,
  MeasuredFact,
  TierChange,
  TierObservation,
} from './GovernanceStore';
import { chunks, HiddenEntities, migrate, toIso, whereVisible } from './util';

type EntityTierRow = {
  entity_ref: string;
  tier: string;
  since: Date | string | number;
  last_seen_at: Date | string | number;
};

type TierChangeRow = {
  entity_ref: string;
  from_tier: string | null;
  to_tier: string | null;
  observed_at: Date | string | number;
};

const DEFAULT_MAX_SOURCES_PER_FACT = 10;

const STATES: CheckState[] = ['pass', 'fail', 'warn', 'unknown', 'waived'];

/** Column sums, aliased to the column names, for roll-ups and snapshots. */
const SUM_STATES = Object.fromEntries(
  [...STATES, 'total'].map(column => [column, column]),
);

/** Sums come back as strings from PostgreSQL and as numbers from SQLite. */
type StateSums = Record<CheckState | 'total', number | string | null>;

type EvaluatedEntityRow = {
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
  evaluated_at: Date | string | number;
};

const CHANGE_COLUMNS = ['entities', ...STATES, 'total'] as const;

/** Column sums of the changes, including the entity count. */
const SUM_CHANGES = Object.fromEntries(
  CHANGE_COLUMNS.map(column => [column, column]),
);

type ComplianceChangeRow = {
  day: string;
  owner: string | null;
  system: string | null;
  domain: string | null;
  tier: string;
} & Record<(typeof CHANGE_COLUMNS)[number], number>;

/** A roll-up row (sign 1) or the negation of the sum of earlier changes (sign -1). */
function toChangeRow(
  day: string,
  row: Record<string, unknown>,
  sign: 1 | -1,
): ComplianceChangeRow {
  const change = {
    day,
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

const comboKey = (row: Record<string, unknown>) =>
  JSON.stringify(COMPLIANCE_GROUP_BY.map(key => row[key] ?? null));

const PLACEMENT_COLUMNS = [
  'title',
  'owner',
  'system',
  'domain',
  'tier',
  'pass',
  'fail',
  'warn',
  'unknown',
  'waived',
  'total',
  'failing',
] as const;

/** Whether a stored roll-up row already says what the new one would (its time aside). */
const samePlacement = (a: EvaluatedEntityRow, b: EvaluatedEntityRow) =>
  PLACEMENT_COLUMNS.every(column => a[column] === b[column]);

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

function toGroup(
  row: StateSums & { entities: number | string },
  key: string | null | undefined,
): ComplianceGroup {
  return {
    ...(key ? { key } : {}),
    entities: Number(row.entities),
    counts: complianceCounts(
      Object.fromEntries(STATES.map(state => [state, Number(row[state] ?? 0)])),
    ),
  };
}

/**
 * Knex implementation of {@link GovernanceStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseGovernanceStore implements GovernanceStore {
  static async create(options: {
    database: DatabaseService;
    /** How many sources one entity's fact keeps at most (default 10). */
    maxSourcesPerFact?: number;
  }): Promise<DatabaseGovernanceStore> {
    const { database } = options;
    return new DatabaseGovernanceStore(
      await migrate(database),
      options.maxSourcesPerFact ?? DEFAULT_MAX_SOURCES_PER_FACT,
    );
  }

  private constructor(
    private readonly db: Knex,
    private readonly maxSourcesPerFact: number,
  ) {}

  async getEntityTier(
    entityRef: string,
  ): Promise<EntityTierRecord | undefined> {
    const row = await this.db<EntityTierRow>('entity_tiers')
      .where({ entity_ref: entityRef })
      .first();
    return row
      ? {
          entityRef: row.entity_ref,
          tier: row.tier,
          since: toIso(row.since),
          lastSeenAt: toIso(row.last_seen_at),
        }
      : undefined;
  }

  async syncTiers(
    observations: TierObservation[],
    observedAt: Date,
  ): Promise<TierChange[]> {
    return this.db.transaction(async tx => {
      const existing = new Map<string, string>();
      const rows = await tx<EntityTierRow>('entity_tiers').select(
        'entity_ref',
        'tier',
      );
      for (const row of rows) {
        existing.set(row.entity_ref, row.tier);
      }

      const observed = new Map<string, string>();
      for (const { entityRef, tier } of observations) {
        if (!observed.has(entityRef)) {
          observed.set(entityRef, tier);
        }
      }

      const changes: TierChangeRow[] = [];
      for (const [entityRef, tier] of observed) {
        const before = existing.get(entityRef);
        if (before !== tier) {
          changes.push({
            entity_ref: entityRef,
            from_tier: before ?? null,
            to_tier: tier,
            observed_at: observedAt,
          });
        }
      }
      const removed = [...existing.keys()].filter(ref => !observed.has(ref));
      for (const entityRef of removed) {
        changes.push({
          entity_ref: entityRef,
          from_tier: existing.get(entityRef)!,
          to_tier: null,
          observed_at: observedAt,
        });
      }

      for (const batch of chunks(removed)) {
        await tx('entity_tiers').whereIn('entity_ref', batch).delete();
      }
      for (const batch of chunks(changes)) {
        await tx('tier_changes').insert(batch);
      }
      const changed = new Set(changes.map(c => c.entity_ref));
      const upserts = [...observed].map(([entityRef, tier]) => ({
        entityRef,
        tier,
      }));
      for (const batch of chunks(upserts)) {
        await tx('entity_tiers')
          .insert(
            batch.map(({ entityRef, tier }) => ({
              entity_ref: entityRef,
              tier,
              since: observedAt,
              last_seen_at: observedAt,
            })),
          )
          .onConflict('entity_ref')
          .merge(['tier', 'last_seen_at']);
        // `since` moves only when the tier actually changed.
        const movedRefs = batch
          .map(o => o.entityRef)
          .filter(ref => changed.has(ref) && existing.has(ref));
        if (movedRefs.length) {
          await tx('entity_tiers')
            .whereIn('entity_ref', movedRefs)
            .update({ since: observedAt });
        }
      }

      return changes.map(rowToChange);
    });
  }

  async addFacts(facts: MeasuredFact[], receivedAt: Date): Promise<void> {
    // The latest observation per key wins, also within one batch.
    const latest = new Map<string, MeasuredFact>();
    for (const fact of facts) {
      const key = JSON.stringify([fact.entityRef, fact.name, fact.source]);
      const seen = latest.get(key);
      if (!seen || seen.observedAt <= fact.observedAt) {
        latest.set(key, fact);
      }
    }
    const rows = [...latest.values()].map(f => ({
      entity_ref: f.entityRef,
      name: f.name,
      source: f.source,
      value: JSON.stringify(f.value),
      observed_at: new Date(f.observedAt),
      received_at: receivedAt,
    }));
    await this.db.transaction(async tx => {
      for (const batch of chunks(rows)) {
        const query = tx('facts')
          .insert(batch)
          .onConflict(['entity_ref', 'name', 'source'])
          .merge(['value', 'observed_at', 'received_at']);
        // An observation older than the stored one must not overwrite it.
        await query.where(
          'facts.observed_at',
          '<=',
          tx.raw('excluded.observed_at'),
        );
      }
      // Each source is a row, so a writer inventing source names would grow an entity's fact
      // without bound: only the most recently observed sources are kept.
      const entityRefs = [...new Set(rows.map(row => row.entity_ref))];
      for (const batch of chunks(entityRefs)) {
        const ranked = tx('facts')
          .whereIn('entity_ref', batch)
          .select(
            'entity_ref',
            'name',
            'source',
            tx.raw(
              'ROW_NUMBER() OVER (PARTITION BY entity_ref, name ORDER BY observed_at DESC, received_at DESC, source ASC) AS position',
            ),
          );
        await tx('facts')
          .whereIn(
            ['entity_ref', 'name', 'source'],
            tx
              .from(ranked.as('ranked'))
              .where('position', '>', this.maxSourcesPerFact)
              .select('entity_ref', 'name', 'source'),
          )
          .delete();
      }
    });
  }

  async listFactEntityRefs(): Promise<string[]> {
    return this.db('facts').distinct().pluck('entity_ref');
  }

  async removeFacts(entityRefs: string[]): Promise<number> {
    let removed = 0;
    for (const batch of chunks(entityRefs)) {
      removed += await this.db('facts').whereIn('entity_ref', batch).delete();
    }
    return removed;
  }

  async pruneFacts(before: Date): Promise<number> {
    return this.db('facts').where('observed_at', '<', before).delete();
  }

  async getFacts(entityRefs: string[]): Promise<Map<string, MeasuredFact[]>> {
    const result = new Map<string, MeasuredFact[]>();
    for (const batch of chunks(entityRefs)) {
      // Only the columns evaluation reads: every timestamp costs a parse per row on PostgreSQL.
      const rows = await this.db<FactRow>('facts')
        .whereIn('entity_ref', batch)
        .select('entity_ref', 'name', 'source', 'value', 'observed_at');
      for (const row of rows) {
        const list = result.get(row.entity_ref) ?? [];
        list.push({
          entityRef: row.entity_ref,
          name: row.name,
          source: row.source,
          value: JSON.parse(row.value),
          observedAt: toIso(row.observed_at),
        });
        result.set(row.entity_ref, list);
      }
    }
    return result;
  }

  async storeEvaluations(
    evaluations: EntityEvaluation[],
    evaluatedAt: Date,
  ): Promise<void> {
    const results = new Map(
      evaluations.map(e => [e.entityRef, e.placement ? e.results : []]),
    );
    const entityRefs = [...results.keys()];
    await this.db.transaction(async tx => {
      const previous = new Map<string, string>();
      for (const batch of chunks(entityRefs)) {
        const rows = await tx<EntityResultsRow>('entity_results')
          .whereIn('entity_ref', batch)
          .select('entity_ref', 'results');
        for (const row of rows) {
          previous.set(row.entity_ref, row.results);
        }
      }

      // Only entities whose results changed are written; a re-evaluation that changes nothing
      // costs reads plus one timestamp update per batch of entities.
      const changed: Omit<EntityResultsRow, 'written_at'>[] = [];
      const emptied: string[] = [];
      const history: Omit<HistoryRow, 'changed_at'>[] = [];
      for (const [entityRef, checks] of results) {
        const serialized = JSON.stringify(checks);
        const before = previous.get(entityRef);
        if (before === serialized || (!before && checks.length === 0)) {
          continue;
        }
        const beforeById = new Map(
          (before ? (JSON.parse(before) as CheckResult[]) : []).map(c => [
            c.checkId,
            c,
          ]),
        );
        const changes: HistoryChange[] = [];
        for (const check of checks) {
          const was = beforeById.get(check.checkId);
          beforeById.delete(check.checkId);
          if (
            !was ||
            was.state !== check.state ||
            was.actual !== check.actual
          ) {
            changes.push({
              checkId: check.checkId,
              state: check.state,
              ...(check.actual !== undefined ? { actual: check.actual } : {}),
            });
          }
        }
        // Checks the entity no longer has (its tier changed) end their history as removed.
        for (const checkId of beforeById.keys()) {
          changes.push({ checkId, state: 'removed' });
        }
        if (changes.length) {
          history.push({
            entity_ref: entityRef,
            changes: JSON.stringify(changes),
          });
        }
        if (checks.length) {
          changed.push({ entity_ref: entityRef, results: serialized });
        } else {
          emptied.push(entityRef);
        }
      }

      for (const batch of chunks(emptied)) {
        await tx('entity_results').whereIn('entity_ref', batch).delete();
      }
      for (const batch of chunks(changed)) {
        await tx('entity_results')
          .insert(batch.map(row => ({ ...row, written_at: evaluatedAt })))
          .onConflict('entity_ref')
          .merge(['results', 'written_at']);
      }
      // When the entity was last evaluated is kept once per entity, in evaluated_entities, so
      // an unchanged pass does not rewrite its results.
      for (const batch of chunks(history)) {
        await tx('scorecard_history').insert(
          batch.map(row => ({ ...row, changed_at: evaluatedAt })),
        );
      }
      await this.storePlacements(tx, evaluations, evaluatedAt);
    });
  }

  /** Rewrites the roll-up rows of the evaluated entities; untiered ones lose theirs. */
  private async storePlacements(
    tx: Knex.Transaction,
    evaluations: EntityEvaluation[],
    evaluatedAt: Date,
  ) {
    const rows: EvaluatedEntityRow[] = [];
    const untiered: string[] = [];
    for (const { entityRef, placement, results } of evaluations) {
      if (!placement) {
        untiered.push(entityRef);
        continue;
      }
      const states: Partial<Record<CheckState, number>> = {};
      for (const result of results) {
        states[result.state] = (states[result.state] ?? 0) + 1;
      }
      const counts = complianceCounts(states);
      rows.push({
        entity_ref: entityRef,
        title: placement.title ?? null,
        owner: placement.owner ?? null,
        system: placement.system ?? null,
        domain: placement.domain ?? null,
        tier: placement.tier,
        pass: counts.pass,
        fail: counts.fail,
        warn: counts.warn,
        unknown: counts.unknown,
        waived: counts.waived,
        total: counts.total,
        passing_share: counts.passingShare,
        failing: JSON.stringify(
          results.filter(r => r.state === 'fail').map(r => r.checkId),
        ),
        evaluated_at: evaluatedAt,
      });
    }
    for (const batch of chunks(untiered)) {
      await tx('evaluated_entities').whereIn('entity_ref', batch).delete();
    }
    // Rows that only need the new time get one UPDATE per batch instead of an upsert each.
    const unchanged: string[] = [];
    const changed: EvaluatedEntityRow[] = [];
    for (const batch of chunks(rows)) {
      const stored = new Map<string, EvaluatedEntityRow>(
        (
          await tx<EvaluatedEntityRow>('evaluated_entities').whereIn(
            'entity_ref',
            batch.map(row => row.entity_ref),
          )
        ).map(row => [row.entity_ref, row]),
      );
      for (const row of batch) {
        const before = stored.get(row.entity_ref);
        if (before && samePlacement(before, row)) {
          unchanged.push(row.entity_ref);
        } else {
          changed.push(row);
        }
      }
    }
    for (const batch of chunks(unchanged)) {
      await tx('evaluated_entities')
        .whereIn('entity_ref', batch)
        .update({ evaluated_at: evaluatedAt });
    }
    for (const batch of chunks(changed)) {
      await tx('evaluated_entities')
        .insert(batch)
        .onConflict('entity_ref')
        .merge();
    }
  }

  async getResults(
    entityRef: string,
  ): Promise<{ results: CheckResult[]; evaluatedAt: string } | undefined> {
    // One round trip: every entity page reads this.
    const row:
      | (Pick<EntityResultsRow, 'results' | 'written_at'> &
          Partial<Pick<EvaluatedEntityRow, 'evaluated_at'>>)
      | undefined = await this.db('entity_results')
      .leftJoin(
        'evaluated_entities',
        'evaluated_entities.entity_ref',
        'entity_results.entity_ref',
      )
      .where('entity_results.entity_ref', entityRef)
      .first(
        'entity_results.results',
        'entity_results.written_at',
        'evaluated_entities.evaluated_at',
      );
    if (!row) {
      return undefined;
    }
    return {
      results: JSON.parse(row.results),
      evaluatedAt: toIso(row.evaluated_at ?? row.written_at),
    };
  }

  async listTransitions(
    entityRef: string,
    since: Date,
  ): Promise<CheckTransition[]> {
    const rows = await this.db<HistoryRow & { id: number }>('scorecard_history')
      .where({ entity_ref: entityRef })
      .andWhere('changed_at', '>=', since)
      // Pruning rewrites old rows with new ids, so time orders them, the id only within a time.
      .orderBy([
        { column: 'changed_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.flatMap(row =>
      (JSON.parse(row.changes) as HistoryChange[]).map(change => ({
        entityRef: row.entity_ref,
        checkId: change.checkId,
        state: change.state,
        actual: change.actual,
        changedAt: toIso(row.changed_at),
      })),
    );
  }

  async removeResultsExcept(entityRefs: Set<string>): Promise<number> {
    const stored: { entity_ref: string }[] = await this.db
      .select('entity_ref')
      .from('entity_results')
      .union(qb => qb.select('entity_ref').from('evaluated_entities'));
    const gone = stored
      .map(r => r.entity_ref)
      .filter(ref => !entityRefs.has(ref));
    await this.db.transaction(async tx => {
      for (const batch of chunks(gone)) {
        await tx('entity_results').whereIn('entity_ref', batch).delete();
        await tx('evaluated_entities').whereIn('entity_ref', batch).delete();
      }
    });
    return gone.length;
  }

  async listEvaluatedEntityRefs(): Promise<string[]> {
    return this.db('evaluated_entities').pluck('entity_ref');
  }

  async getComplianceRollup(
    groupBy: ComplianceGroupBy,
    filter: ComplianceFilter,
    hidden?: HiddenEntities,
  ): Promise<ComplianceRollup> {
    const rows: (StateSums & { key: string | null; entities: number })[] =
      await whereVisible(
        applyFilter(this.db('evaluated_entities'), filter),
        hidden,
      )
        .select({ key: groupBy })
        .count({ entities: '*' })
        .sum(SUM_STATES)
        .groupBy(groupBy);
    const groups = rows
      .map(row => toGroup(row, row.key))
      .sort(
        (a, b) =>
          a.counts.passingShare - b.counts.passingShare ||
          (a.key ?? '').localeCompare(b.key ?? ''),
      );
    const totals: ComplianceGroup = {
      entities: groups.reduce((sum, g) => sum + g.entities, 0),
      counts: complianceCounts(
        Object.fromEntries(
          STATES.map(state => [
            state,
            groups.reduce((sum, g) => sum + g.counts[state], 0),
          ]),
        ),
      ),
    };
    return { groupBy, filter, groups, totals };
  }

  async listComplianceEntities(
    filter: ComplianceFilter,
    page: { offset: number; limit: number },
    hidden?: HiddenEntities,
  ): Promise<ComplianceEntityPage> {
    const matching = () =>
      whereVisible(applyFilter(this.db('evaluated_entities'), filter), hidden);
    const [{ count }] = await matching().count({ count: '*' });
    const rows: EvaluatedEntityRow[] = await matching()
      .orderBy([
        { column: 'passing_share', order: 'asc' },
        { column: 'fail', order: 'desc' },
        { column: 'entity_ref', order: 'asc' },
      ])
      .offset(page.offset)
      .limit(page.limit);
    return {
      filter,
      totalItems: Number(count),
      offset: page.offset,
      limit: page.limit,
      items: rows.map(row => ({
        entityRef: row.entity_ref,
        title: row.title ?? undefined,
        owner: row.owner ?? undefined,
        system: row.system ?? undefined,
        domain: row.domain ?? undefined,
        tier: row.tier,
        counts: complianceCounts(row),
        failing: JSON.parse(row.failing),
        evaluatedAt: toIso(row.evaluated_at),
      })),
    };
  }

  async recordComplianceDay(day: string): Promise<void> {
    await this.db.transaction(async tx => {
      // A second pass on the same day replaces that day's changes.
      await tx('compliance_changes').where({ day }).delete();
      const current = await tx('evaluated_entities')
        .select(COMPLIANCE_GROUP_BY)
        .count({ entities: '*' })
        .sum(SUM_STATES)
        .groupBy(COMPLIANCE_GROUP_BY);
      const previous = await tx('compliance_changes')
        .where('day', '<', day)
        .select(COMPLIANCE_GROUP_BY)
        .sum(SUM_CHANGES)
        .groupBy(COMPLIANCE_GROUP_BY);
      const changes = new Map<string, ComplianceChangeRow>();
      for (const row of previous) {
        changes.set(comboKey(row), toChangeRow(day, row, -1));
      }
      for (const row of current) {
        const change = toChangeRow(day, row, 1);
        const before = changes.get(comboKey(row));
        if (before) {
          for (const key of CHANGE_COLUMNS) {
            change[key] += before[key];
          }
        }
        changes.set(comboKey(row), change);
      }
      // Only combinations whose counts moved get a row; one that emptied gets its negation.
      const changed = [...changes.values()].filter(change =>
        CHANGE_COLUMNS.some(key => change[key] !== 0),
      );
      for (const batch of chunks(changed)) {
        await tx('compliance_changes').insert(batch);
      }
    });
  }

  async getComplianceTrend(
    filter: ComplianceFilter,
    sinceDay: string,
    untilDay: string,
  ): Promise<ComplianceTrendPoint[]> {
    const [baseline] = await applyFilter(this.db('compliance_changes'), filter)
      .where('day', '<', sinceDay)
      .sum(SUM_STATES);
    const perDay = new Map<string, StateSums>(
      (
        (await applyFilter(this.db('compliance_changes'), filter)
          .whereBetween('day', [sinceDay, untilDay])
          .select('day')
          .sum(SUM_STATES)
          .groupBy('day')) as (StateSums & { day: string })[]
      ).map(row => [row.day, row]),
    );
    const keys = [...STATES, 'total'] as const;
    const running = Object.fromEntries(
      keys.map(key => [key, Number(baseline?.[key] ?? 0)]),
    ) as Record<CheckState | 'total', number>;
    const points: ComplianceTrendPoint[] = [];
    for (
      let day = sinceDay;
      day <= untilDay;
      day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10)
    ) {
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

  /**
   * Forgets history older than `before`, except each check's latest change before it (the
   * state it was in when the kept history starts), which stays with its own time.
   */
  async pruneHistory(before: Date): Promise<number> {
    const entityRefs: string[] = (
      await this.db('scorecard_history')
        .where('changed_at', '<', before)
        .distinct('entity_ref')
    ).map((row: { entity_ref: string }) => row.entity_ref);
    let removed = 0;
    for (const batch of chunks(entityRefs, 100)) {
      removed += await this.db.transaction(async tx => {
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
        for (const row of rows) {
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
          for (const [at, changes] of [...byTime].sort(([a], [b]) =>
            a.localeCompare(b),
          )) {
            kept.push({
              entity_ref: entityRef,
              changes: JSON.stringify(changes),
              changed_at: new Date(at),
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

  async createWaiver(waiver: Waiver): Promise<void> {
    await this.db('waivers').insert({
      id: waiver.id,
      entity_ref: waiver.entityRef,
      check_id: waiver.checkId,
      reason: waiver.reason,
      expires_at: new Date(waiver.expiresAt),
      created_by: waiver.createdBy,
      created_at: new Date(waiver.createdAt),
    });
  }

  async revokeWaiver(
    id: string,
    revokedBy: string,
    revokedAt: Date,
  ): Promise<Waiver> {
    // The conditional update is the check: of two concurrent revocations only one matches.
    const updated = await this.db('waivers')
      .where({ id })
      .whereNull('revoked_at')
      .update({ revoked_by: revokedBy, revoked_at: revokedAt });
    const row = await this.db<WaiverRow>('waivers').where({ id }).first();
    if (!row) {
      throw new NotFoundError(`No waiver with id ${id}`);
    }
    if (updated === 0) {
      throw new ConflictError(
        `Waiver ${id} was already revoked by ${row.revoked_by} at ${toIso(
          row.revoked_at!,
        )}`,
      );
    }
    return rowToWaiver(row);
  }

  async listWaivers(entityRefs: string[]): Promise<Waiver[]> {
    const rows: WaiverRow[] = [];
    for (const batch of chunks(entityRefs)) {
      rows.push(
        ...(await this.db<WaiverRow>('waivers').whereIn('entity_ref', batch)),
      );
    }
    return rows
      .map(rowToWaiver)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async listTierChanges(entityRef: string): Promise<TierChange[]> {
    const rows = await this.db<TierChangeRow>('tier_changes')
      .where({ entity_ref: entityRef })
      .orderBy('id', 'asc');
    return rows.map(rowToChange);
  }
}

type FactRow = {
  entity_ref: string;
  name: string;
  source: string;
  value: string;
  observed_at: Date | string | number;
  received_at: Date | string | number;
};

type EntityResultsRow = {
  entity_ref: string;
  /** JSON array of CheckResult */
  results: string;
  written_at: Date | string | number;
};

/** One check that changed in an evaluation, as stored in a history row. */
type HistoryChange = Pick<CheckTransition, 'checkId' | 'state' | 'actual'>;

type HistoryRow = {
  entity_ref: string;
  /** JSON array of HistoryChange */
  changes: string;
  changed_at: Date | string | number;
};

type WaiverRow = {
  id: string;
  entity_ref: string;
  check_id: string;
  reason: string;
  expires_at: Date | string | number;
  created_by: string;
  created_at: Date | string | number;
  revoked_by: string | null;
  revoked_at: Date | string | number | null;
};

function rowToWaiver(row: WaiverRow): Waiver {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    expiresAt: toIso(row.expires_at),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    ...(row.revoked_at
      ? {
          revokedBy: row.revoked_by ?? undefined,
          revokedAt: toIso(row.revoked_at),
        }
      : {}),
  };
}

function rowToChange(row: TierChangeRow): TierChange {
  return {
    entityRef: row.entity_ref,
    fromTier: row.from_tier ?? undefined,
    toTier: row.to_tier ?? undefined,
    observedAt: toIso(row.observed_at),
  };
}
