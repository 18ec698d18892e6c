import { DELIVERY_FACT_DEFINITIONS } from './deliveryFacts';
import { BUILT_IN_FACTS } from './facts';
import { median, metricImpact } from './impact';

const window = (values: number[], from = '2026-05-01T00:00:00.000Z') => ({
  from,
  to: '2026-06-01T00:00:00.000Z',
  points: values.map((value, i) => ({
    at: `2026-05-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`,
    value,
    entityRef: 'component:default/checkout-web',
  })),
});

const latency = {
  name: 'p99LatencyMs',
  unit: 'ms',
  betterDirection: 'lower',
} as const;
const deploys = {
  name: 'deploymentFrequencyPerWeek',
  betterDirection: 'higher',
} as const;

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe('metricImpact', () => {
  it('calls a latency that fell better, with the change in ms and percent', () => {
    const impact = metricImpact({
      definition: latency,
      before: window([900, 1000, 950]),
      after: window([500, 450, 480, 470]),
    });
    expect(impact.before.median).toBe(950);
    expect(impact.after.median).toBe(475);
    expect(impact.change).toEqual({
      absolute: -475,
      percent: -50,
      direction: 'better',
    });
  });

  it('calls fewer deployments worse, as more is better for that metric', () => {
    const impact = metricImpact({
      definition: deploys,
      before: window([10, 12, 11]),
      after: window([6, 5, 7]),
    });
    expect(impact.change?.direction).toBe('worse');
  });

  it('calls a change under 1% unchanged', () => {
    const impact = metricImpact({
      definition: latency,
      before: window([1000, 1000, 1000]),
      after: window([1005, 1005, 1005]),
    });
    expect(impact.change).toEqual({
      absolute: 5,
      percent: 0.5,
      direction: 'unchanged',
    });
  });

  it('says there is not enough data when a window has too few points', () => {
    const impact = metricImpact({
      definition: latency,
      before: window([900, 1000]),
      after: window([500, 450, 480]),
      minPoints: 3,
    });
    expect(impact.before.median).toBeUndefined();
    expect(impact.before.points).toHaveLength(2);
    expect(impact.after.median).toBe(480);
    expect(impact.change).toBeUndefined();
    expect(impact.minPoints).toBe(3);
  });

  it('gives no percent when the value before was zero', () => {
    const impact = metricImpact({
      definition: { name: 'changeFailureRate', betterDirection: 'lower' },
      before: window([0, 0, 0]),
      after: window([5, 5, 5]),
    });
    expect(impact.change).toEqual({ absolute: 5, direction: 'worse' });
  });
});

describe('delivery facts', () => {
  it('are built in, each with a unit, a better direction and a staleness window', () => {
    const names = BUILT_IN_FACTS.map(f => f.name);
    for (const fact of DELIVERY_FACT_DEFINITIONS) {
      expect(names).toContain(fact.name);
      expect(fact.unit).toBeTruthy();
      expect(fact.betterDirection).toMatch(/^(higher|lower)$/);
      expect(fact.staleAfterDays).toBeGreaterThan(0);
    }
    expect(DELIVERY_FACT_DEFINITIONS.map(f => f.name)).toEqual([
      'deploymentFrequencyPerWeek',
      'leadTimeHours',
      'changeFailureRate',
      'errorRatePercent',
      'p50LatencyMs',
      'p99LatencyMs',
      'costPerThousandRequests',
    ]);
  });
});
