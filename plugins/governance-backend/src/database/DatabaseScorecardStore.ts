import {
  CheckResult,
  CheckState,
  complianceCounts,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { COMPLIANCE_COUNT_COLUMNS } from './ComplianceStore';
import {
  evaluatedAtOf,
  EvaluatedEntityRow,
  FULL_PASS,
  FULL_READ_PASS,
  lastFullPass,
} from './evaluatedEntities';
import {
  CheckTransition,
  EntityEvaluation,
  EvaluationStamp,
  LevelChange,
  PassRecord,
  ScorecardStore,
} from './ScorecardStore';
import {
  COUNTED_ENTITY_COLUMNS,
  CountedEntityRow,
  lockRollupTotals,
  RollupTotalChanges,
  tallyOf,
} from './rollupTotals';
import {
  decodeHistoryChanges,
  encodeHistoryChanges,
  HistoryChange,
  HistoryRow,
  pruneScorecardHistory,
} from './scorecardHistory';
import {
  chunks,
  DbTimestamp,
  isoTimestampColumn,
  storedTitle,
  toIso,
} from './util';
import { among, deleteRowsAmong, writeRows } from './writeRows';

type EntityResultsRow = {
  entity_ref: string;
  /** JSON array of CheckResult */
  results: string;
  /** JSON array of [checkId, compliant 0|1, automated 0|1]: what the Standards tab counts */
  tallies: string;
  written_at: DbTimestamp;
};

const PLACEMENT_COLUMNS = [
  'title',
  'owner',
  'system',
  'domain',
  'tier',
  ...COMPLIANCE_COUNT_COLUMNS,
  'failing',
  'level',
  'dependency_mismatches',
] as const;

/** A roll-up row with the stamp that lets a later pass skip the entity. */
type StampedRow = EvaluatedEntityRow & {
  input_hash: string | null;
  inputs_valid_until: DbTimestamp | null;
  catalog_etag: string | null;
};

/** What a write reads of a stored roll-up row: to compare, keep and count it out of the totals. */
const STORED_PLACEMENT_COLUMNS = [
  'entity_ref',
  ...PLACEMENT_COLUMNS,
  'below_required_since',
  'input_hash',
  'inputs_valid_until',
  'catalog_etag',
] as const;

type StoredPlacement = Pick<
  StampedRow,
  (typeof STORED_PLACEMENT_COLUMNS)[number]
>;

const timeOf = (value: DbTimestamp | null) =>
  value === null ? null : new Date(value).getTime();

/** Whether a stored roll-up row already says what the new one would (its time aside). */
const samePlacement = (a: StoredPlacement, b: StoredPlacement) =>
  PLACEMENT_COLUMNS.every(column => a[column] === b[column]) &&
  a.input_hash === b.input_hash &&
  a.catalog_etag === b.catalog_etag &&
  timeOf(a.inputs_valid_until) === timeOf(b.inputs_valid_until);

/** The stored results and roll-up rows of the entities, read once for the whole write. */
async function readStored(tx: Knex.Transaction, entityRefs: string[]) {
  const results = new Map<
    string,
    Pick<EntityResultsRow, 'results' | 'tallies'>
  >();
  const placements = new Map<string, StoredPlacement>();
  const resultRows: Pick<
    EntityResultsRow,
    'entity_ref' | 'results' | 'tallies'
  >[] = await tx('entity_results')
    .where(among(tx, 'entity_ref', entityRefs))
    .select('entity_ref', 'results', 'tallies');
  for (const row of resultRows) {
    results.set(row.entity_ref, row);
  }
  const placementRows: StoredPlacement[] = await tx('evaluated_entities')
    .where(among(tx, 'entity_ref', entityRefs))
    .select(STORED_PLACEMENT_COLUMNS);
  for (const row of placementRows) {
    placements.set(row.entity_ref, row);
  }
  return { results, placements };
}

/** Deletes the entities' roll-up rows, counting them out of the totals. */
async function deleteCountedEntities(
  tx: Knex.Transaction,
  entityRefs: string[],
  totals: RollupTotalChanges,
) {
  const rows: CountedEntityRow[] = await tx('evaluated_entities')
    .where(among(tx, 'entity_ref', entityRefs))
    .select(COUNTED_ENTITY_COLUMNS);
  for (const row of rows) {
    totals.countEntity(row, -1);
  }
  await deleteRowsAmong(tx, 'evaluated_entities', 'entity_ref', entityRefs);
}

/**
 * Knex implementation of {@link ScorecardStore}, tested on SQLite and PostgreSQL. Storing an
 * evaluation also rewrites the entity's roll-up row, which the compliance views read.
 *
 * @internal
 */
export class DatabaseScorecardStore implements ScorecardStore {
  constructor(private readonly db: Knex) {}

  async storeEvaluations(
    page: EntityEvaluation[],
    evaluatedAt: Date,
  ): Promise<void> {
    // A page naming an entity twice keeps its last evaluation: one row per entity, counted
    // once in the running totals.
    const evaluations = [
      ...new Map(
        page.map(evaluation => [evaluation.entityRef, evaluation]),
      ).values(),
    ];
    if (!evaluations.length) {
      // A page whose entities were all skipped as unchanged: no transaction to open.
      return;
    }
    const results = new Map(
      evaluations.map(e => [e.entityRef, e.placement ? e.results : []]),
    );
    // '' records "no level reached", so a trend tells it apart from rows older than levels.
    const levels = new Map(
      evaluations.map(e => [
        e.entityRef,
        e.placement && e.level ? e.level.current ?? '' : null,
      ]),
    );
    const entityRefs = [...results.keys()];
    await this.db.transaction(async tx => {
      // Before reading what the totals change from: see lockRollupTotals.
      await lockRollupTotals(tx);
      const totals = new RollupTotalChanges();
      // The rows the totals change from, read after the lock.
      const stored = await readStored(tx, entityRefs);

      // Only entities whose results changed are written; a re-evaluation that changes nothing
      // costs reads plus one timestamp update per batch of entities.
      const changed: EntityResultsRow[] = [];
      const emptied: string[] = [];
      const history: HistoryRow[] = [];
      for (const [entityRef, checks] of results) {
        const serialized = JSON.stringify(checks);
        const before = stored.results.get(entityRef)?.results;
        const level = levels.get(entityRef) ?? null;
        if (before === serialized || (!before && checks.length === 0)) {
          // Same results, new level: the level config changed, and the trend shows it.
          if (
            before &&
            level !== null &&
            level !== (stored.placements.get(entityRef)?.level ?? '')
          ) {
            history.push({
              entity_ref: entityRef,
              changes: '[]',
              level,
              changed_at: evaluatedAt,
            });
          }
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
            changes: encodeHistoryChanges(changes),
            level,
            changed_at: evaluatedAt,
          });
        }
        totals.countTallies(stored.results.get(entityRef)?.tallies, -1);
        if (checks.length) {
          const tallies = checks.map(tallyOf);
          totals.countTallies(tallies, 1);
          changed.push({
            entity_ref: entityRef,
            results: serialized,
            tallies: JSON.stringify(tallies),
            written_at: evaluatedAt,
          });
        } else {
          emptied.push(entityRef);
        }
      }

      await deleteRowsAmong(tx, 'entity_results', 'entity_ref', emptied);
      await writeRows(tx, {
        table: 'entity_results',
        rows: changed,
        onConflict: { key: 'entity_ref' },
        jsonText: ['results', 'tallies'],
      });
      // When the entity was last evaluated is kept once per entity, in evaluated_entities, so
      // an unchanged pass does not rewrite its results.
      await writeRows(tx, {
        table: 'scorecard_history',
        rows: history,
        jsonText: ['changes'],
      });
      await this.storePlacements(
        tx,
        { evaluations, evaluatedAt, stored: stored.placements },
        totals,
      );
      await totals.apply(tx);
    });
  }

  /** Rewrites the roll-up rows of the evaluated entities; untiered ones lose theirs. */
  private async storePlacements(
    tx: Knex.Transaction,
    write: {
      evaluations: EntityEvaluation[];
      evaluatedAt: Date;
      /** The entities' stored roll-up rows, read under the totals' lock. */
      stored: Map<string, StoredPlacement>;
    },
    totals: RollupTotalChanges,
  ) {
    const { evaluations, evaluatedAt, stored } = write;
    const rows: StampedRow[] = [];
    const untiered: string[] = [];
    for (const {
      entityRef,
      placement,
      results,
      dependencyMismatches,
      level,
      inputHash,
      inputsValidUntil,
      catalogEtag,
    } of evaluations) {
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
        title: storedTitle(placement.title),
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
        dependency_mismatches: dependencyMismatches ?? 0,
        evaluated_at: evaluatedAt,
        level: level?.current ?? null,
        // Kept from the stored row while the entity stays below (see below).
        below_required_since:
          level && !level.meetsRequired ? evaluatedAt : null,
        input_hash: inputHash ?? null,
        inputs_valid_until: inputsValidUntil ?? null,
        // Written with the hash, so the etag always names the version these results are of.
        catalog_etag: catalogEtag ?? null,
      });
    }
    const gone = untiered.filter(entityRef => stored.has(entityRef));
    for (const entityRef of gone) {
      totals.countEntity(stored.get(entityRef)!, -1);
    }
    await deleteRowsAmong(tx, 'evaluated_entities', 'entity_ref', gone);
    // Rows that only need the new time get one UPDATE instead of an upsert each.
    const unchanged: string[] = [];
    const changed: StampedRow[] = [];
    for (const row of rows) {
      const before = stored.get(row.entity_ref);
      // The stretch below the required level started at its first evaluation below it.
      if (before?.below_required_since && row.below_required_since) {
        row.below_required_since = before.below_required_since;
      }
      if (
        before &&
        samePlacement(before, row) &&
        !before.below_required_since === !row.below_required_since
      ) {
        unchanged.push(row.entity_ref);
      } else {
        if (before) {
          totals.countEntity(before, -1);
        }
        totals.countEntity(row, 1);
        changed.push(row);
      }
    }
    if (unchanged.length) {
      await tx('evaluated_entities')
        .where(among(tx, 'entity_ref', unchanged))
        .update({ evaluated_at: evaluatedAt });
    }
    await writeRows(tx, {
      table: 'evaluated_entities',
      rows: changed,
      onConflict: { key: 'entity_ref' },
    });
  }

  async getEvaluationStamps(
    entityRefs: string[],
  ): Promise<Map<string, EvaluationStamp>> {
    const stamps = new Map<string, EvaluationStamp>();
    // Every pass reads every entity's stamp: read as text, not parsed into a Date by the driver.
    const validUntil = isoTimestampColumn(this.db, 'inputs_valid_until');
    for (const batch of chunks(entityRefs)) {
      const rows: Pick<
        StampedRow,
        'entity_ref' | 'input_hash' | 'inputs_valid_until' | 'catalog_etag'
      >[] = await this.db('evaluated_entities')
        .whereIn('entity_ref', batch)
        .whereNotNull('input_hash')
        .select('entity_ref', 'input_hash', validUntil.select, 'catalog_etag');
      for (const row of rows) {
        stamps.set(row.entity_ref, {
          inputHash: row.input_hash!,
          ...(row.inputs_valid_until !== null && {
            validUntil: new Date(row.inputs_valid_until),
          }),
          ...(row.catalog_etag !== null && { catalogEtag: row.catalog_etag }),
        });
      }
    }
    return stamps;
  }

  async markAllEvaluated(
    evaluatedAt: Date,
    pass?: { inputsDigest: string; fullRead: boolean },
  ): Promise<void> {
    // One row, whatever the number of entities: see migration 20261209010000. A pass that
    // read every entity in full also moves the row that says when one last did.
    const digest = pass?.inputsDigest ?? null;
    await this.db('scorecard_passes')
      .insert([
        { name: FULL_PASS, evaluated_at: evaluatedAt, inputs_digest: digest },
        ...(pass?.fullRead
          ? [
              {
                name: FULL_READ_PASS,
                evaluated_at: evaluatedAt,
                inputs_digest: null,
              },
            ]
          : []),
      ])
      .onConflict('name')
      .merge()
      .where('scorecard_passes.evaluated_at', '<', evaluatedAt);
  }

  async countEvaluatedEntities(): Promise<number> {
    const [{ count }] = await this.db('evaluated_entities').count({
      count: '*',
    });
    return Number(count);
  }

  async getLastPass(): Promise<PassRecord | undefined> {
    const rows: Array<{
      name: string;
      evaluated_at: DbTimestamp;
      inputs_digest: string | null;
    }> = await this.db('scorecard_passes')
      .whereIn('name', [FULL_PASS, FULL_READ_PASS])
      .select('name', 'evaluated_at', 'inputs_digest');
    const pass = rows.find(row => row.name === FULL_PASS);
    const fullRead = rows.find(row => row.name === FULL_READ_PASS);
    return (
      pass && {
        evaluatedAt: new Date(pass.evaluated_at),
        ...(pass.inputs_digest !== null && {
          inputsDigest: pass.inputs_digest,
        }),
        ...(fullRead && { fullReadAt: new Date(fullRead.evaluated_at) }),
      }
    );
  }

  async recordCatalogEtags(
    stamps: Array<{
      entityRef: string;
      inputHash: string;
      catalogEtag: string | null;
    }>,
  ): Promise<void> {
    // Few per pass (the entities whose etag moved but whose inputs did not), one update each.
    for (const { entityRef, inputHash, catalogEtag } of stamps) {
      await this.db('evaluated_entities')
        .where({ entity_ref: entityRef, input_hash: inputHash })
        .update({ catalog_etag: catalogEtag });
    }
  }

  async getResults(
    entityRef: string,
  ): Promise<{ results: CheckResult[]; evaluatedAt: string } | undefined> {
    const stored = await this.getResultsAndOwner(entityRef);
    return (
      stored && { results: stored.results, evaluatedAt: stored.evaluatedAt }
    );
  }

  async getResultsAndOwner(
    entityRef: string,
  ): Promise<
    { results: CheckResult[]; evaluatedAt: string; owner?: string } | undefined
  > {
    // One round trip: every entity page reads this.
    const row:
      | (Pick<EntityResultsRow, 'results' | 'written_at'> &
          Partial<Pick<EvaluatedEntityRow, 'evaluated_at' | 'owner'>> & {
            pass_evaluated_at: DbTimestamp | null;
          })
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
        'evaluated_entities.owner',
        lastFullPass(this.db).as('pass_evaluated_at'),
      );
    if (!row) {
      return undefined;
    }
    return {
      results: JSON.parse(row.results),
      evaluatedAt: toIso(
        row.evaluated_at
          ? evaluatedAtOf(row.evaluated_at, row.pass_evaluated_at)
          : row.written_at,
      ),
      ...(row.owner ? { owner: row.owner } : {}),
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
      decodeHistoryChanges(row.changes).map(change => ({
        entityRef: row.entity_ref,
        checkId: change.checkId,
        state: change.state,
        actual: change.actual,
        changedAt: toIso(row.changed_at),
      })),
    );
  }

  async listLevelChanges(entityRef: string): Promise<LevelChange[]> {
    const rows: Pick<HistoryRow, 'level' | 'changed_at'>[] = await this.db(
      'scorecard_history',
    )
      .where({ entity_ref: entityRef })
      .whereNotNull('level')
      .orderBy([
        { column: 'changed_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select('level', 'changed_at');
    return rows.map(row => ({
      level: row.level || null,
      changedAt: toIso(row.changed_at),
    }));
  }

  async removeResultsExcept(entityRefs: Set<string>): Promise<number> {
    const stored: { entity_ref: string }[] = await this.db
      .select('entity_ref')
      .from('entity_results')
      .union(qb => qb.select('entity_ref').from('evaluated_entities'));
    const gone = stored
      .map(r => r.entity_ref)
      .filter(ref => !entityRefs.has(ref));
    if (!gone.length) {
      // The usual pass: nobody left, so no transaction to open.
      return 0;
    }
    await this.db.transaction(async tx => {
      await lockRollupTotals(tx);
      const totals = new RollupTotalChanges();
      const tallies: Pick<EntityResultsRow, 'tallies'>[] = await tx(
        'entity_results',
      )
        .where(among(tx, 'entity_ref', gone))
        .select('tallies');
      for (const row of tallies) {
        totals.countTallies(row.tallies, -1);
      }
      await deleteRowsAmong(tx, 'entity_results', 'entity_ref', gone);
      await deleteCountedEntities(tx, gone, totals);
      await totals.apply(tx);
    });
    return gone.length;
  }

  /**
   * Forgets history older than `before`, except each check's latest change before it (the
   * state it was in when the kept history starts), which stays with its own time.
   */
  async pruneHistory(before: Date): Promise<number> {
    return pruneScorecardHistory(this.db, before);
  }
}
