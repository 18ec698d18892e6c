import { ConfigReader } from '@backstage/config';
import {
  CheckResult,
  computeEntityLevel,
  readLevelPolicy,
  readTierPolicies,
} from '@catalog-governance/backstage-plugin-governance-common';
import {
  after,
  escalationBackend,
  hoursAgo,
  NOW,
  result,
} from '../../__testUtils__/escalationBackend';
import { describeEachDatabase } from '../../__testUtils__/describeEachDatabase';

const payments = 'component:default/payments';
const search = 'component:default/search';
const policy = readLevelPolicy(new ConfigReader({}), {
  tierPolicies: readTierPolicies(new ConfigReader({})),
});

/** A critical scorecard whose p95 latency has the given state; unknown leaves it at silver (and
 * raises no failing-check item). */
const criticalResults = (latency: CheckResult['state']) => [
  result('availability', 'pass'),
  result('p95-latency', latency),
  result('security-review', 'pass'),
  result('coverage', 'pass'),
  result('testing-load', 'pass'),
];

describeEachDatabase('the below-required-level trigger', database => {
  async function backend(config: object = {}) {
    const env = await escalationBackend(database, [], config);
    const evaluate = (
      entityRef: string,
      latency: CheckResult['state'],
      at: Date,
    ) => {
      const results = criticalResults(latency);
      return env.store.storeEvaluations(
        [
          {
            entityRef,
            placement: { tier: 'critical' },
            results,
            level: computeEntityLevel({ results, policy, tier: 'critical' }),
          },
        ],
        at,
      );
    };
    return { ...env, evaluate };
  }

  it('escalates a critical service below gold for longer than 14 days, once per stretch', async () => {
    const { evaluate, createRunner, items } = await backend();
    await evaluate(payments, 'unknown', hoursAgo(15 * 24));
    // Evaluated again since: the stretch still starts at the first evaluation below gold.
    await evaluate(payments, 'unknown', hoursAgo(1));
    await evaluate(search, 'unknown', hoursAgo(2 * 24));

    expect(await createRunner().run(NOW)).toBe(1);
    expect(await createRunner().run(after({ hours: 1 }))).toBe(0);
    const raised = await items();
    expect(raised).toEqual([
      expect.objectContaining({
        entityRef: payments,
        kind: 'nfr-escalation',
        priority: 'critical',
        title: 'Below Gold on a critical service',
        status: 'open',
        origin: expect.objectContaining({
          type: 'trigger',
          triggerId: 'below-required-level',
        }),
      }),
    ]);
    expect(raised[0].description).toContain(
      `has been at Silver since ${hoursAgo(15 * 24).toISOString()}`,
    );
  });

  it('resolves the item once the service reaches its level, and raises a new one when it drops for long again', async () => {
    const { evaluate, createRunner, items } = await backend();
    await evaluate(payments, 'unknown', hoursAgo(15 * 24));
    await createRunner().run(NOW);
    await evaluate(payments, 'pass', after({ hours: 1 }));
    await createRunner().run(after({ hours: 2 }));
    expect((await items()).map(i => i.status)).toEqual(['resolved']);

    await evaluate(payments, 'unknown', after({ days: 1 }));
    await createRunner().run(after({ days: 3 }));
    expect((await items()).map(i => i.status)).toEqual(['resolved']);
    await createRunner().run(after({ days: 16 }));
    expect((await items()).map(i => i.status).sort()).toEqual([
      'open',
      'resolved',
    ]);
  });

  it('follows the configured grace period, marks instead of closing when told, and can be switched off', async () => {
    const marking = await backend({
      belowRequiredLevel: { gracePeriod: 'P1D', onCauseCleared: 'mark' },
    });
    await marking.evaluate(payments, 'unknown', hoursAgo(25));
    expect(await marking.createRunner().run(NOW)).toBe(1);
    await marking.evaluate(payments, 'waived', after({ hours: 1 }));
    await marking.createRunner().run(after({ hours: 2 }));
    expect(await marking.items()).toEqual([
      expect.objectContaining({
        status: 'open',
        causeCleared: expect.objectContaining({ action: 'marked' }),
      }),
    ]);

    const off = await backend({ belowRequiredLevel: { enabled: false } });
    await off.evaluate(payments, 'unknown', hoursAgo(30 * 24));
    expect(await off.createRunner().run(NOW)).toBe(0);
  });
});
