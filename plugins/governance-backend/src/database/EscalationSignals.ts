import { DatabaseService } from '@backstage/backend-plugin-api';
import { CheckResult } from '@internal/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { chunks, migrate, toIso } from './util';

/**
 * A check failing now, and since when it has been failing without a break.
 *
 * @internal
 */
export interface FailingCheck {
  entityRef: string;
  tier: string;
  result: CheckResult;
  failingSince: string;
}

/** @internal */
export interface ObservedTierChange {
  id: string;
  entityRef: string;
  fromTier: string;
  toTier: string;
  observedAt: string;
}

/** @internal */
export interface ExpiredWaiverOnFailingCheck {
  waiverId: string;
  entityRef: string;
  checkId: string;
  reason: string;
  expiresAt: string;
}

/** @internal */
export interface ScopedAdr {
  id: string;
  entityRef: string;
  owner?: string;
  title: string;
  scope: string;
}

/**
 * Reads what the built-in escalation triggers watch from the stored scorecards, tiers, waivers
 * and ADRs: the triggers never re-run checks or re-read ADR files.
 *
 * @internal
 */
export class EscalationSignals {
  static async create(options: {
    database: DatabaseService;
  }): Promise<EscalationSignals> {
    return new EscalationSignals(await migrate(options.database));
  }

  constructor(private readonly db: Knex) {}

  /** Failing checks of tiered entities, optionally of some tiers and checks only. */
  async listFailingChecks(filter: {
    tiers?: string[];
    checkIds?: string[];
    excludeCheckIds?: string[];
  }): Promise<FailingCheck[]> {
    const rows: {
      entity_ref: string;
      check_id: string;
      result: string;
      tier: string;
    }[] = await this.db('check_results')
      .join(
        'entity_tiers',
        'entity_tiers.entity_ref',
        'check_results.entity_ref',
      )
      .where('check_results.state', 'fail')
      .modify(q => {
        if (filter.tiers) {
          q.whereIn('entity_tiers.tier', filter.tiers);
        }
        if (filter.checkIds) {
          q.whereIn('check_results.check_id', filter.checkIds);
        }
        if (filter.excludeCheckIds?.length) {
          q.whereNotIn('check_results.check_id', filter.excludeCheckIds);
        }
      })
      .select(
        'check_results.entity_ref',
        'check_results.check_id',
        'check_results.result',
        'entity_tiers.tier',
      );
    if (rows.length === 0) {
      return [];
    }
    // The failing run starts at the first `fail` transition after the last non-failing one.
    const since = new Map<string, string>();
    for (const batch of chunks([...new Set(rows.map(r => r.entity_ref))])) {
      const history: {
        entity_ref: string;
        check_id: string;
        state: string;
        changed_at: Date | string | number;
      }[] = await this.db('check_history')
        .whereIn('entity_ref', batch)
        .orderBy([
          { column: 'changed_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .select('entity_ref', 'check_id', 'state', 'changed_at');
      for (const h of history) {
        const key = `${h.entity_ref} ${h.check_id}`;
        if (h.state !== 'fail') {
          since.delete(key);
        } else if (!since.has(key)) {
          since.set(key, toIso(h.changed_at));
        }
      }
    }
    return rows.map(row => {
      const result: CheckResult = JSON.parse(row.result);
      return {
        entityRef: row.entity_ref,
        tier: row.tier,
        result,
        // Without history (pruned), the run is as old as the oldest thing we know: now.
        failingSince:
          since.get(`${row.entity_ref} ${row.check_id}`) ??
          new Date().toISOString(),
      };
    });
  }

  /** Changes from one tier to another observed at or after `since`. */
  async listTierChanges(since: Date): Promise<ObservedTierChange[]> {
    const rows: {
      id: number | string;
      entity_ref: string;
      from_tier: string;
      to_tier: string;
      observed_at: Date | string | number;
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
    const rows: {
      id: string;
      entity_ref: string;
      check_id: string;
      reason: string;
      expires_at: Date | string | number;
    }[] = await this.db('waivers')
      .join('check_results', join =>
        join
          .on('check_results.entity_ref', 'waivers.entity_ref')
          .andOn('check_results.check_id', 'waivers.check_id'),
      )
      .whereNull('waivers.revoked_at')
      .where('waivers.expires_at', '<=', now)
      .where('waivers.expires_at', '>=', since)
      .where('check_results.state', 'fail')
      .select(
        'waivers.id',
        'waivers.entity_ref',
        'waivers.check_id',
        'waivers.reason',
        'waivers.expires_at',
      );
    return rows.map(row => ({
      waiverId: row.id,
      entityRef: row.entity_ref,
      checkId: row.check_id,
      reason: row.reason,
      expiresAt: toIso(row.expires_at),
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
