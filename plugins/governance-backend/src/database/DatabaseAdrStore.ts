import { createHash } from 'node:crypto';
import {
  AdrChainLink,
  AdrDetail,
  AdrIndexPage,
  AdrIndexQuery,
  AdrSummary,
  Retrospective,
  RetrospectiveOutcomes,
  RetrospectivePolicy,
  retrospectiveState,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { graphLinkRows, readChains } from './adrGraph';
import { matchingAdrs, orderedAdrs } from './adrIndexQuery';
import {
  AdrRow,
  LocationRow,
  toAdrRow,
  toAdrSummaries,
  toLocation,
} from './adrRows';
import {
  listRetrospectiveOutcomes,
  RetrospectiveRow,
  toRetrospective,
} from './retrospectiveOutcomes';
import { AdrLocationRecord, AdrStore, StoredAdr } from './AdrStore';
import { chunks, HiddenEntities, readPage, toIso } from './util';

export { locationStatus } from './AdrStore';
export type { AdrLocationRecord, StoredAdr } from './AdrStore';

/**
 * Knex implementation of {@link AdrStore}, tested on SQLite and PostgreSQL.
 * Retrospective due dates are stored with each ADR so the index can filter on them in SQL.
 *
 * @internal
 */
export class DatabaseAdrStore implements AdrStore {
  private readonly policy: RetrospectivePolicy;
  private readonly staleAfterMonths: number;

  constructor(
    private readonly db: Knex,
    options: {
      policy: RetrospectivePolicy;
      /** From `governance.adrs.staleAfterMonths`: when an accepted ADR is `stale`. */
      staleAfterMonths?: number;
    },
  ) {
    this.policy = options.policy;
    this.staleAfterMonths = options.staleAfterMonths ?? 12;
  }

  async recomputeRetrospectiveDates(): Promise<void> {
    const rows: Pick<
      AdrRow,
      'id' | 'date' | 'retrospective_due_at' | 'retrospective_overdue_at'
    >[] = await this.db('adrs')
      .where({ status: 'accepted' })
      .whereNotNull('date')
      .select('id', 'date', 'retrospective_due_at', 'retrospective_overdue_at');
    await this.db.transaction(async tx => {
      for (const row of rows) {
        const state = retrospectiveState(
          { status: 'accepted', date: row.date! },
          { recorded: false, now: new Date(0), policy: this.policy },
        );
        if (
          state.dueAt !== row.retrospective_due_at ||
          state.overdueAt !== row.retrospective_overdue_at
        ) {
          await tx('adrs').where({ id: row.id }).update({
            retrospective_due_at: state.dueAt,
            retrospective_overdue_at: state.overdueAt,
          });
        }
      }
    });
  }

  async getLocation(entityRef: string): Promise<AdrLocationRecord | undefined> {
    const row = await this.db<LocationRow>('adr_locations')
      .where({ entity_ref: entityRef })
      .first();
    return row && toLocation(row);
  }

  async listLocationRefs(): Promise<string[]> {
    return (await this.db('adr_locations').select('entity_ref')).map(
      (r: { entity_ref: string }) => r.entity_ref,
    );
  }

  /** Records a reading that failed: the ADRs read before stay, the reason is shown with them. */
  async recordLocationError(
    entityRef: string,
    url: string,
    error: string,
    readAt: Date,
  ): Promise<void> {
    await this.db('adr_locations')
      .insert({
        entity_ref: entityRef,
        url,
        etag: null,
        status: 'error',
        error: error.slice(0, 2000),
        read_at: readAt,
      })
      .onConflict('entity_ref')
      .merge();
  }

  /** Records a reading that found the location unchanged since its ETag. */
  async touchLocation(entityRef: string, readAt: Date): Promise<void> {
    await this.db('adr_locations')
      .where({ entity_ref: entityRef })
      .update({ status: 'ok', error: null, read_at: readAt });
  }

  /** Replaces the entity's ADRs with a complete new reading, in one transaction. */
  async replaceAdrs(options: {
    entityRef: string;
    url: string;
    etag?: string;
    adrs: StoredAdr[];
    readAt: Date;
  }): Promise<void> {
    const { entityRef, url, etag, adrs, readAt } = options;
    await this.db.transaction(async tx => {
      await tx('adrs').where({ entity_ref: entityRef }).delete();
      await tx('adr_links').where({ entity_ref: entityRef }).delete();
      for (const batch of chunks(
        adrs.map(adr => toAdrRow(adr, this.policy)),
        100,
      )) {
        await tx('adrs').insert(batch);
      }
      for (const batch of chunks(adrs.flatMap(graphLinkRows), 100)) {
        await tx('adr_links').insert(batch);
      }
      await tx('adr_locations')
        .insert({
          entity_ref: entityRef,
          url,
          etag: etag ?? null,
          status: 'ok',
          error: null,
          read_at: readAt,
        })
        .onConflict('entity_ref')
        .merge();
    });
  }

  /** Forgets the ADRs of entities that no longer name a location; retrospectives stay. */
  async removeLocationsExcept(entityRefs: Set<string>): Promise<number> {
    const gone = (await this.listLocationRefs()).filter(
      ref => !entityRefs.has(ref),
    );
    await this.db.transaction(async tx => {
      for (const batch of chunks(gone)) {
        await tx('adrs').whereIn('entity_ref', batch).delete();
        await tx('adr_links').whereIn('entity_ref', batch).delete();
        await tx('adr_locations').whereIn('entity_ref', batch).delete();
      }
    });
    return gone.length;
  }

  async listEntityAdrs(entityRef: string, now: Date): Promise<AdrSummary[]> {
    const rows = await this.db<AdrRow>('adrs')
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'number', order: 'asc' },
        { column: 'path', order: 'asc' },
      ]);
    return toAdrSummaries(this.db, rows, now, this.policy);
  }

  async listAcceptedAdrTexts(
    entityRefs: string[],
  ): Promise<Map<string, string[]>> {
    const texts = new Map<string, string[]>();
    for (const batch of chunks(entityRefs)) {
      const rows: Pick<AdrRow, 'entity_ref' | 'title' | 'body'>[] =
        await this.db<AdrRow>('adrs')
          .whereIn('entity_ref', batch)
          .where({ status: 'accepted' })
          .select('entity_ref', 'title', 'body');
      for (const row of rows) {
        texts.set(row.entity_ref, [
          ...(texts.get(row.entity_ref) ?? []),
          `${row.title}\n${row.body}`,
        ]);
      }
    }
    return texts;
  }

  async adrLocationsDigest(): Promise<string> {
    const rows: Array<
      Pick<LocationRow, 'entity_ref' | 'url' | 'etag' | 'status' | 'read_at'>
    > = await this.db('adr_locations')
      .orderBy('entity_ref')
      .select('entity_ref', 'url', 'etag', 'status', 'read_at');
    const hash = createHash('sha256');
    for (const row of rows) {
      // An unchanged ETag means the same ADRs only at the same URL: GitHub's is the branch
      // head's commit, shared by every folder of the repository. Without one, each reading may
      // have changed them.
      hash.update(
        `${row.entity_ref}\n${row.url}\n${row.status}\n${
          row.etag ?? (row.read_at === null ? '' : toIso(row.read_at))
        }\n`,
      );
    }
    return hash.digest('hex');
  }

  async getAdr(id: string, now: Date): Promise<AdrDetail | undefined> {
    const row = await this.db<AdrRow>('adrs').where({ id }).first();
    if (!row) {
      return undefined;
    }
    const [summary] = await toAdrSummaries(this.db, [row], now, this.policy);
    const retrospectives = (
      await this.db<RetrospectiveRow>('adr_retrospectives')
        .where({ adr_id: id })
        .orderBy('recorded_at', 'desc')
    ).map(toRetrospective);
    return {
      ...summary,
      body: row.body,
      links: JSON.parse(row.links),
      retrospectives,
    };
  }

  /** The ADR's links in the decision graph, naming no ADR of a `hidden` entity. */
  async chainOf(id: string, hidden?: HiddenEntities): Promise<AdrChainLink[]> {
    return (await readChains(this.db, [id], hidden)).get(id) ?? [];
  }

  /** The ids of the entity's ADRs by number and by file name, to resolve links between them. */
  async adrIdsOf(entityRef: string): Promise<Map<string, string>> {
    const rows: Pick<AdrRow, 'id' | 'number' | 'path'>[] = await this.db('adrs')
      .where({ entity_ref: entityRef })
      .select('id', 'number', 'path');
    const ids = new Map<string, string>();
    for (const row of rows) {
      ids.set(row.path.split('/').pop()!, row.id);
      if (row.number !== null) {
        ids.set(`#${row.number}`, row.id);
      }
    }
    return ids;
  }

  async addRetrospective(
    retrospective: Retrospective & { entityRef: string },
  ): Promise<void> {
    await this.db('adr_retrospectives').insert({
      id: retrospective.id,
      adr_id: retrospective.adrId,
      entity_ref: retrospective.entityRef,
      date: retrospective.date,
      outcome: retrospective.outcome,
      notes: retrospective.notes,
      lessons: retrospective.lessons ?? null,
      recorded_by: retrospective.recordedBy,
      recorded_at: new Date(retrospective.recordedAt),
    });
  }

  /** Counts per outcome and the newest retrospectives across the organisation. */
  async listRetrospectiveOutcomes(options: {
    hidden?: HiddenEntities;
    limit: number;
  }): Promise<RetrospectiveOutcomes> {
    return listRetrospectiveOutcomes(this.db, options);
  }

  /** Every entity with retrospectives, which outlive its ADRs' location. */
  async listRetrospectiveEntityRefs(): Promise<string[]> {
    return this.db('adr_retrospectives').distinct().pluck('entity_ref');
  }

  /** Every entity with ADRs, for working out which of them a caller may see. */
  async listAdrEntityRefs(): Promise<string[]> {
    return this.db('adrs').distinct().pluck('entity_ref');
  }

  /**
   * A page of the index; the ADRs of `hidden` entities are left out in the query, so pages and
   * counts are exact.
   */
  async queryIndex(
    query: AdrIndexQuery,
    now: Date,
    hidden?: HiddenEntities,
  ): Promise<AdrIndexPage> {
    const { rows, ...counted } = await readPage<AdrRow>(
      () =>
        matchingAdrs(this.db, query, {
          now,
          hidden,
          staleAfterMonths: this.staleAfterMonths,
        }),
      { offset: query.offset ?? 0, limit: query.limit ?? 25 },
      orderedAdrs(query),
    );
    const chains = await readChains(
      this.db,
      rows.map(row => row.id),
      hidden,
    );
    const items = await toAdrSummaries(this.db, rows, now, this.policy);
    return {
      items: items.map(item => ({ ...item, chain: chains.get(item.id) })),
      ...counted,
    };
  }
}
