import { AdrMetricImpact } from '@catalog-governance/backstage-plugin-governance-common';

/** Readings of payments-api from the 10th of the window's first month, one a day. */
const impactWindow = (
  from: string,
  to: string,
  values: number[],
  median?: number,
) => ({
  from,
  to,
  points: values.map((value, i) => ({
    at: `${from.slice(0, 8)}${String(10 + i)}T08:00:00.000Z`,
    value,
    entityRef: 'component:default/payments-api',
  })),
  ...(median !== undefined && { median }),
});

/**
 * A metric of payments-api measured a month before and a month after an ADR of 2025-04-14:
 * the readings of each month, their medians where there are enough, and the change.
 */
export const metric = (
  fact: string,
  unit: string,
  betterDirection: 'higher' | 'lower',
  before: number[],
  after: number[],
  medians: [number?, number?],
  change?: AdrMetricImpact['change'],
): AdrMetricImpact => ({
  fact,
  unit,
  betterDirection,
  minPoints: 3,
  before: impactWindow(
    '2025-03-15T00:00:00.000Z',
    '2025-04-14T00:00:00.000Z',
    before,
    medians[0],
  ),
  after: impactWindow(
    '2025-04-14T00:00:00.000Z',
    '2025-05-14T00:00:00.000Z',
    after,
    medians[1],
  ),
  ...(change && { change }),
});
