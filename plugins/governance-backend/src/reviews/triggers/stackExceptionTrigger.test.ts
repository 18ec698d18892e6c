import {
  after,
  escalationBackend,
  NOW,
} from '../../__testUtils__/escalationBackend';
import { entityTechnology } from '../../__testUtils__/entityTechnology';
import { describeEachDatabase } from '../../__testUtils__/describeEachDatabase';

const payments = 'component:default/payments';

describeEachDatabase('the stack-exception trigger', database => {
  it('raises one stack exception per entity and technology off the radar', async () => {
    const { stackStore, createRunner, items } = await escalationBackend(
      database,
    );
    await stackStore.replaceEntityTechnologies([
      {
        entityRef: payments,
        technologies: [
          entityTechnology('postgresql', { ring: 'adopt' }),
          entityTechnology('mongodb', { ring: 'hold' }),
          entityTechnology('couchdb'),
          entityTechnology('cobol', { category: 'languages' }),
        ],
      },
    ]);
    expect(await createRunner().run(NOW)).toBe(2);
    expect(await createRunner().run(after({ hours: 1 }))).toBe(0);
    const raised = await items();
    expect(raised.map(i => i.title).sort()).toEqual([
      'Stack exception: cobol',
      'Stack exception: couchdb',
    ]);
    expect(raised[0]).toEqual(
      expect.objectContaining({
        kind: 'stack-exception',
        entityRef: payments,
        origin: expect.objectContaining({ triggerId: 'stack-exception' }),
      }),
    );
    expect(
      raised.find(i => i.title.endsWith('couchdb'))?.description,
    ).toContain(
      'uses the datastore couchdb, which is not on the approved-stack radar',
    );
  });

  it('resolves the item once an accepted ADR names the technology', async () => {
    const { stackStore, createRunner, items } = await escalationBackend(
      database,
    );
    await stackStore.replaceEntityTechnologies([
      { entityRef: payments, technologies: [entityTechnology('couchdb')] },
    ]);
    await createRunner().run(NOW);
    await stackStore.replaceEntityTechnologies([
      {
        entityRef: payments,
        technologies: [entityTechnology('couchdb', { clearedByAdr: true })],
      },
    ]);
    await createRunner().run(after({ hours: 1 }));
    expect((await items()).map(i => i.status)).toEqual(['resolved']);
  });

  it('can be switched off', async () => {
    const { stackStore, createRunner } = await escalationBackend(database, [], {
      stackException: { enabled: false },
    });
    await stackStore.replaceEntityTechnologies([
      { entityRef: payments, technologies: [entityTechnology('couchdb')] },
    ]);
    expect(await createRunner().run(NOW)).toBe(0);
  });
});
