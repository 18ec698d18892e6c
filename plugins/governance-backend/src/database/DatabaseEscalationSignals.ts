import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import {
  BelowRequiredLevel,
  EscalationSignals,
  ExpiredWaiverOnFailingCheck,
  FailingCheck,
  ObservedTierChange,
  ScopedAdr,
} from './EscalationSignals';
import { decodeHistoryChanges } from './scorecardHistory';
import { chunks, DbTimestamp, toIso } from './util';

/**
 * Knex implementation of {@link EscalationSignals}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseEscalationSignals implements EscalationSignals {
  constructor(private readonly db: Knex) {}

  /** Failing checks of evaluated entities, optionally of some tiers and checks only. */
  async listFailingChecks(filter: {
    tiers?: string[];
    checkIds?: string[];
    excludeCheckIds?: string[];
  }): Promise<FailingCheck[]> {
    const entities: { entity_ref: string; tier: string; failing: string }[] =
      await this.db('evaluated_entities')
        .whereNot('failing', '[]')
        .modify(q => {
          if (filter.tiers) {
            q.whereIn('tier', filter.tiers);
          }
        })
        .select('entity_ref', 'tier', 'failing');
    const wanted = (checkId: string) =>
      (!filter.checkIds || filter.checkIds.includes(checkId)) &&
      !filter.excludeCheckIds?.includes(checkId);
    const failingEntities = entities.filter(e =>
      (JSON.parse(e.failing) as string[]).some(wanted),
    );
    const failing: FailingCheck[] = [];
    for (const batch of chunks(failingEntities)) {
      const tiers = new Map(batch.map(e => [e.entity_ref, e.tier]));
      const refs = [...tiers.keys()];
      // The failing run starts at the first `fail` change after the last non-failing one.
      const since = new Map<string, string>();
      const history: {
        entity_ref: string;
        changes: string;
        changed_at: DbTimestamp;
      }[] = await this.db('scorecard_history')
        .whereIn('entity_ref', refs)
        .orderBy([
          { column: 'changed_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .select('entity_ref', 'changes', 'changed_at');
      for (const row of history) {
        for (const change of decodeHistoryChanges(row.changes)) {
          const key = `${row.entity_ref} ${change.checkId}`;
          if (change.state !== 'fail') {
            since.delete(key);
          } else if (!since.has(key)) {
            since.set(key, toIso(row.changed_at));
          }
        }
      }
      const results: { entity_ref: string; results: string }[] = await this.db(
        'entity_results',
      )
        .whereIn('entity_ref', refs)
        .select('entity_ref', 'results');
      for (const row of results) {
        for (const result of JSON.parse(row.results) as CheckResult[]) {
          if (result.state === 'fail' && wanted(result.checkId)) {
            failing.push({
              entityRef: row.entity_ref,
              tier: tiers.get(row.entity_ref)!,
              result,
              // Without history (pruned), the run is as old as the oldest thing we know: now.
              failingSince:
                since.get(`${row.entity_ref} ${result.checkId}`) ??
                new Date().toISOString(),
            });
          }
        }
      }
    }
    return failing;
  }

  /** Changes from one tier to another observed at or after `since`. */
  async listTierChanges(since: Date): Promise<ObservedTierChange[]> {
    const rows: {
      id: number | string;
      entity_ref: string;
      from_tier: string;
      to_tier: string;
      observed_at: DbTimestamp;
    }[] = await this.db('tier_changes')
      .whereNotNull('from_tier')
      .whereNotNull('to_tier')
      .where('observed_at', '>=', since)
      .orderBy('id', 'asc');
    return rows.map(row => ({
      id: String(row.id),
      entityRef: row.entity_ref,
      fromTier: row.from_tier,
      toTier: row.to_tier,
      observedAt: toIso(row.observed_at),
    }));
  }

  /**
   * Waivers that expired between `since` and `now`, not revoked, whose check fails now (no
   * other waiver covers it, or it would be `waived`).
   */
  async listExpiredWaiversOnFailingChecks(
    since: Date,
    now: Date,
  ): Promise<ExpiredWaiverOnFailingCheck[]> {
    const waivers: {
      id: string;
      entity_ref: string;
      check_id: string;
      reason: string;
      expires_at: DbTimestamp;
    }[] = await this.db('waivers')
      .whereNull('revoked_at')
      .where('expires_at', '<=', now)
      .where('expires_at', '>=', since)
      .select('id', 'entity_ref', 'check_id', 'reason', 'expires_at');
    const failing = new Map<string, string[]>();
    for (const batch of chunks([...new Set(waivers.map(w => w.entity_ref))])) {
      const rows: { entity_ref: string; failing: string }[] = await this.db(
        'evaluated_entities',
      )
        .whereIn('entity_ref', batch)
        .select('entity_ref', 'failing');
      for (const row of rows) {
        failing.set(row.entity_ref, JSON.parse(row.failing));
      }
    }
    return waivers
      .filter(w => failing.get(w.entity_ref)?.includes(w.check_id))
      .map(row => ({
        waiverId: row.id,
        entityRef: row.entity_ref,
        checkId: row.check_id,
        reason: row.reason,
        expiresAt: toIso(row.expires_at),
      }));
  }

  /** Evaluated entities below the level their tier requires. */
  async listBelowRequiredLevel(): Promise<BelowRequiredLevel[]> {
    const rows: {
      entity_ref: string;
      tier: string;
      level: string | null;
      below_required_since: DbTimestamp;
    }[] = await this.db('evaluated_entities')
      .whereNotNull('below_required_since')
      .orderBy('entity_ref')
      .select('entity_ref', 'tier', 'level', 'below_required_since');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      tier: row.tier,
      level: row.level,
      belowSince: toIso(row.below_required_since),
    }));
  }

  /** Proposed and accepted ADRs that declare a decision scope. */
  async listScopedAdrs(): Promise<ScopedAdr[]> {
    const rows: {
      id: string;
      entity_ref: string;
      owner: string | null;
      title: string;
      scope: string;
    }[] = await this.db('adrs')
      .whereNotNull('scope')
      .whereIn('status', ['proposed', 'accepted'])
      .select('id', 'entity_ref', 'owner', 'title', 'scope');
    return rows.map(row => ({
      id: row.id,
      entityRef: row.entity_ref,
      owner: row.owner ?? undefined,
      title: row.title,
      scope: row.scope,
    }));
  }
}
