import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startFactsBackend } from '../__testUtils__/factsBackend';
import { badRequest } from '../__testUtils__/governanceTestBackend';

describe('POST /api/governance/facts', () => {
  it.each([
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'speed',
            value: 1,
            source: 'ci',
          },
        ],
      },
      'facts[0].name "speed" is not a known fact',
    ],
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'coverage',
            value: 'high',
            source: 'ci',
          },
        ],
      },
      'facts[0].value: fact coverage must be a finite number',
    ],
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'coverage',
            value: 140,
            source: 'ci',
          },
        ],
      },
      'out of range: allowed is 0 to 100',
    ],
    [
      {
        facts: [
          { entityRef: 'payments', name: 'coverage', value: 80, source: 'ci' },
        ],
      },
      'facts[0].entityRef "payments" is malformed',
    ],
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'coverage',
            value: 80,
          },
        ],
      },
      'facts[0].source is required',
    ],
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'coverage',
            value: 80,
            source: 'ci',
            observedAt: 'yesterday',
          },
        ],
      },
      'facts[0].observedAt must be an ISO 8601 date or timestamp with its zone',
    ],
    [
      {
        facts: [
          {
            entityRef: 'component:default/payments',
            name: 'lastSecurityReview',
            value: '2026-13-01',
            source: 'ci',
          },
        ],
      },
      'fact lastSecurityReview must be a date written YYYY-MM-DD, got "2026-13-01"',
    ],
    // A batch parses each distinct time and ref once: a repeated bad one is still named for
    // every fact that carries it.
    [
      {
        facts: ['coverage', 'p95LatencyMs'].map(name => ({
          entityRef: 'component:default/payments',
          name,
          value: 80,
          source: 'ci',
          observedAt: 'yesterday',
        })),
      },
      'facts[1].observedAt must be an ISO 8601 date or timestamp with its zone',
    ],
    [
      {
        facts: ['coverage', 'p95LatencyMs'].map(name => ({
          entityRef: 'payments',
          name,
          value: 80,
          source: 'ci',
        })),
      },
      'facts[1].entityRef "payments" is malformed',
    ],
    [{ facts: [] }, 'facts is empty'],
    [{ facts: 'coverage=80' }, 'facts must be a list of objects'],
    [
      {
        facts: [
          {
            entityRef: 'component:default/ghost',
            name: 'coverage',
            value: 80,
            source: 'ci',
          },
        ],
      },
      'not in the catalog: component:default/ghost',
    ],
  ])('answers 400 naming the problem for %j', async (body, message) => {
    const server = await startFactsBackend();
    const res = await request(server)
      .post('/api/governance/facts')
      .set('Authorization', mockCredentials.service.header())
      .send(body);
    expect(res).toMatchObject(badRequest(message));
  });
});
