import { mockCredentials } from '@backstage/backend-test-utils';
import { MAX_QUOTED_LENGTH } from '@catalog-governance/backstage-plugin-governance-common';
import type { Server } from 'node:http';
import {
  governanceApi,
  pushPaymentsFact,
  requestPaymentsReview,
  startPaymentsBackend,
} from '../__testUtils__/governanceTestBackend';

jest.setTimeout(60_000);

const GRACE = mockCredentials.user.header('user:default/grace');
const huge = (length: number) => 'x'.repeat(length);
// The longest run of the input an error body may repeat: the quote and its ellipsis.
const quoted = new RegExp(`x{${MAX_QUOTED_LENGTH + 1}}`);

describe('error bodies', () => {
  let server: Server;
  let reviewId: string;

  beforeAll(async () => {
    server = await startPaymentsBackend();
    const created = await requestPaymentsReview(server, GRACE);
    reviewId = created.body.id;
  });

  it('quote at most 100 characters of a 9 MB fact name, and say how long it was', async () => {
    const res = await pushPaymentsFact(server, {
      name: huge(9_000_000),
      value: 1,
      source: 'ci',
    });
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(2_000);
    expect(res.text).not.toMatch(quoted);
    // The contract's limit on a fact name answers before the fact names are looked up.
    expect(res.body.error.message).toContain(
      `name "${huge(
        MAX_QUOTED_LENGTH,
      )}…" (text of 9000000 characters) is too long: at most 255 characters`,
    );
  });

  it.each([
    [
      'a fact value',
      'post',
      '/facts',
      {
        entityRef: 'component:default/payments',
        name: 'coverage',
        value: huge(1_000_000),
        source: 'ci',
      },
    ],
    [
      'an entity ref of a fact',
      'post',
      '/facts',
      { entityRef: huge(1_000_000), name: 'coverage', value: 1, source: 'ci' },
    ],
    [
      'a waiver field',
      'post',
      '/waivers',
      { entityRef: huge(1_000_000), checkId: huge(1_000_000) },
    ],
    ['a review kind', 'post', '/reviews', { kind: huge(1_000_000) }],
    [
      'a review update field',
      'patch',
      '/reviews/:id',
      { version: 1, [huge(1_000_000)]: 1, status: huge(1_000_000) },
    ],
    [
      'a retrospective outcome',
      'post',
      '/adrs/0b1f2c3d-0000-4000-8000-000000000000/retrospectives',
      { date: huge(1_000_000), outcome: huge(1_000_000) },
    ],
  ] as const)(
    'quote at most 100 characters of %s',
    async (_what, method, path, body) => {
      const caller =
        path === '/facts' ? mockCredentials.service.header() : GRACE;
      const res = await governanceApi(server, caller)
        [method](path.replace(':id', reviewId))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.text.length).toBeLessThan(2_000);
      expect(res.text).not.toMatch(quoted);
    },
  );

  it.each([
    ['/compliance?groupBy=', huge(8_000)],
    ['/compliance/entities?limit=', huge(8_000)],
    ['/reviews?status=', Array.from({ length: 1_000 }, () => 'x').join(',')],
    ['/reviews?overdue=', huge(8_000)],
    ['/summary?entityRef=', huge(8_000)],
    ['/adr-index?from=', huge(8_000)],
    ['/adr-index?sort=', huge(8_000)],
    ['/reviews/', huge(8_000)],
    ['/adrs/', huge(8_000)],
  ])(
    'quote at most 100 characters of %s<8,000 characters>',
    async (path, value) => {
      const res = await governanceApi(server, GRACE).get(`${path}${value}`);
      expect(res.status).toBe(400);
      // The error middleware repeats the request's URL beside the message; the message is ours.
      const message: string = res.body.error.message;
      expect(message.length).toBeLessThan(400);
      expect(message).not.toMatch(quoted);
    },
  );

  it('quote a long waiver id in no more than 100 characters', async () => {
    const res = await governanceApi(server, GRACE).delete(
      `/waivers/${huge(8_000)}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `The path parameter "${huge(
        MAX_QUOTED_LENGTH,
      )}…" (text of 8000 characters) is too long: ids are at most 64 characters`,
    );
  });
});
