import {
  CheckResult,
  CheckState,
  complianceCounts,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { COMPLIANCE_COUNT_COLUMNS } from './ComplianceStore';
import { EvaluatedEntityRow } from './evaluatedEntities';
import { EntityEvaluation } from './ScorecardStore';
import { lockRollupTotals, RollupTotalChanges, tallyOf } from './rollupTotals';
import {
  encodeHistoryChanges,
  HistoryChange,
  HistoryRow,
} from './scorecardHistory';
import { DbTimestamp, storedTitle } from './util';
import { among, deleteRowsAmong, rowTimestamps, writeRows } from './writeRows';

// How DatabaseScorecardStore writes a page of evaluations: the results, their history and the
// roll-up rows, compared with what is stored so an unchanged re-evaluation writes little. Kept
// apart from the store's reads so each reads in one sitting.

export type EntityResultsRow = {
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
export type StampedRow = EvaluatedEntityRow & {
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

/**
 * Stores a page of evaluations in one transaction: the results that changed, their history, and
 * each entity's roll-up row, with the running totals the compliance views read moved to match.
 */
export async function writeEvaluations(
  db: Knex,
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
  await db.transaction(async tx => {
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
        if (!was || was.state !== check.state || was.actual !== check.actual) {
          const { checkId, state, actual } = check;
          // Every check of every entity on a first pass: no object spread in for `actual`.
          changes.push(
            actual === undefined
              ? { checkId, state }
              : { checkId, state, actual },
          );
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
    await writePlacements(
      tx,
      { evaluations, evaluatedAt, stored: stored.placements },
      totals,
    );
    await totals.apply(tx);
  });
}

/** Rewrites the roll-up rows of the evaluated entities; untiered ones lose theirs. */
async function writePlacements(
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
  // Times as the write sends them, each converted once: every row has one or two.
  const timestamp = rowTimestamps(tx);
  const at = timestamp(evaluatedAt);
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
    // Every state from 0: each entity's counts share one shape, instead of gaining keys in
    // whatever order its results come in.
    const states: Record<CheckState, number> = {
      pass: 0,
      fail: 0,
      warn: 0,
      unknown: 0,
      waived: 0,
    };
    for (const result of results) {
      states[result.state] += 1;
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
      evaluated_at: at,
      level: level?.current ?? null,
      // Kept from the stored row while the entity stays below (see below).
      below_required_since: level && !level.meetsRequired ? at : null,
      input_hash: inputHash ?? null,
      inputs_valid_until: inputsValidUntil ? timestamp(inputsValidUntil) : null,
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
