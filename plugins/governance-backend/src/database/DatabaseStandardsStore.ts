import {
  CheckResult,
  CheckResultCounts,
  countCheckResult,
} from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { StandardDayRow, StandardsStore } from './StandardsStore';
import { chunks, HiddenEntities, whereVisible } from './util';

/** Rows of current results read at a time, so a large catalog never needs one huge read. */
const PAGE_SIZE = 500;

type StandardDayDbRow = {
  day: string;
  standard_id: string;
  total: number | string;
  compliant: number | string;
  automated: number | string;
};

/**
 * Knex implementation of {@link StandardsStore}, tested on SQLite and PostgreSQL.
 *
 * @internal
 */
export class DatabaseStandardsStore implements StandardsStore {
  constructor(private readonly db: Knex) {}

  async countCheckResults(
    hidden?: HiddenEntities,
  ): Promise<Map<string, CheckResultCounts>> {
    const counts = new Map<string, CheckResultCounts>();
    // Keyset paging over the entity ref: each page is an index range, however far in.
    for (let after = ''; ; ) {
      const rows: Array<{ entity_ref: string; results: string }> =
        await whereVisible(
          this.db('entity_results')
            .select('entity_ref', 'results')
            .where('entity_ref', '>', after)
            .orderBy('entity_ref')
            .limit(PAGE_SIZE),
          hidden,
        );
      for (const row of rows) {
        for (const result of JSON.parse(row.results) as CheckResult[]) {
          countCheckResult(counts, result);
        }
      }
      if (rows.length < PAGE_SIZE) {
        return counts;
      }
      after = rows[rows.length - 1].entity_ref;
    }
  }

  async recordStandardsDay(
    day: string,
    rows: Array<{ standardId: string; counts: CheckResultCounts }>,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('standard_days').where({ day }).delete();
      for (const batch of chunks(rows)) {
        await tx('standard_days').insert(
          batch.map(({ standardId, counts }) => ({
            day,
            standard_id: standardId,
            ...counts,
          })),
        );
      }
    });
  }

  async listStandardsDays(
    sinceDay: string,
    untilDay: string,
  ): Promise<StandardDayRow[]> {
    const rows: StandardDayDbRow[] = await this.db('standard_days')
      .whereBetween('day', [sinceDay, untilDay])
      .orderBy(['day', 'standard_id']);
    // PostgreSQL may hand integers back as strings.
    return rows.map(row => ({
      standardId: row.standard_id,
      day: row.day,
      counts: {
        total: Number(row.total),
        compliant: Number(row.compliant),
        automated: Number(row.automated),
      },
    }));
  }

  async pruneStandardsDays(beforeDay: string): Promise<number> {
    return this.db('standard_days').where('day', '<', beforeDay).delete();
  }
}
