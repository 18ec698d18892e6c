import { TestDatabases } from '@backstage/backend-test-utils';
import { EntityTechnology } from '@catalog-governance/backstage-plugin-governance-common';
import {
  escalationBackend,
  HOUR,
  NOW,
} from '../../__testUtils__/escalationBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const payments = 'component:default/payments';
const later = (ms: number) => new Date(NOW.getTime() + ms);

const tech = (
  technology: string,
  over: Partial<EntityTechnology> = {},
): EntityTechnology => ({
  category: 'datastores',
  technology,
  clearedByAdr: false,
  ...over,
});

describe.each(databases.eachSupportedId())(
  'the stack-exception trigger on %s',
  databaseId => {
    it('raises one stack exception per entity and technology off the radar', async () => {
      const { stackStore, createRunner, items } = await escalationBackend(
        databases,
        databaseId,
      );
      await stackStore.replaceEntityTechnologies([
        {
          entityRef: payments,
          technologies: [
            tech('postgresql', { ring: 'adopt' }),
            tech('mongodb', { ring: 'hold' }),
            tech('couchdb'),
            tech('cobol', { category: 'languages' }),
          ],
        },
      ]);
      expect(await createRunner().run(NOW)).toBe(2);
      expect(await createRunner().run(later(HOUR))).toBe(0);
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
        databases,
        databaseId,
      );
      await stackStore.replaceEntityTechnologies([
        { entityRef: payments, technologies: [tech('couchdb')] },
      ]);
      await createRunner().run(NOW);
      await stackStore.replaceEntityTechnologies([
        {
          entityRef: payments,
          technologies: [tech('couchdb', { clearedByAdr: true })],
        },
      ]);
      await createRunner().run(later(HOUR));
      expect((await items()).map(i => i.status)).toEqual(['resolved']);
    });

    it('can be switched off', async () => {
      const { stackStore, createRunner } = await escalationBackend(
        databases,
        databaseId,
        [],
        { stackException: { enabled: false } },
      );
      await stackStore.replaceEntityTechnologies([
        { entityRef: payments, technologies: [tech('couchdb')] },
      ]);
      expect(await createRunner().run(NOW)).toBe(0);
    });
  },
);
