import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { tieredComponent } from './__testUtils__/catalogEntities';
import { withReplicas } from './__testUtils__/replicas';
import { governancePlugin } from './plugin';

jest.setTimeout(120_000);

// Replicas share a database only on PostgreSQL.
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

async function startReplica(knex: Knex) {
  const backend = await startTestBackend({
    features: [
      governancePlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [tieredComponent('payments')] }),
    ],
  });
  return { server: backend.server, stop: () => backend.stop() };
}

const ALICE = mockCredentials.user.header('user:default/alice');
const CLIENTS_PER_REPLICA = 50;

describe.each(databases.eachSupportedId())(
  'concurrent edits of one review on two replicas of %s',
  databaseId => {
    it('apply each update or answer 409, and lose none', async () => {
      const database = await databases.init(databaseId);
      await withReplicas({ database, start: startReplica }, async replicas => {
        const created = await request(replicas[0].server)
          .post('/api/governance/reviews')
          .set('Authorization', ALICE)
          .send({
            entityRef: 'component:default/payments',
            kind: 'design-review',
            title: 'Contended item',
          });
        expect(created.status).toBe(201);
        const id = created.body.id;
        // Each client sets its own due date, so every applied update changes the item.
        const clients = replicas.flatMap((replica, r) =>
          Array.from({ length: CLIENTS_PER_REPLICA }, (_, i) => ({
            replica,
            dueDate: `2027-${String(r * 6 + 1 + Math.floor(i / 28)).padStart(
              2,
              '0',
            )}-${String((i % 28) + 1).padStart(2, '0')}`,
          })),
        );
        const patch = (client: (typeof clients)[number], version: number) =>
          request(client.replica.server)
            .patch(`/api/governance/reviews/${id}`)
            .set('Authorization', ALICE)
            .send({ version, dueDate: client.dueDate });

        // Round 1: everyone edits the version they read, at once. One wins.
        const first = await Promise.all(clients.map(c => patch(c, 1)));
        const statuses = first.map(r => r.status);
        expect(statuses.filter(s => s === 200)).toHaveLength(1);
        expect(statuses.filter(s => s === 409)).toHaveLength(
          clients.length - 1,
        );
        // Every 409 carries the item as it is now.
        for (const conflict of first.filter(r => r.status === 409)) {
          expect(conflict.body.item.version).toBe(2);
        }

        // Round 2: losers (ten of them, from both replicas, to keep the retry storm short) do
        // what the page does: take the current version and try again until their change lands.
        const winner = clients.find((_, i) => first[i].status === 200)!;
        const losers = clients
          .filter((_, i) => first[i].status === 409)
          .filter((_, i) => i % 10 === 0);
        let conflicts = 0;
        await Promise.all(
          losers.map(async client => {
            let version = 2;
            for (;;) {
              const response = await patch(client, version);
              if (response.status === 200) {
                return;
              }
              expect(response.status).toBe(409);
              conflicts += 1;
              version = response.body.item.version;
            }
          }),
        );
        const item = await request(replicas[1].server)
          .get(`/api/governance/reviews/${id}`)
          .set('Authorization', ALICE);
        const landed = [winner, ...losers];
        expect(item.body.version).toBe(1 + landed.length);
        const applied = item.body.history
          .filter((h: { action: string }) => h.action === 'updated')
          .map((h: { changes: { to: string }[] }) => h.changes[0].to);
        expect(applied).toHaveLength(landed.length);
        expect(new Set(applied)).toEqual(new Set(landed.map(c => c.dueDate)));
        expect(conflicts).toBeGreaterThan(0);
      });
    });
  },
);
