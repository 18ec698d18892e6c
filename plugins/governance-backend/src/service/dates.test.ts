import { mockCredentials } from '@backstage/backend-test-utils';
import type { Server } from 'node:http';
import {
  governanceApi,
  pushPaymentsFact,
  requestPaymentsReview,
  startPaymentsBackend,
} from '../__testUtils__/governanceTestBackend';

jest.setTimeout(60_000);

const GRACE = mockCredentials.user.header('user:default/grace');

/** A day that does not exist and that Date would roll into the next month: the 31st of a
 * 30-day month a few months ahead, so a lenient reader would take it as a valid expiry. */
function nonexistentDayAhead(): string {
  const now = new Date();
  for (let months = 1; ; months++) {
    const first = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1),
    );
    const last = new Date(
      Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
    );
    if (last.getUTCDate() === 30) {
      return `${last.toISOString().slice(0, 8)}31`;
    }
  }
}

describe('dates coming in over the API', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startPaymentsBackend();
  });
  const asGrace = () => governanceApi(server, GRACE);

  const pushFact = (observedAt: unknown) =>
    pushPaymentsFact(server, { observedAt });

  it.each([
    '2026-02-30',
    '1',
    '2026',
    '2026-02-01T10:00:00',
    '2026-02-01 10:00:00Z',
    'Sun, 01 Feb 2026 10:00:00 GMT',
    '2026-02-01T25:00:00Z',
  ])('refuses a fact observed at %p, naming observedAt', async text => {
    const res = await pushFact(text);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      `facts[0].observedAt must be an ISO 8601 date or timestamp with its zone, such as 2026-02-01T10:00:00Z, got ${JSON.stringify(
        text,
      )}`,
    );
  });

  it('takes a fact observed at a date, or at a time with its zone', async () => {
    expect((await pushFact('2026-02-01')).status).toBe(201);
    expect((await pushFact('2026-02-01T11:00:00.123456+01:00')).status).toBe(
      201,
    );
  });

  it('refuses a waiver expiring on a day that does not exist', async () => {
    const expiresAt = nonexistentDayAhead();
    const res = await asGrace().post('/waivers').send({
      entityRef: 'component:default/payments',
      checkId: 'coverage',
      reason: 'Rewrite this quarter',
      expiresAt,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `Invalid waiver: expiresAt "${expiresAt}" must be an ISO 8601 date or timestamp with its zone, such as 2027-01-31 or 2027-01-31T18:00:00Z`,
    );
  });

  it('refuses a review due on a day that does not exist', async () => {
    const created = await requestPaymentsReview(server, GRACE);
    expect(created.status).toBe(201);
    const res = await asGrace()
      .patch(`/reviews/${created.body.id}`)
      .send({ version: 1, dueDate: '2027-02-29' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Invalid review update: dueDate "2027-02-29" is not a date such as 2027-01-31',
    );
  });

  it('refuses a retrospective held on a day that does not exist', async () => {
    const res = await asGrace()
      .post('/adrs/0b1f2c3d-0000-4000-8000-000000000000/retrospectives')
      .send({
        date: '2026-02-30',
        outcome: 'validated',
        notes: 'Held up well',
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Invalid retrospective: date must be a YYYY-MM-DD date, got "2026-02-30"',
    );
  });

  it.each(['from', 'to'])(
    'refuses an ADR index %s a day that does not exist',
    async name => {
      const res = await asGrace().get(`/adr-index?${name}=2026-02-30`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        `Query parameter '${name}' must be a YYYY-MM-DD date, got "2026-02-30"`,
      );
    },
  );
});
