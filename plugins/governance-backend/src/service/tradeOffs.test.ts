import { auditorMock } from '../__testUtils__/auditorMock';
import { queueTradeOff } from '../__testUtils__/queueTradeOff';
import {
  councilPermissions,
  startGovernanceTestBackend,
  userApi,
} from '../__testUtils__/governanceTestBackend';
import { component } from '../__testUtils__/catalogEntities';
import { catalogReadDecisions } from '../__testUtils__/visibleCatalog';
import { ADA, GRACE, JANE } from '../__testUtils__/users';

const payments = component('payments', {}, 'group:default/a');

/** Grace is the council and may do everything; Jane and Ada only request reviews. */
const permissions = councilPermissions(
  GRACE,
  // Everyone reads the whole catalog here.
  catalogReadDecisions({ conditional: 'user:default/nobody' }),
);

async function startBackend() {
  const auditor = auditorMock();
  const server = await startGovernanceTestBackend({
    entities: [payments],
    permission: permissions.factory,
    config: {
      governance: {
        reviews: {
          tradeOffCriteria: queueTradeOff.criteria,
        },
      },
    },
    features: [auditor.factory],
  });
  return { auditor, as: (who: string) => userApi(server, who) };
}

type Backend = Awaited<ReturnType<typeof startBackend>>;

/** Saves the queue matrix over `revision` of review `id`'s trade-off, as `who`. */
const saveMatrix = (
  backend: Backend,
  who: string,
  id: string,
  revision: number,
) =>
  backend
    .as(who)
    .put(`/reviews/${id}/trade-off`, { revision, ...queueTradeOff });

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

describe('trade-off matrices', () => {
  it('starts from the configured criteria, lets the requester save it, and audits the save', async () => {
    const backend = await startBackend();
    const { id } = await designReview(backend);
    const empty = await backend.as(ADA).get(`/reviews/${id}/trade-off`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      reviewId: id,
      revision: 0,
      criteria: queueTradeOff.criteria,
      options: [],
      cells: [],
      outcomes: [],
    });

    const saved = await saveMatrix(backend, JANE, id, 0);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 1, updatedBy: JANE });
    expect(backend.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'review-trade-off-update',
        meta: expect.objectContaining({ reviewId: id, options: 2 }),
      }),
    );

    // Someone who neither asked for the review nor triages may not change it.
    const denied = await saveMatrix(backend, ADA, id, 1);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('governance.review.triage');
  });

  it('refuses an edit based on a stale revision with 409, naming the current one', async () => {
    const backend = await startBackend();
    const { id } = await designReview(backend);
    await saveMatrix(backend, JANE, id, 0).expect(200);
    await saveMatrix(backend, GRACE, id, 1).expect(200);
    const stale = await saveMatrix(backend, JANE, id, 1);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('it is at revision 2');
  });

  it.each([
    [
      'a cell of an unknown option',
      {
        ...queueTradeOff,
        cells: [{ optionId: 'nats', criterionId: 'cost', score: 3 }],
      },
      'cells[0].optionId "nats" is not an option; allowed: kafka, sqs',
    ],
    [
      'a score outside 1 to 5',
      {
        ...queueTradeOff,
        cells: [{ optionId: 'sqs', criterionId: 'cost', score: 9 }],
      },
      'score',
    ],
    [
      'more than 8 options',
      {
        ...queueTradeOff,
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
        ...queueTradeOff,
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
        ...queueTradeOff,
        options: [queueTradeOff.options[0], queueTradeOff.options[0]],
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
    await saveMatrix(backend, JANE, id, 0).expect(200);
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
    const late = await saveMatrix(backend, JANE, id, 1);
    expect(late.status).toBe(400);

    const forAdr = await backend.as(ADA).get('/adrs/adr-queue/trade-off');
    expect(forAdr.status).toBe(200);
    expect(forAdr.body).toMatchObject({ reviewId: id, chosenOption: 'sqs' });

    const outcomes = {
      revision: 1,
      outcomes: [{ criterionId: 'cost', happened: 'Half the forecast' }],
    };
    const recordOutcomes = (who: string) =>
      backend.as(who).put(`/reviews/${id}/trade-off/outcomes`, outcomes);
    expect((await recordOutcomes(JANE)).status).toBe(403);
    const recorded = await recordOutcomes(GRACE);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      revision: 2,
      outcomes: outcomes.outcomes,
    });
    // Over revision 1 again, which the recording above made stale.
    expect((await recordOutcomes(GRACE)).status).toBe(409);
  });
});
