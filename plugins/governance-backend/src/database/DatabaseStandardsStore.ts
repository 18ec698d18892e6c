import { CheckResultCounts } from '@catalog-governance/backstage-plugin-governance-common';
import { Knex } from 'knex';
import { StandardDayRow, StandardsStore } from './StandardsStore';
import { chunks, HiddenEntities, whereVisible } from './util';

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
    // Grouped in the database over the tallies the store keeps beside each entity's results:
    // no result is sent to the backend or parsed in it.
    const text = (index: number) =>
      this.isPostgres
        ? `(tally.value ->> ${index})`
        : `json_extract(tally.value, '$[${index}]')`;
    const count = (index: number) =>
      this.isPostgres
        ? `SUM((tally.value ->> ${index})::int)`
        : `SUM(${text(index)})`;
    const rows: Array<{
      check_id: string;
      total: number | string;
      compliant: number | string | null;
      automated: number | string | null;
    }> = await whereVisible(
      this.db
        .from(
          this.db.raw(
            this.isPostgres
              ? 'entity_results CROSS JOIN LATERAL jsonb_array_elements(entity_results.tallies::jsonb) AS tally(value)'
              : 'entity_results, json_each(entity_results.tallies) AS tally',
          ),
        )
        .select(this.db.raw(`${text(0)} AS check_id`))
        .count({ total: '*' })
        .select(
          this.db.raw(`${count(1)} AS compliant, ${count(2)} AS automated`),
        )
        .groupBy(this.db.raw(text(0))),
      hidden,
      'entity_results.entity_ref',
    );
    return new Map(
      rows.map(row => [
        row.check_id,
        {
          total: Number(row.total),
          compliant: Number(row.compliant ?? 0),
          automated: Number(row.automated ?? 0),
        },
      ]),
    );
  }

  private get isPostgres(): boolean {
    return this.db.client.config.client === 'pg';
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
