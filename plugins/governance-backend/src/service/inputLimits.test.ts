import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { MAX_BODY_BYTES, MAX_BODY_DEPTH, readInput } from './inputLimits';
import {
  pushPaymentsFact,
  requestPaymentsReview,
  startPaymentsBackend,
} from '../__testUtils__/governanceTestBackend';
import { governanceTestDatabases } from '../__testUtils__/testDatabases';

const nested = (depth: number) =>
  `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('readInput', () => {
  const app = express()
    .use(readInput())
    .all('/*', (req, res) => {
      res.json({ ok: true, body: req.body });
    })
    .use(mockErrorHandler());

  const post = (text: string) =>
    request(app).post('/x').set('Content-Type', 'application/json').send(text);

  it('takes a body nested up to the limit', async () => {
    const res = await post(`{"facts":${nested(MAX_BODY_DEPTH - 1)}}`);
    expect(res.status).toBe(200);
  });

  it('refuses a body one level deeper than the limit, naming where and the limit', async () => {
    const res = await post(`{"facts":[${nested(MAX_BODY_DEPTH - 1)}]}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `The request body at facts[0]${'.a'.repeat(
        MAX_BODY_DEPTH - 2,
      )} is nested too deeply: at most 16 levels of objects and arrays are allowed`,
    );
  });

  it.each([
    ['objects', nested(100_000)],
    ['arrays', `${'['.repeat(100_000)}1${']'.repeat(100_000)}`],
  ])(
    'refuses %s nested 100,000 levels deep with a 400, not a stack overflow',
    async (_kind, text) => {
      const res = await post(text);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/nested too deeply/);
      expect(res.text.length).toBeLessThan(1000);
    },
  );

  it('takes a body up to the size limit and answers 413 above it', async () => {
    const filler = (bytes: number) => JSON.stringify({ x: 'a'.repeat(bytes) });
    const room = MAX_BODY_BYTES - filler(0).length;
    expect((await post(filler(room))).status).toBe(200);
    const tooLarge = await post(filler(room + 1));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toMatch(/too large/);
  });

  it.each([
    {
      what: 'control characters',
      inText: '{"items":[{"title":"a\\u0000b"}]}',
      textMessage:
        'The request body at items[0].title contains the control character U+0000; text may hold tabs and line breaks but no other control characters',
      inKey: '{"x":{"\\u001b[31m":1}}',
      keyMessage:
        /^The request body at x has a key that contains the control character U\+001B/,
    },
    {
      what: 'half of a surrogate pair',
      inText: '{"facts":[{"source":"ci/\\ud800"}]}',
      textMessage:
        'The request body at facts[0].source contains half of a UTF-16 surrogate pair; text must be well-formed Unicode',
      inKey: '{"x":{"\\udc00":1}}',
      keyMessage:
        /^The request body at x has a key that contains half of a UTF-16 surrogate pair/,
    },
  ])(
    'refuses $what in texts and keys of the body, naming where',
    async ({ inText, textMessage, inKey, keyMessage }) => {
      const text = await post(inText);
      expect(text.status).toBe(400);
      expect(text.body.error.message).toBe(textMessage);
      const key = await post(inKey);
      expect(key.status).toBe(400);
      expect(key.body.error.message).toMatch(keyMessage);
    },
  );

  it('refuses a control character in a body that is a bare string', async () => {
    const top = await post('"\\u0007"');
    expect(top.status).toBe(400);
  });

  it('takes tabs, line breaks and any other unicode', async () => {
    const res = await post(
      JSON.stringify({ notes: 'one\r\ntwo\tthree Zoë 💥 \u202e' }),
    );
    expect(res.status).toBe(200);
  });

  it('refuses control characters in query parameters and the path', async () => {
    const query = await request(app).get('/x?owner=a%00b');
    expect(query.status).toBe(400);
    expect(query.body.error.message).toMatch(
      /^Query parameter owner contains the control character U\+0000/,
    );
    const path = await request(app).get('/reviews/%00');
    expect(path.status).toBe(400);
    expect(path.body.error.message).toMatch(
      /^The path parameter "\\u0000" contains the control character U\+0000/,
    );
  });
});

const USER = mockCredentials.user.header('user:default/grace');

/** A backend of payments, owned by a group, on `database`. */
const startBackend = (
  database: ReturnType<typeof mockServices.database.factory>,
) => startPaymentsBackend('group:default/team-a', [database]);

const ROUTES_WITH_BODIES = [
  ['post', '/facts'],
  ['post', '/waivers'],
  ['post', '/reviews'],
  ['patch', '/reviews/6f1a0b8e-0000-4000-8000-000000000000'],
  ['post', '/reviews/6f1a0b8e-0000-4000-8000-000000000000/comments'],
  ['post', '/adrs/6f1a0b8e-0000-4000-8000-000000000000/retrospectives'],
] as const;

describe('the governance API', () => {
  it.each(ROUTES_WITH_BODIES)(
    '%s %s answers a body nested 100,000 levels deep with a 400',
    async (method, path) => {
      const server = await startBackend(mockServices.database.factory());
      const res = await request(server)
        [method](`/api/governance${path}`)
        .set('Authorization', USER)
        .set('Content-Type', 'application/json')
        .send(`{"title":${nested(100_000)}}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        name: 'InputError',
        message:
          'The request body at title.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a is nested too deeply: at most 16 levels of objects and arrays are allowed',
      });
    },
  );
});

const databases = governanceTestDatabases();

describe.each(databases.eachSupportedId())(
  'the governance API on %s',
  databaseId => {
    let server: Awaited<ReturnType<typeof startBackend>>;
    const api = (path: string) => `/api/governance${path}`;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      server = await startBackend(mockServices.database.factory({ knex }));
    });

    it('refuses NUL in a title, a comment or a source with a 400 and stores nothing', async () => {
      const title = await requestPaymentsReview(
        server,
        USER,
        'New\u0000ledger',
      );
      expect(title.status).toBe(400);
      expect(title.body.error.message).toMatch(
        /^The request body at title contains the control character U\+0000/,
      );

      const created = await requestPaymentsReview(server, USER, 'New ledger');
      expect(created.status).toBe(201);
      const comment = await request(server)
        .post(api(`/reviews/${created.body.id}/comments`))
        .set('Authorization', USER)
        .send({ body: 'Looks\u0000fine' });
      expect(comment.status).toBe(400);

      const fact = await pushPaymentsFact(server, { source: 'ci/\u0000' });
      expect(fact.status).toBe(400);
      expect(fact.body.error.message).toMatch(/at source contains .* U\+0000/);
      // PostgreSQL's JSON parameter of a fact write refuses a lone surrogate: a 400, not a 500.
      const halfPair = await pushPaymentsFact(server, { source: 'ci/\ud800' });
      expect(halfPair.status).toBe(400);
      expect(halfPair.body.error.message).toMatch(
        /at source contains half of a UTF-16 surrogate pair/,
      );

      const list = await request(server)
        .get(api('/reviews?entityRef=component:default/payments'))
        .set('Authorization', USER);
      expect(list.body.items.map((i: { title: string }) => i.title)).toEqual([
        'New ledger',
      ]);
      const item = await request(server)
        .get(api(`/reviews/${created.body.id}`))
        .set('Authorization', USER);
      expect(item.body.comments ?? []).toEqual([]);
    });

    it('refuses NUL in query parameters and path ids with a 400', async () => {
      const query = await request(server)
        .get(api('/compliance?owner=team%00a'))
        .set('Authorization', USER);
      expect(query.status).toBe(400);
      expect(query.body.error.message).toMatch(/^Query parameter owner/);

      for (const path of [
        '/reviews/%00',
        '/waivers/%00',
        '/adrs/%00',
        '/adrs/x%00/impact',
      ]) {
        const res = await request(server)
          [path.startsWith('/waivers') ? 'delete' : 'get'](api(path))
          .set('Authorization', USER);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
      }
    });
  },
);
