/*
 * The scorecard bench's store reads after the simulated year: one entity's scorecard, the
 * council's roll-up and its trend, timed straight against the store (no HTTP).
 */
import { COMPLIANCE_GROUP_BY } from '@catalog-governance/backstage-plugin-governance-common';
import { DatabaseGovernanceStore } from '../src/database/DatabaseGovernanceStore';
import { time } from './benchDatabases';
import { p95, percentiles } from './targets';

/** Adds a row to the bench's report: the database, what was measured, its result and target. */
export type ReportRow = (
  label: string,
  measurement: string,
  result: string,
  target?: string,
  met?: boolean,
) => void;

/** Times the store's reads on the filled database and reports a row for each. */
export async function storeReadRows(options: {
  label: string;
  store: DatabaseGovernanceStore;
  entities: number;
  days: number;
  /** The last simulated day, where the trend ends. */
  lastDay: string;
  row: ReportRow;
}): Promise<void> {
  const { label, store, entities, days, lastDay, row } = options;

  const latencies: number[] = [];
  for (let i = 0; i < 500; i++) {
    const ref = `component:default/service-${(i * 7919) % entities}`;
    const [, ms] = await time(() => store.getResults(ref));
    latencies.push(ms);
  }
  row(
    label,
    "one entity's stored scorecard read (500 reads)",
    percentiles(latencies),
  );

  const rollups: number[] = [];
  for (let i = 0; i < 200; i++) {
    const groupBy = COMPLIANCE_GROUP_BY[i % 4];
    const filter = i % 2 ? {} : { owner: `group:default/team-${i % 40}` };
    const [, ms] = await time(() => store.getComplianceRollup(groupBy, filter));
    rollups.push(ms);
  }
  row(
    label,
    'council roll-up by owner/system/domain/tier, whole catalog or one team (200 reads)',
    percentiles(rollups),
    'p95 <= 150 ms',
    p95(rollups) <= 150,
  );

  const trends: number[] = [];
  for (let i = 0; i < 50; i++) {
    const filter = i % 2 ? {} : { domain: `domain:default/domain-${i % 10}` };
    const [, ms] = await time(() =>
      store.getComplianceTrend(filter, '2026-11-26', lastDay),
    );
    trends.push(ms);
  }
  row(
    label,
    `council trend over the ${days} days, whole catalog or one domain (50 reads)`,
    percentiles(trends),
  );
}
