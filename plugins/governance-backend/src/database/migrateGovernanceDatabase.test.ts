import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migrateGovernanceDatabase } from './migrateGovernanceDatabase';

describe('migrateGovernanceDatabase', () => {
  const clientWith = (latest: jest.Mock) =>
    ({ migrate: { latest } } as unknown as Knex);

  it('migrates to the latest schema and hands back the client', async () => {
    const latest = jest.fn();
    const client = clientWith(latest);
    const database = mockServices.database.mock({
      getClient: async () => client,
    });
    expect(await migrateGovernanceDatabase(database)).toBe(client);
    expect(latest).toHaveBeenCalledTimes(1);
    expect(latest.mock.calls[0][0].directory).toMatch(/migrations$/);
  });

  it('leaves the schema alone when migrations are skipped', async () => {
    const latest = jest.fn();
    const database = mockServices.database.mock({
      getClient: async () => clientWith(latest),
      migrations: { skip: true },
    });
    await migrateGovernanceDatabase(database);
    expect(latest).not.toHaveBeenCalled();
  });
});
