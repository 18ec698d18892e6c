import { CheckResultCounts } from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { StandardDayRow, StandardsStore } from './StandardsStore';
import { groupTallies, recountCheckTallies } from './rollupTotals';
import { chunks, HiddenEntities } from './util';

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
    if (hidden === 'all') {
      return new Map();
    }
    // The running totals, less what the hidden entities' tallies add to them, in one statement
    // so that both parts see the same moment.
    const db = this.db;
    const query = db('check_tallies').select(
      db.raw('1 AS sign'),
      'check_id',
      'total',
      'compliant',
      'automated',
    );
    for (const batch of chunks(hidden ?? [])) {
      query.unionAll(
        groupTallies(
          db,
          tallies => tallies.whereIn('entity_results.entity_ref', batch),
          [db.raw('-1 AS sign')],
        ),
      );
    }
    const rows: Array<{
      sign: number | string;
      check_id: string;
      total: number | string;
      compliant: number | string | null;
      automated: number | string | null;
    }> = await query;
    const counts = new Map<string, CheckResultCounts>();
    for (const row of rows) {
      const sign = Number(row.sign);
      const entry = counts.get(row.check_id) ?? {
        total: 0,
        compliant: 0,
        automated: 0,
      };
      entry.total += sign * Number(row.total);
      entry.compliant += sign * Number(row.compliant ?? 0);
      entry.automated += sign * Number(row.automated ?? 0);
      counts.set(row.check_id, entry);
    }
    // A check only hidden entities have is not shown at all.
    for (const [checkId, entry] of counts) {
      if (entry.total <= 0) {
        counts.delete(checkId);
      }
    }
    return counts;
  }

  async recountCheckResults(): Promise<Map<string, CheckResultCounts>> {
    return this.db.transaction(recountCheckTallies);
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
