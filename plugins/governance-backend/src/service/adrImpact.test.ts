import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AdrImpact,
  RetrospectiveOutcomes,
} from '@catalog-governance/backstage-plugin-governance-common';
import request from 'supertest';
import { component } from '../__testUtils__/catalogEntities';
import {
  catalogHidingFrom,
  catalogReadPermission,
} from '../__testUtils__/visibleCatalog';
import {
  adrEntities,
  adrsOf,
  getAsUser,
  startAdrBackend,
} from '../__testUtils__/adrBackend';
import { JANE } from '../__testUtils__/users';

const CHECKOUT = 'component:default/checkout-web';
const ORDERS = 'component:default/order-history';

/** Checkout's ADR 0002 (2026-06-10) names order-history, which Jane may not see. */
async function startImpactBackend() {
  const entities = [...adrEntities, component('order-history', {})];
  const server = await startAdrBackend({
    permission: catalogReadPermission({ conditional: JANE }).factory,
    catalog: catalogHidingFrom(JANE, ORDERS, entities),
  });
  const weekly = (entityRef: string, values: number[], start: string) =>
    values.map((value, i) => ({
      entityRef,
      name: 'p99LatencyMs',
      value,
      source: 'monitoring/prometheus',
      observedAt: new Date(
        new Date(start).getTime() + i * 7 * 24 * 3600 * 1000,
      ).toISOString(),
    }));
  const pushed = await request(server)
    .post('/api/governance/facts')
    .set('Authorization', mockCredentials.service.header())
    .send({
      facts: [
        ...weekly(CHECKOUT, [1400, 1500, 1450], '2026-05-13T08:00:00Z'),
        ...weekly(CHECKOUT, [700, 650, 600], '2026-06-17T08:00:00Z'),
        // Order history's latency rose, but only one point before the decision.
        ...weekly(ORDERS, [300], '2026-06-03T08:00:00Z'),
        ...weekly(ORDERS, [900, 950], '2026-06-17T08:00:00Z'),
        {
          entityRef: CHECKOUT,
          name: 'deploymentFrequencyPerWeek',
          value: 4,
          source: 'ci/github-actions',
          observedAt: '2026-06-01T08:00:00Z',
        },
      ],
    });
  expect(pushed.status).toBeLessThan(300);
  const { items } = await adrsOf(server, 'checkout-web');
  const adr = items.find(a => a.number === 2)!;
  return { server, adr };
}

const impactAs = async (
  server: Parameters<typeof request>[0],
  adrId: string,
  user: string,
) =>
  (
    await request(server)
      .get(`/api/governance/adrs/${adrId}/impact`)
      .set('Authorization', mockCredentials.user.header(user))
  ).body as AdrImpact;

describe('GET /adrs/:id/impact, delivery metrics', () => {
  it('compares the medians before and after the decision for the entities it governs', async () => {
    const { server, adr } = await startImpactBackend();
    const impact = await impactAs(server, adr.id, 'user:default/ada');
    expect(impact.windowDays).toBe(30);
    expect(impact.entityRefs).toEqual([CHECKOUT, ORDERS]);
    const p99 = impact.metrics.find(m => m.fact === 'p99LatencyMs')!;
    // Before: 1400, 1500, 1450, 300 → 1425; after: 700, 650, 600, 900, 950 → 700.
    expect(p99.before.points).toHaveLength(4);
    expect(p99.before.median).toBe(1425);
    expect(p99.after.median).toBe(700);
    expect(p99.change).toMatchObject({ absolute: -725, direction: 'better' });
    expect(p99).toMatchObject({ unit: 'ms', betterDirection: 'lower' });

    // One deployment count before, none after: not enough data, and it says how many it needs.
    const deploys = impact.metrics.find(
      m => m.fact === 'deploymentFrequencyPerWeek',
    )!;
    expect(deploys.before.points).toHaveLength(1);
    expect(deploys.before.median).toBeUndefined();
    expect(deploys.change).toBeUndefined();
    expect(deploys.minPoints).toBe(3);
  });

  it('leaves out the governed entities the caller cannot read in the catalog', async () => {
    const { server, adr } = await startImpactBackend();
    const impact = await impactAs(server, adr.id, JANE);
    expect(impact.entityRefs).toEqual([CHECKOUT]);
    const p99 = impact.metrics.find(m => m.fact === 'p99LatencyMs')!;
    expect(p99.before.points.map(p => p.entityRef)).not.toContain(ORDERS);
    expect(p99.after.median).toBe(650);
  });

  it('takes the window from weeks when asked', async () => {
    const { server, adr } = await startImpactBackend();
    const res = await getAsUser(server, `/adrs/${adr.id}/impact?weeks=1`);
    const impact = res.body as AdrImpact;
    expect(impact.windowDays).toBe(7);
    const p99 = impact.metrics.find(m => m.fact === 'p99LatencyMs')!;
    expect(p99.before.points.map(p => p.value)).toEqual([300]);
  });
});

describe('GET /retrospectives', () => {
  it('counts outcomes across the organisation and lists them newest first, with lessons', async () => {
    const { server, adr } = await startImpactBackend();
    const record = (body: object) =>
      request(server)
        .post(`/api/governance/adrs/${adr.id}/retrospectives`)
        .set('Authorization', mockCredentials.user.header('user:default/li'))
        .send(body);
    expect(
      (
        await record({
          date: '2026-10-01',
          outcome: 'partly-validated',
          notes: 'p99 halved',
        })
      ).status,
    ).toBe(201);
    const recorded = await record({
      date: '2026-11-20',
      outcome: 'validated',
      notes: 'p99 latency 1425 → 700 ms',
      lessons: '  Measure before you decide.  ',
    });
    expect(recorded.body.lessons).toBe('Measure before you decide.');

    const list = (await getAsUser(server, '/retrospectives'))
      .body as RetrospectiveOutcomes;
    expect(list.counts).toEqual([
      { outcome: 'validated', count: 1 },
      { outcome: 'partly-validated', count: 1 },
      { outcome: 'reversed', count: 0 },
    ]);
    expect(list.items[0]).toMatchObject({
      entityRef: CHECKOUT,
      adrTitle: 'Render the checkout on the server',
      adrNumber: 2,
      retrospective: {
        outcome: 'validated',
        lessons: 'Measure before you decide.',
      },
    });

    const bad = await getAsUser(server, '/retrospectives?limit=0');
    expect(bad.status).toBe(400);
  });
});
