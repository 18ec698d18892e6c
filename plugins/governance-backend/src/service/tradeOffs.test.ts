import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { governancePlugin } from '../plugin';
import {
  catalogReadDecisions,
  visibleCatalog,
} from '../__testUtils__/visibleCatalog';

const JANE = 'user:default/jane';
const GRACE = 'user:default/grace';
const ADA = 'user:default/ada';

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments' },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/a' },
};

/** Grace is the council and may do everything; Jane and Ada only request reviews. */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, options) => {
    const principal = (
      options.credentials.principal as { userEntityRef?: string }
    ).userEntityRef;
    return requests.map(r => ({
      result:
        r.permission.name === 'governance.review.create' || principal === GRACE
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    }));
  },
  // Everyone reads the whole catalog here.
  authorizeConditional: catalogReadDecisions({
    conditional: 'user:default/nobody',
  }),
});

async function startBackend() {
  const auditor = mockServices.auditor.mock();
  auditor.createEvent.mockImplementation(async () => ({
    success: jest.fn(),
    fail: jest.fn(),
  }));
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      permissions.factory,
      auditor.factory,
      mockServices.rootConfig.factory({
        data: {
          governance: {
            reviews: {
              tradeOffCriteria: [
                { id: 'cost', title: 'Cost', weight: 3 },
                { id: 'time', title: 'Time', weight: 1 },
                { id: 'risk', title: 'Risk', weight: 2 },
              ],
            },
          },
        },
      }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => visibleCatalog([payments], () => false),
      }),
    ],
  });
  const as = (who: string) => ({
    get: (url: string) =>
      request(server)
        .get(`/api/governance${url}`)
        .set('Authorization', mockCredentials.user.header(who)),
    put: (url: string, body: object) =>
      request(server)
        .put(`/api/governance${url}`)
        .set('Authorization', mockCredentials.user.header(who))
        .send(body),
    patch: (url: string, body: object) =>
      request(server)
        .patch(`/api/governance${url}`)
        .set('Authorization', mockCredentials.user.header(who))
        .send(body),
    post: (url: string, body: object) =>
      request(server)
        .post(`/api/governance${url}`)
        .set('Authorization', mockCredentials.user.header(who))
        .send(body),
  });
  return { auditor, as };
}

type Backend = Awaited<ReturnType<typeof startBackend>>;

async function designReview({ as }: Backend, kind = 'design-review') {
  const { body } = await as(JANE)
    .post('/reviews', {
      entityRef: 'component:default/payments',
      kind,
      title: 'Pick a queue for payment events',
    })
    .expect(201);
  return body as { id: string; number: number };
}

const matrix = {
  criteria: [
    { id: 'cost', title: 'Cost', weight: 3 },
    { id: 'time', title: 'Time', weight: 1 },
    { id: 'risk', title: 'Risk', weight: 2 },
  ],
  options: [
    { id: 'kafka', title: 'Kafka' },
    { id: 'sqs', title: 'SQS' },
  ],
  cells: [
    { optionId: 'kafka', criterionId: 'cost', score: 2, note: 'A cluster' },
    { optionId: 'sqs', criterionId: 'cost', score: 4, note: 'Pay per use' },
  ],
};

describe('trade-off matrices', () => {
  it('starts from the configured criteria, lets the requester save it, and audits the save', async () => {
    const backend = await startBackend();
    const { id } = await designReview(backend);
    const empty = await backend.as(ADA).get(`/reviews/${id}/trade-off`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      reviewId: id,
      revision: 0,
      criteria: matrix.criteria,
      options: [],
      cells: [],
      outcomes: [],
    });

    const saved = await backend
      .as(JANE)
      .put(`/reviews/${id}/trade-off`, { revision: 0, ...matrix });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 1, updatedBy: JANE });
    expect(backend.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'review-trade-off-update',
        meta: expect.objectContaining({ reviewId: id, options: 2 }),
      }),
    );

    // Someone who neither asked for the review nor triages may not change it.
    const denied = await backend
      .as(ADA)
      .put(`/reviews/${id}/trade-off`, { revision: 1, ...matrix });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('governance.review.triage');
  });

  it('refuses an edit based on a stale revision with 409, naming the current one', async () => {
    const backend = await startBackend();
    const { id } = await designReview(backend);
    await backend
      .as(JANE)
      .put(`/reviews/${id}/trade-off`, { revision: 0, ...matrix })
      .expect(200);
    await backend
      .as(GRACE)
      .put(`/reviews/${id}/trade-off`, { revision: 1, ...matrix })
      .expect(200);
    const stale = await backend
      .as(JANE)
      .put(`/reviews/${id}/trade-off`, { revision: 1, ...matrix });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('it is at revision 2');
  });

  it.each([
    [
      'a cell of an unknown option',
      {
        ...matrix,
        cells: [{ optionId: 'nats', criterionId: 'cost', score: 3 }],
      },
      'cells[0].optionId "nats" is not an option; allowed: kafka, sqs',
    ],
    [
      'a score outside 1 to 5',
      {
        ...matrix,
        cells: [{ optionId: 'sqs', criterionId: 'cost', score: 9 }],
      },
      'score',
    ],
    [
      'more than 8 options',
      {
        ...matrix,
        options: Array.from({ length: 9 }, (_, i) => ({
          id: `o${i}`,
          title: `Option ${i}`,
        })),
        cells: [],
      },
      'options',
    ],
    [
      'a note over 500 characters',
      {
        ...matrix,
        cells: [
          {
            optionId: 'sqs',
            criterionId: 'cost',
            score: 3,
            note: 'x'.repeat(501),
          },
        ],
      },
      'note',
    ],
    [
      'an option id used twice',
      {
        ...matrix,
        options: [matrix.options[0], matrix.options[0]],
        cells: [],
      },
      'option id "kafka" is used twice',
    ],
  ])('answers 400 to %s', async (_, body, message) => {
    const backend = await startBackend();
    const { id } = await designReview(backend);
    const res = await backend
      .as(JANE)
      .put(`/reviews/${id}/trade-off`, { revision: 0, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('has no matrix on other kinds of review', async () => {
    const backend = await startBackend();
    const { id } = await designReview(backend, 'adr-review');
    const res = await backend.as(JANE).get(`/reviews/${id}/trade-off`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'only a design-review carries a trade-off matrix',
    );
  });

  it('records the chosen option with the decision (one of the options, else 400), then what happened, found by the ADR', async () => {
    const backend = await startBackend();
    const { id } = await designReview(backend);
    await backend
      .as(JANE)
      .put(`/reviews/${id}/trade-off`, { revision: 0, ...matrix })
      .expect(200);
    const decide = (chosenOption: string) =>
      backend.as(GRACE).patch(`/reviews/${id}`, {
        version: 1,
        status: 'approved',
        rationale: 'Cheapest to run at our volume',
        decisionAdr: 'adr-queue',
        chosenOption,
      });
    const wrong = await decide('nats');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain(
      'chosenOption "nats" is not an option of review',
    );
    expect(wrong.body.error.message).toContain('allowed: kafka, sqs');

    const decided = await decide('sqs');
    expect(decided.status).toBe(200);
    expect(decided.body.decision).toMatchObject({ chosenOption: 'sqs' });

    // Decided: the matrix stays as it was decided.
    const late = await backend
      .as(JANE)
      .put(`/reviews/${id}/trade-off`, { revision: 1, ...matrix });
    expect(late.status).toBe(400);

    const forAdr = await backend.as(ADA).get('/adrs/adr-queue/trade-off');
    expect(forAdr.status).toBe(200);
    expect(forAdr.body).toMatchObject({ reviewId: id, chosenOption: 'sqs' });

    const outcomes = {
      revision: 1,
      outcomes: [{ criterionId: 'cost', happened: 'Half the forecast' }],
    };
    expect(
      (
        await backend
          .as(JANE)
          .put(`/reviews/${id}/trade-off/outcomes`, outcomes)
      ).status,
    ).toBe(403);
    const recorded = await backend
      .as(GRACE)
      .put(`/reviews/${id}/trade-off/outcomes`, outcomes);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      revision: 2,
      outcomes: outcomes.outcomes,
    });
    expect(
      (
        await backend
          .as(GRACE)
          .put(`/reviews/${id}/trade-off/outcomes`, outcomes)
      ).status,
    ).toBe(409);
  });
});
