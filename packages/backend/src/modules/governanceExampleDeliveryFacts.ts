import { Knex } from 'knex';
import { createExampleDataModule } from './createExampleDataModule';

/**
 * Weekly delivery metrics of the two services checkout-web's ADR 0002, "Render the checkout on
 * the server" (accepted 2026-06-10), governs: checkout-web and order-history, which the ADR
 * names. Latency, errors, lead time and failures improve once the server renders the pages;
 * cost per request rises with the two extra replicas the ADR warns about.
 */
const WEEKS_BEFORE = ['2026-05-13', '2026-05-20', '2026-05-27', '2026-06-03'];
const WEEKS_AFTER = ['2026-06-17', '2026-06-24', '2026-07-01', '2026-07-08'];

type Series = Record<string, { before: number[]; after: number[] }>;

const SERIES: Record<string, Series> = {
  'component:default/checkout-web': {
    deploymentFrequencyPerWeek: { before: [6, 5, 7, 6], after: [9, 10, 9, 11] },
    leadTimeHours: { before: [31, 29, 34, 30], after: [21, 19, 20, 18] },
    changeFailureRate: { before: [12, 14, 11, 13], after: [8, 7, 9, 8] },
    errorRatePercent: {
      before: [1.2, 1.4, 1.1, 1.3],
      after: [0.6, 0.5, 0.7, 0.6],
    },
    p50LatencyMs: { before: [320, 340, 310, 330], after: [180, 170, 175, 165] },
    p99LatencyMs: {
      before: [2400, 2550, 2300, 2450],
      after: [1100, 1050, 1150, 1000],
    },
    costPerThousandRequests: {
      before: [0.42, 0.41, 0.43, 0.42],
      after: [0.55, 0.56, 0.54, 0.55],
    },
  },
  'component:default/order-history': {
    deploymentFrequencyPerWeek: { before: [3, 4, 3, 3], after: [5, 5, 6, 5] },
    leadTimeHours: { before: [40, 38, 44, 41], after: [30, 28, 31, 29] },
    changeFailureRate: { before: [10, 9, 11, 10], after: [9, 10, 9, 10] },
    errorRatePercent: {
      before: [0.8, 0.9, 0.7, 0.8],
      after: [0.5, 0.4, 0.5, 0.5],
    },
    p50LatencyMs: { before: [210, 220, 205, 215], after: [140, 135, 145, 138] },
    p99LatencyMs: {
      before: [1500, 1600, 1450, 1550],
      after: [800, 760, 820, 790],
    },
    costPerThousandRequests: {
      before: [0.3, 0.31, 0.29, 0.3],
      after: [0.36, 0.37, 0.35, 0.36],
    },
  },
};

/** One weekly observation, as CI and monitoring would have pushed it. */
export interface ExampleFactRow {
  entity_ref: string;
  name: string;
  source: string;
  value: string;
  observed_at: Date;
  received_at: Date;
}

/** A day's length: the instant one day after the epoch. */
const MS_PER_DAY = Date.UTC(1970, 0, 2);

/** Every weekly observation, as CI and monitoring would have pushed them. */
export function exampleDeliveryFactRows(): ExampleFactRow[] {
  return Object.entries(SERIES).flatMap(([entityRef, series]) =>
    Object.entries(series).flatMap(([name, { before, after }]) =>
      [...WEEKS_BEFORE, ...WEEKS_AFTER].map((day, i) => {
        const at = new Date(`${day}T08:00:00Z`);
        return {
          entity_ref: entityRef,
          name,
          source:
            name.includes('Latency') || name === 'errorRatePercent'
              ? 'monitoring/prometheus'
              : 'ci/github-actions',
          value: JSON.stringify([...before, ...after][i]),
          observed_at: at,
          received_at: at,
        };
      }),
    ),
  );
}

/**
 * The observations as the governance backend stores them: each source's latest on its fact's
 * row, and in the row's `history` one [day, value] pair per day, the first day counted from
 * 1970-01-01 and each next from the one before.
 */
export function exampleDeliveryFactSeries(rows = exampleDeliveryFactRows()) {
  const bySource = new Map<string, ExampleFactRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.entity_ref, row.name, row.source]);
    bySource.set(key, [...(bySource.get(key) ?? []), row]);
  }
  return [...bySource.values()].map(observations => {
    const inOrder = [...observations].sort(
      (a, b) => a.observed_at.getTime() - b.observed_at.getTime(),
    );
    const days = inOrder.map(r =>
      Math.floor(r.observed_at.getTime() / MS_PER_DAY),
    );
    return {
      ...inOrder[inOrder.length - 1],
      history: JSON.stringify(
        inOrder.map((r, i) => [
          i ? days[i] - days[i - 1] : days[i],
          JSON.parse(r.value),
        ]),
      ),
      history_from_day: days[0],
    };
  });
}

/** Writes the facts; ones already there (a restart) are left as they are. */
export async function seedExampleDeliveryFacts(
  db: Knex,
  rows: ExampleFactRow[],
): Promise<void> {
  await db('facts')
    .insert(exampleDeliveryFactSeries(rows))
    .onConflict(['entity_ref', 'name', 'source'])
    .ignore();
}

/**
 * Example data for a fresh install: delivery metrics around one accepted ADR, so its impact
 * shows real before and after numbers. The facts API would keep only the latest of weeks in
 * the past within a day, so they go straight into the plugin's facts table, with their
 * history, once its migrations ran. Leave it out of a real backend.
 */
export const governanceExampleDeliveryFacts = createExampleDataModule({
  moduleId: 'example-delivery-facts',
  seed: async db => {
    await seedExampleDeliveryFacts(db, exampleDeliveryFactRows());
    return `weekly delivery metrics of ${
      Object.keys(SERIES).length
    } services around checkout-web's ADR 0002`;
  },
});
