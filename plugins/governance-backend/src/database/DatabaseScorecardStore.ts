import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import {
  evaluatedAtOf,
  EvaluatedEntityRow,
  FULL_PASS,
  FULL_READ_PASS,
  lastFullPass,
} from './evaluatedEntities';
import {
  EntityResultsRow,
  StampedRow,
  writeEvaluations,
} from './evaluationWrites';
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
} from './rollupTotals';
import {
  decodeHistoryChanges,
  HistoryRow,
  pruneScorecardHistory,
} from './scorecardHistory';
import { DbTimestamp, isoTimestampColumn, toIso } from './util';
import { among, deleteRowsAmong } from './writeRows';

/**
 * Deletes the entities' roll-up rows, counting them out of the totals; returns the refs that
 * had one.
 */
async function deleteCountedEntities(
  tx: Knex.Transaction,
  entityRefs: string[],
  totals: RollupTotalChanges,
): Promise<string[]> {
  const rows: (CountedEntityRow & { entity_ref: string })[] = await tx(
    'evaluated_entities',
  )
    .where(among(tx, 'entity_ref', entityRefs))
    .select('entity_ref', ...COUNTED_ENTITY_COLUMNS);
  for (const row of rows) {
    totals.countEntity(row, -1);
  }
  await deleteRowsAmong(tx, 'evaluated_entities', 'entity_ref', entityRefs);
  return rows.map(row => row.entity_ref);
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
    await writeEvaluations(this.db, page, evaluatedAt);
  }

  async getEvaluationStamps(
    entityRefs: string[],
  ): Promise<Map<string, EvaluationStamp>> {
    const stamps = new Map<string, EvaluationStamp>();
    if (!entityRefs.length) {
      return stamps;
    }
    // Every pass reads every entity's stamp: not parsed into a Date by the driver.
    const validUntil = isoTimestampColumn(this.db, 'inputs_valid_until');
    // One query, the refs as one parameter: a page of the change check's 5,000 etags took ten
    // round trips in batches, the last page's after the catalog had answered.
    const rows: Pick<
      StampedRow,
      'entity_ref' | 'input_hash' | 'inputs_valid_until' | 'catalog_etag'
    >[] = await this.db('evaluated_entities')
      .where(among(this.db, 'entity_ref', entityRefs))
      .whereNotNull('input_hash')
      .select('entity_ref', 'input_hash', validUntil.select, 'catalog_etag');
    for (const row of rows) {
      stamps.set(row.entity_ref, {
        inputHash: row.input_hash!,
        ...(row.inputs_valid_until !== null && {
          validUntil: new Date(validUntil.readIso(row.inputs_valid_until)),
        }),
        ...(row.catalog_etag !== null && { catalogEtag: row.catalog_etag }),
      });
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

  async removeResultsExcept(
    entityRefs: Set<string>,
    options?: { storedAmong?: Iterable<string> },
  ): Promise<number> {
    const stored = options?.storedAmong
      ? [...options.storedAmong]
      : (
          (await this.db
            .select('entity_ref')
            .from('entity_results')
            .union(qb =>
              qb.select('entity_ref').from('evaluated_entities'),
            )) as { entity_ref: string }[]
        ).map(r => r.entity_ref);
    const gone = stored.filter(ref => !entityRefs.has(ref));
    if (!gone.length) {
      // The usual pass: nobody left, so no transaction to open.
      return 0;
    }
    return this.db.transaction(async tx => {
      await lockRollupTotals(tx);
      const totals = new RollupTotalChanges();
      const tallies: Pick<EntityResultsRow, 'entity_ref' | 'tallies'>[] =
        await tx('entity_results')
          .where(among(tx, 'entity_ref', gone))
          .select('entity_ref', 'tallies');
      for (const row of tallies) {
        totals.countTallies(row.tallies, -1);
      }
      await deleteRowsAmong(tx, 'entity_results', 'entity_ref', gone);
      const counted = await deleteCountedEntities(tx, gone, totals);
      await totals.apply(tx);
      // `storedAmong` may name an entity never stored (new, and gone before its read): only
      // the entities that had rows count as removed.
      return new Set([...tallies.map(row => row.entity_ref), ...counted]).size;
    });
  }

  /**
   * Forgets history older than `before`, except each check's latest change before it (the
   * state it was in when the kept history starts), which stays with its own time.
   */
  async pruneHistory(before: Date): Promise<number> {
    return pruneScorecardHistory(this.db, before);
  }
}
