import { Knex } from 'knex';
import { FactStore, MeasuredFact } from './FactStore';
import { chunks, DbTimestamp, toIso } from './util';

type FactRow = {
  entity_ref: string;
  name: string;
  source: string;
  value: string;
  observed_at: DbTimestamp;
  received_at: DbTimestamp;
};

const DEFAULT_MAX_SOURCES_PER_FACT = 10;

/**
 * Knex implementation of {@link FactStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseFactStore implements FactStore {
  private readonly maxSourcesPerFact: number;

  constructor(
    private readonly db: Knex,
    options: {
      /** How many sources one entity's fact keeps at most (default 10). */
      maxSourcesPerFact?: number;
    } = {},
  ) {
    this.maxSourcesPerFact =
      options.maxSourcesPerFact ?? DEFAULT_MAX_SOURCES_PER_FACT;
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
    const toRow = (f: MeasuredFact) => ({
      entity_ref: f.entityRef,
      name: f.name,
      source: f.source,
      value: JSON.stringify(f.value),
      observed_at: new Date(f.observedAt),
      received_at: receivedAt,
    });
    const rows = [...latest.values()].map(toRow);
    // Every observation goes into the history, not only the latest of a batch.
    const observations = facts.map(toRow);
    await this.db.transaction(async tx => {
      for (const batch of chunks(observations)) {
        await tx('fact_history')
          .insert(batch)
          .onConflict(['entity_ref', 'name', 'source', 'observed_at'])
          .ignore();
      }
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

  async listFactEntityRefs(): Promise<string[]> {
    return this.db('facts').distinct().pluck('entity_ref');
  }

  async removeFacts(entityRefs: string[]): Promise<number> {
    let removed = 0;
    for (const batch of chunks(entityRefs)) {
      removed += await this.db('facts').whereIn('entity_ref', batch).delete();
      await this.db('fact_history').whereIn('entity_ref', batch).delete();
    }
    return removed;
  }

  async pruneFacts(before: Date): Promise<number> {
    await this.db('fact_history').where('observed_at', '<', before).delete();
    return this.db('facts').where('observed_at', '<', before).delete();
  }

  async getFactHistory(query: {
    entityRefs: string[];
    names: readonly string[];
    from: Date;
    to: Date;
  }): Promise<MeasuredFact[]> {
    const result: MeasuredFact[] = [];
    for (const batch of chunks(query.entityRefs)) {
      const rows = await this.db<FactRow>('fact_history')
        .whereIn('entity_ref', batch)
        .whereIn('name', [...query.names])
        .where('observed_at', '>=', query.from)
        .where('observed_at', '<', query.to)
        .orderBy('observed_at')
        .select('entity_ref', 'name', 'source', 'value', 'observed_at');
      for (const row of rows) {
        result.push({
          entityRef: row.entity_ref,
          name: row.name,
          source: row.source,
          value: JSON.parse(row.value),
          observedAt: toIso(row.observed_at),
        });
      }
    }
    return result.sort((a, b) => a.observedAt.localeCompare(b.observedAt));
  }
}
