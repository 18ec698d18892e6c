import {
  backstageError,
  startBackendPerTest,
} from '../../__testUtils__/startBackend';
import { governanceBaseUrl } from '../../lib/governanceClient';
import { pushFacts } from './pushFacts';

const fact = {
  entityRef: 'component:default/payments',
  name: 'coverage',
  value: 83.2,
  source: 'ci/github-actions',
};

describe('pushFacts', () => {
  const startBackend = startBackendPerTest();

  it('posts the batch with the bearer token and resolves to what was accepted', async () => {
    const backend = await startBackend({
      status: 201,
      body: { accepted: 1, entities: 1, evaluated: true },
    });
    await expect(
      pushFacts({
        baseUrl: `${backend.baseUrl}/`,
        token: 'secret',
        facts: [fact],
      }),
    ).resolves.toEqual({ accepted: 1, entities: 1, evaluated: true });
    expect(backend.requests).toEqual([
      {
        method: 'POST',
        url: '/api/governance/facts',
        headers: expect.objectContaining({
          authorization: 'Bearer secret',
          'content-type': 'application/json',
        }),
        body: { facts: [fact] },
      },
    ]);
  });

  it.each([
    [
      400,
      backstageError(
        'InputError',
        'Nothing was stored: 1 problem in the facts. facts[0].value: fact coverage is 140, out of range',
        400,
      ),
      '400 Bad Request: Nothing was stored: 1 problem in the facts. facts[0].value: fact coverage is 140, out of range',
    ],
    [
      401,
      backstageError('AuthenticationError', 'Illegal token', 401),
      '401 Unauthorized: Illegal token\nCheck --token or GOVERNANCE_TOKEN',
    ],
    [
      403,
      backstageError(
        'NotAllowedError',
        'Pushing facts needs the permission governance.fact.write',
        403,
      ),
      '403 Forbidden: Pushing facts needs the permission governance.fact.write',
    ],
    [
      404,
      backstageError('NotFoundError', 'Not Found', 404),
      '404 Not Found: Not Found\nCheck --url or GOVERNANCE_BACKEND_URL',
    ],
  ])(
    'shows the backend message of a %s and exits 1',
    async (status, body, message) => {
      const backend = await startBackend({ status, body });
      await expect(
        pushFacts({ baseUrl: backend.baseUrl, token: 't', facts: [fact] }),
      ).rejects.toMatchObject({
        exitCode: 1,
        message: expect.stringContaining(
          `The governance backend refused the facts: ${message}`,
        ),
      });
    },
  );

  it('cannot run (exit code 2) when the backend cannot be reached', async () => {
    // A backend that was there and is gone: nothing listens on its port any more.
    const stopped = await startBackend({ status: 201, body: {} });
    await stopped.close();
    const { baseUrl } = stopped;
    await expect(
      pushFacts({ baseUrl, token: 't', facts: [fact] }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: `Could not reach the governance backend at ${baseUrl}/api/governance/facts: ECONNREFUSED`,
    });
  });
});

describe('governanceBaseUrl', () => {
  it('appends the governance API path to the base URL, keeping a path prefix', () => {
    expect(governanceBaseUrl('https://backstage.example.com')).toBe(
      'https://backstage.example.com/api/governance',
    );
    expect(governanceBaseUrl('https://example.com/backstage/')).toBe(
      'https://example.com/backstage/api/governance',
    );
  });

  it.each(['localhost:7007', 'ftp://example.com'])(
    'refuses %s with exit code 2',
    url => {
      expect(() => governanceBaseUrl(url)).toThrow(
        expect.objectContaining({ exitCode: 2 }),
      );
    },
  );
});
