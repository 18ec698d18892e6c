import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startGovernanceTestBackend } from '../__testUtils__/governanceTestBackend';
import { tieredComponent } from '../__testUtils__/catalogEntities';

jest.setTimeout(60_000);

const USER = mockCredentials.user.header('user:default/grace');

describe('whole numbers in the query', () => {
  let server: Awaited<ReturnType<typeof startGovernanceTestBackend>>;

  beforeAll(async () => {
    server = await startGovernanceTestBackend({
      entities: [tieredComponent('payments')],
    });
  });

  it.each([
    [
      '/scorecard/trend?entityRef=component:default/payments&days=1e309',
      'days',
    ],
    [
      '/scorecard/trend?entityRef=component:default/payments&days=30abc',
      'days',
    ],
    ['/scorecard/trend?entityRef=component:default/payments&days=2.5', 'days'],
    ['/compliance/trend?days=1e309', 'days'],
    ['/compliance/entities?limit=1e309', 'limit'],
    ['/compliance/entities?offset=0x10', 'offset'],
    ['/adr-index?limit=%2025', 'limit'],
  ])(
    'refuses %s with a 400 naming %s as a whole number',
    async (path, name) => {
      const res = await request(server)
        .get(`/api/governance${path}`)
        .set('Authorization', USER);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`Query parameter '${name}'`);
      expect(res.body.error.message).toContain('whole number');
    },
  );

  it('still takes a plain whole number', async () => {
    const res = await request(server)
      .get('/api/governance/compliance/entities?limit=5&offset=0')
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ limit: 5, offset: 0 });
  });
});
