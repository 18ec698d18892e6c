import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/test-utils';
import { adrExchanges } from './__testUtils__/adrExchanges';
import { comment, jsonResponse, reviewItem } from './__testUtils__/answers';
import { campaignExchanges } from './__testUtils__/campaignExchanges';
import { exchanges } from './__testUtils__/exchanges';
import { reviewExchanges } from './__testUtils__/reviewExchanges';
import { stackExchanges } from './__testUtils__/stackExchanges';
import { refusals } from './__testUtils__/refusals';
import { GovernanceClient } from './GovernanceClient';
import { ReviewConflictError } from './ReviewConflictError';

describe('GovernanceClient', () => {
  const discoveryApi = mockApis.discovery({ baseUrl: 'http://localhost:7007' });

  function clientAnswering(answer: () => Response) {
    const fetch = jest.fn(
      async (_input: RequestInfo | URL, _init?: RequestInit) => answer(),
    );
    return {
      fetch,
      client: new GovernanceClient({ discoveryApi, fetchApi: { fetch } }),
    };
  }

  /** The one request the client sent, read the way the backend reads it. */
  async function sentBy(fetch: ReturnType<typeof clientAnswering>['fetch']) {
    expect(fetch).toHaveBeenCalledTimes(1);
    const request = new Request(...fetch.mock.calls[0]);
    const url = new URL(request.url);
    return {
      method: request.method,
      url: `${url.origin}${url.pathname}`,
      query: [...url.searchParams],
      headers: [...request.headers],
      body: await request.text(),
    };
  }

  it.each([
    ...exchanges,
    ...adrExchanges,
    ...reviewExchanges,
    ...campaignExchanges,
    ...stackExchanges,
  ])('$behaviour', async ({ call, answer, returns, sends }) => {
    const { fetch, client } = clientAnswering(answer);

    await expect(call(client)).resolves.toEqual(returns);
    await expect(sentBy(fetch)).resolves.toEqual({
      method: sends.method,
      url: `http://localhost:7007/api/governance${sends.path}`,
      query: sends.query ?? [],
      headers: sends.body ? [['content-type', 'application/json']] : [],
      body: sends.body ?? '',
    });
  });

  it.each(refusals)(
    'throws a ResponseError carrying the backend error when $behaviour',
    async ({ call, answer, statusCode, cause }) => {
      const { client } = clientAnswering(answer);

      const error = (await call(client).catch(e => e)) as ResponseError;
      expect(error).toBeInstanceOf(ResponseError);
      expect(error).not.toBeInstanceOf(ReviewConflictError);
      expect(error.statusCode).toBe(statusCode);
      expect(error.cause).toMatchObject(cause);
    },
  );

  it('posts through a fetch middleware that copies the request and passes the original on', async () => {
    // Backstage's identity middleware builds a Request from its input, then passes the input
    // itself on when it adds no token; a Request body can only be taken once.
    const sent: Request[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      void new Request(input, init);
      const request = new Request(input, init);
      sent.push(request);
      return jsonResponse(201, comment);
    };
    const client = new GovernanceClient({ discoveryApi, fetchApi: { fetch } });

    await expect(
      client.commentOnReview('review-1', 'Looks good'),
    ).resolves.toEqual(comment);
    expect(sent).toHaveLength(1);
    await expect(sent[0].text()).resolves.toBe(
      JSON.stringify({ body: 'Looks good' }),
    );
  });

  it.each([
    ['as the backend sends it', {}],
    [
      "with the rest of Backstage's error body",
      {
        request: { method: 'PATCH', url: '/api/governance/reviews/review-1' },
        response: { statusCode: 409 },
      },
    ],
  ])(
    'throws a ReviewConflictError carrying the current item when the version is stale, %s',
    async (_form, rest) => {
      const current = {
        ...reviewItem,
        assignee: 'user:default/li.wei',
        version: 6,
      };
      const { client } = clientAnswering(() =>
        jsonResponse(409, {
          error: {
            name: 'ConflictError',
            message: 'Review review-1 is at version 6, not 4',
          },
          ...rest,
          item: current,
        }),
      );

      const error = await client
        .updateReview('review-1', { version: 4, priority: 'critical' })
        .catch(e => e);
      expect(error).toBeInstanceOf(ReviewConflictError);
      expect(error.name).toBe('ReviewConflictError');
      expect(error.message).toBe('Review review-1 is at version 6, not 4');
      expect(error.current).toEqual(current);
    },
  );
});
