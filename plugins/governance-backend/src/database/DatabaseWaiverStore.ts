import { ConflictError, NotFoundError } from '@backstage/errors';
import { Waiver } from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { DbTimestamp, toIso } from './util';
import { among } from './writeRows';
import { WaiverStore } from './WaiverStore';

type WaiverRow = {
  id: string;
  entity_ref: string;
  check_id: string;
  reason: string;
  expires_at: DbTimestamp;
  created_by: string;
  created_at: DbTimestamp;
  revoked_by: string | null;
  revoked_at: DbTimestamp | null;
  review_id: string | null;
  review_number: number | null;
  adr: string | null;
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
    ...(row.review_id
      ? { review: { id: row.review_id, number: Number(row.review_number) } }
      : {}),
    ...(row.adr ? { adr: row.adr } : {}),
    ...(row.revoked_at
      ? {
          revokedBy: row.revoked_by ?? undefined,
          revokedAt: toIso(row.revoked_at),
        }
      : {}),
  };
}

/**
 * Knex implementation of {@link WaiverStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseWaiverStore implements WaiverStore {
  constructor(private readonly db: Knex) {}

  async createWaiver(waiver: Waiver): Promise<void> {
    await this.db('waivers').insert({
      id: waiver.id,
      entity_ref: waiver.entityRef,
      check_id: waiver.checkId,
      reason: waiver.reason,
      expires_at: new Date(waiver.expiresAt),
      created_by: waiver.createdBy,
      created_at: new Date(waiver.createdAt),
      review_id: waiver.review?.id ?? null,
      review_number: waiver.review?.number ?? null,
      adr: waiver.adr ?? null,
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
    if (!entityRefs.length) {
      return [];
    }
    // Every evaluated page reads its entities' waivers: their refs as one parameter.
    const rows: WaiverRow[] = await this.db<WaiverRow>('waivers').where(
      among(this.db, 'entity_ref', entityRefs),
    );
    return rows
      .map(rowToWaiver)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async listWaiverChangesSince(since: Date): Promise<string[]> {
    // Waivers are never deleted: a grant and a revocation each leave their time.
    return this.db('waivers')
      .where('created_at', '>=', since)
      .orWhere('revoked_at', '>=', since)
      .distinct()
      .pluck('entity_ref');
  }
}
