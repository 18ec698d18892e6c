import { mockServices } from '@backstage/backend-test-utils';
import { createScorecardEvaluation } from './createScorecardEvaluation';
import {
  entities,
  indexedCatalog,
  measuredFacts,
  TIERS,
} from './syntheticCatalog';
import { describeEachDatabase } from '../__testUtils__/describeEachDatabase';

describeEachDatabase('createScorecardEvaluation', database => {
  it('migrates its own database and stores the result of every check of every governed entity', async () => {
    const evaluation = await createScorecardEvaluation({
      knex: await database.empty(),
      catalog: indexedCatalog(entities(30)),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });
    await evaluation.addFacts(
      measuredFacts(30, 0),
      new Date('2026-11-25T00:00:00Z'),
    );

    const run = await evaluation.evaluateAll(new Date('2026-11-25T00:00:00Z'));

    expect(run.entities).toBe(30);
    const stored = await evaluation.getResults('component:default/service-0');
    expect(stored?.results.map(r => r.checkId)).toEqual(
      expect.arrayContaining(['availability', 'p95-latency', 'coverage']),
    );
    expect(
      await evaluation.getResults('component:default/service-30'),
    ).toBeUndefined();
  });

  it('checks the tiers the synthetic services carry, from the default config', async () => {
    const evaluation = await createScorecardEvaluation({
      knex: await database.empty(),
      catalog: indexedCatalog([]),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });

    expect([...evaluation.tierPolicies.keys()]).toEqual(
      expect.arrayContaining([...TIERS]),
    );
  });
});
