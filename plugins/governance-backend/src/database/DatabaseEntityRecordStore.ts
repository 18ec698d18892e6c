import { CheckResult } from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { EntityRecord, EntityRecordStore } from './EntityRecordStore';
import { evaluatedAtOf, lastFullPass } from './evaluatedEntities';
import { DbTimestamp, toIso } from './util';

type EntityRecordRow = {
  tier: string | null;
  since: DbTimestamp | null;
  last_seen_at: DbTimestamp | null;
  /** JSON array of CheckResult */
  results: string | null;
  written_at: DbTimestamp | null;
  evaluated_at: DbTimestamp | null;
  owner: string | null;
  pass_evaluated_at: DbTimestamp | null;
};

/**
 * Knex implementation of {@link EntityRecordStore}: the tier, the results and the evaluation
 * rows joined to one row asked for, so an entity that has some of them and not others still
 * gets one row.
 *
 * @internal
 */
export class DatabaseEntityRecordStore implements EntityRecordStore {
  constructor(private readonly db: Knex) {}

  async getEntityRecord(entityRef: string): Promise<EntityRecord> {
    const row: EntityRecordRow = await this.db
      .from(this.db.raw('(select 1 as asked) as asked'))
      .leftJoin('entity_tiers', join =>
        join.onVal('entity_tiers.entity_ref', entityRef),
      )
      .leftJoin('entity_results', join =>
        join.onVal('entity_results.entity_ref', entityRef),
      )
      .leftJoin('evaluated_entities', join =>
        join.onVal('evaluated_entities.entity_ref', entityRef),
      )
      .first(
        'entity_tiers.tier',
        'entity_tiers.since',
        'entity_tiers.last_seen_at',
        'entity_results.results',
        'entity_results.written_at',
        'evaluated_entities.evaluated_at',
        'evaluated_entities.owner',
        lastFullPass(this.db).as('pass_evaluated_at'),
      );
    return {
      tier:
        row.tier === null
          ? undefined
          : {
              entityRef,
              tier: row.tier,
              since: toIso(row.since!),
              lastSeenAt: toIso(row.last_seen_at!),
            },
      results:
        row.results === null
          ? undefined
          : {
              results: JSON.parse(row.results) as CheckResult[],
              evaluatedAt: toIso(
                row.evaluated_at
                  ? evaluatedAtOf(row.evaluated_at, row.pass_evaluated_at)
                  : row.written_at!,
              ),
              ...(row.owner ? { owner: row.owner } : {}),
            },
    };
  }
}
