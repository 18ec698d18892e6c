import { Knex } from 'knex';
import {
  EntityTierRecord,
  TierChange,
  TierObservation,
  TierStore,
} from './TierStore';
import { chunks, DbTimestamp, toIso } from './util';

type EntityTierRow = {
  entity_ref: string;
  tier: string;
  since: DbTimestamp;
  last_seen_at: DbTimestamp;
};

type TierChangeRow = {
  entity_ref: string;
  from_tier: string | null;
  to_tier: string | null;
  observed_at: DbTimestamp;
};

function rowToChange(row: TierChangeRow): TierChange {
  return {
    entityRef: row.entity_ref,
    fromTier: row.from_tier ?? undefined,
    toTier: row.to_tier ?? undefined,
    observedAt: toIso(row.observed_at),
  };
}

/**
 * Knex implementation of {@link TierStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseTierStore implements TierStore {
  constructor(private readonly db: Knex) {}

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

  async listTierChanges(entityRef: string): Promise<TierChange[]> {
    const rows = await this.db<TierChangeRow>('tier_changes')
      .where({ entity_ref: entityRef })
      .orderBy('id', 'asc');
    return rows.map(rowToChange);
  }
}
