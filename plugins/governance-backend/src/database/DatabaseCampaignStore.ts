import {
  CampaignDay,
  CampaignState,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  CampaignChanges,
  CampaignFields,
  CampaignOccasion,
  CampaignRecord,
  CampaignStore,
  PlacedEntity,
} from './CampaignStore';
import { chunks, DbTimestamp, toIso } from './util';

interface CampaignRow {
  id: string;
  title: string;
  description: string;
  link: string | null;
  checks: string;
  target: string;
  deadline: string;
  state: string;
  created_by: string;
  created_at: DbTimestamp;
  updated_at: DbTimestamp;
  revision: number | string;
}

function toRecord(row: CampaignRow): CampaignRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    ...(row.link && { link: row.link }),
    checks: JSON.parse(row.checks),
    target: JSON.parse(row.target),
    deadline: row.deadline,
    state: row.state as CampaignState,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    revision: Number(row.revision),
  };
}

/**
 * The knex implementation of {@link CampaignStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseCampaignStore implements CampaignStore {
  constructor(private readonly db: Knex) {}

  async createCampaign(
    fields: CampaignFields,
    createdBy: string,
    now: Date,
  ): Promise<CampaignRecord> {
    const id = randomUUID();
    await this.db('campaigns').insert({
      id,
      title: fields.title,
      description: fields.description,
      link: fields.link ?? null,
      checks: JSON.stringify(fields.checks),
      target: JSON.stringify(fields.target),
      deadline: fields.deadline,
      state: 'active',
      created_by: createdBy,
      created_at: now,
      updated_at: now,
      revision: 1,
    });
    return (await this.getCampaign(id))!;
  }

  async getCampaign(id: string): Promise<CampaignRecord | undefined> {
    const row = await this.db<CampaignRow>('campaigns').where({ id }).first();
    return row && toRecord(row);
  }

  async listCampaigns(state: CampaignState | 'all'): Promise<CampaignRecord[]> {
    const query = this.db<CampaignRow>('campaigns').orderBy([
      'deadline',
      'title',
      'id',
    ]);
    if (state !== 'all') {
      query.where({ state });
    }
    return (await query).map(toRecord);
  }

  async updateCampaign(
    id: string,
    revision: number,
    changes: CampaignChanges,
    now: Date,
  ): Promise<CampaignRecord | undefined> {
    const columns: Record<string, unknown> = {
      updated_at: now,
      revision: revision + 1,
    };
    for (const key of ['title', 'description', 'deadline', 'state'] as const) {
      if (changes[key] !== undefined) {
        columns[key] = changes[key];
      }
    }
    if (changes.link !== undefined) {
      columns.link = changes.link || null;
    }
    if (changes.checks) {
      columns.checks = JSON.stringify(changes.checks);
    }
    if (changes.target) {
      columns.target = JSON.stringify(changes.target);
    }
    // The revision in the WHERE makes a concurrent edit lose instead of overwrite.
    const updated = await this.db('campaigns')
      .where({ id, revision })
      .update(columns);
    return updated ? this.getCampaign(id) : undefined;
  }

  async listPlacedEntities(
    entityRefs?: string[],
    selects?: (entity: Omit<PlacedEntity, 'results'>) => boolean,
  ): Promise<PlacedEntity[]> {
    const rows: {
      entity_ref: string;
      owner: string | null;
      system: string | null;
      domain: string | null;
      tier: string;
      results: string;
    }[] = await this.db('evaluated_entities as e')
      .join('entity_results as r', 'r.entity_ref', 'e.entity_ref')
      .select('e.entity_ref', 'owner', 'system', 'domain', 'tier', 'results')
      .modify(query => {
        if (entityRefs) {
          query.whereIn('e.entity_ref', entityRefs);
        }
      })
      .orderBy('e.entity_ref');
    return rows.flatMap(row => {
      const placement = {
        entityRef: row.entity_ref,
        ...(row.owner && { owner: row.owner }),
        ...(row.system && { system: row.system }),
        ...(row.domain && { domain: row.domain }),
        tier: row.tier,
      };
      return !selects || selects(placement)
        ? [{ ...placement, results: JSON.parse(row.results) }]
        : [];
    });
  }

  async recordProgress(
    campaignId: string,
    day: string,
    byOwner: { owner: string; done: number; notDone: number }[],
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('campaign_progress')
        .where({ campaign_id: campaignId, day })
        .delete();
      for (const rows of chunks(byOwner)) {
        await tx('campaign_progress').insert(
          rows.map(row => ({
            campaign_id: campaignId,
            day,
            owner: row.owner,
            done: row.done,
            not_done: row.notDone,
          })),
        );
      }
    });
  }

  async getProgressHistory(campaignId: string): Promise<CampaignDay[]> {
    const rows: {
      day: string;
      done: number | string;
      not_done: number | string;
    }[] = await this.db('campaign_progress')
      .where({ campaign_id: campaignId })
      .groupBy('day')
      .orderBy('day')
      .select('day')
      .sum({ done: 'done', not_done: 'not_done' });
    return rows.map(row => ({
      day: row.day,
      done: Number(row.done),
      notDone: Number(row.not_done),
    }));
  }

  async listClaimedNotifications(
    campaignId: string,
  ): Promise<Array<{ owner: string; occasion: CampaignOccasion }>> {
    return this.db('campaign_notifications')
      .where({ campaign_id: campaignId })
      .select('owner', 'occasion');
  }

  async claimNotification(
    campaignId: string,
    owner: string,
    occasion: CampaignOccasion,
    now: Date,
  ): Promise<boolean> {
    const inserted = await this.db('campaign_notifications')
      .insert({ campaign_id: campaignId, owner, occasion, sent_at: now })
      .onConflict(['campaign_id', 'owner', 'occasion'])
      .ignore()
      .returning('owner');
    return inserted.length > 0;
  }
}
