import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AdrDetail,
  AdrImpact,
  AdrIndexPage,
} from '@catalog-governance/backstage-plugin-governance-common';
import request from 'supertest';
import { badRequest } from '../__testUtils__/governanceTestBackend';
import {
  catalogHidingFrom,
  catalogReadPermission,
} from '../__testUtils__/visibleCatalog';
import {
  adrExamples,
  adrEntities,
  startAdrBackend,
  getAsUser,
  adrsOf,
} from '../__testUtils__/adrBackend';

/** `POST /adrs/:id/retrospectives` as `user` (the default mock user without one). */
function recordRetrospective(
  server: Parameters<typeof request>[0],
  adrId: string,
  body: object,
  user?: string,
) {
  return request(server)
    .post(`/api/governance/adrs/${adrId}/retrospectives`)
    .set('Authorization', mockCredentials.user.header(user))
    .send(body);
}

describe('ADR routes', () => {
  it("lists an entity's ADRs, read on first view, with their status and retrospective", async () => {
    const server = await startAdrBackend();
    const adrs = await adrsOf(server, 'checkout-web');
    expect(adrs.location).toMatchObject({ status: 'ok' });
    expect(
      adrs.items.map(a => [a.number, a.status, a.retrospective.state]),
    ).toEqual([
      [1, 'accepted', 'overdue'],
      [2, 'accepted', 'due'],
      [3, 'superseded', 'not-applicable'],
      [4, 'proposed', 'not-applicable'],
    ]);

    expect(await adrsOf(server, 'plain')).toEqual({
      entityRef: 'component:default/plain',
      location: { status: 'not-configured' },
      items: [],
    });
  });

  it('shows why a location cannot be read instead of an empty list', async () => {
    const server = await startAdrBackend();
    const adrs = await adrsOf(server, 'ledger');
    expect(adrs.location).toMatchObject({
      status: 'error',
      url: 'https://example.com/adrs/',
    });
    expect(adrs.items).toEqual([]);
    expect((adrs.location as { error: string }).error.length).toBeGreaterThan(
      10,
    );
  });

  it('gives viewers a plain reason for a location it cannot read, without server paths or settings', async () => {
    const server = await startAdrBackend();
    for (const [name, reason] of [
      ['stray', /^Not allowed: /],
      ['missing', /^Not found: /],
    ] as const) {
      const { location } = await adrsOf(server, name);
      expect(location).toMatchObject({ status: 'error' });
      const { error } = location as { error: string };
      expect(error).toMatch(reason);
      expect(error).not.toContain(adrExamples);
      expect(error).not.toContain('/etc');
    }
  });

  it('opens one ADR with its body and resolves the superseding ADR to its id', async () => {
    const server = await startAdrBackend();
    const { items } = await adrsOf(server, 'checkout-web');
    const superseded = (await getAsUser(server, `/adrs/${items[2].id}`))
      .body as AdrDetail;
    expect(superseded.supersededBy).toMatchObject({
      number: 4,
      adrId: items[3].id,
    });
    expect(superseded.body).toContain('Use a CSS-in-JS library');
    expect((await getAsUser(server, '/adrs/nope')).status).toBe(404);
  });

  it('records a retrospective, after which the ADR is no longer overdue', async () => {
    const server = await startAdrBackend();
    const { items } = await adrsOf(server, 'checkout-web');
    const res = await recordRetrospective(
      server,
      items[0].id,
      { date: '2026-11-20', outcome: 'validated', notes: 'Still right.' },
      'user:default/li.wei',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      adrId: items[0].id,
      outcome: 'validated',
      recordedBy: 'user:default/li.wei',
    });
    const after = (await getAsUser(server, `/adrs/${items[0].id}`))
      .body as AdrDetail;
    expect(after.retrospective.state).toBe('recorded');
    expect(after.retrospectives).toHaveLength(1);

    // The contract's checks answer first, every problem at once; the date's, once it has the
    // contract's shape.
    expect(
      await recordRetrospective(server, items[0].id, {
        date: '2999-01-01',
        outcome: 'maybe',
        notes: '',
      }),
    ).toMatchObject(
      badRequest(
        /outcome "maybe" is not allowed, expected one of validated, partly-validated, reversed.*notes is required/,
      ),
    );
    expect(
      await recordRetrospective(server, items[0].id, {
        date: '2999-01-01',
        outcome: 'validated',
        notes: ' ',
      }),
    ).toMatchObject(
      badRequest(/date 2999-01-01 is in the future.*notes are required/),
    );
  });

  it('answers 403 to a user without governance.retrospective.create', async () => {
    const server = await startAdrBackend({ permission: AuthorizeResult.DENY });
    const { items } = await adrsOf(server, 'checkout-web');
    const res = await recordRetrospective(server, items[0].id, {
      date: '2026-11-20',
      outcome: 'validated',
      notes: 'x',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('governance.retrospective.create');
  });

  it('compares measurements before and after a dated decision, and explains when there is no date', async () => {
    const server = await startAdrBackend();
    const { items } = await adrsOf(server, 'checkout-web');
    const impact = (
      await getAsUser(server, `/adrs/${items[1].id}/impact?weeks=2`)
    ).body as AdrImpact;
    expect(impact).toMatchObject({ date: '2026-06-10', weeks: 2 });
    expect(impact.checks.map(c => c.checkId)).toEqual([
      'p95-latency',
      'availability',
      'coverage',
    ]);

    const payments = await adrsOf(server, 'payments-api');
    const undated = payments.items.find(a => !a.date)!;
    const res = await getAsUser(server, `/adrs/${undated.id}/impact`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('has no date');
  });

  it('indexes ADRs across entities with filters, sorting and pages', async () => {
    const server = await startAdrBackend();
    await adrsOf(server, 'checkout-web');
    await adrsOf(server, 'payments-api');

    const due = (
      await getAsUser(
        server,
        '/adr-index?retrospective=due&retrospective=overdue&sort=date&order=asc',
      )
    ).body as AdrIndexPage;
    expect(due.items.map(a => [a.entityRef, a.number])).toEqual([
      ['component:default/payments-api', 1],
      ['component:default/checkout-web', 1],
      ['component:default/checkout-web', 2],
    ]);

    const css = (await getAsUser(server, '/adr-index?q=CSS&sort=title'))
      .body as AdrIndexPage;
    expect(css.items.map(a => a.title)).toEqual([
      'Use a CSS-in-JS library',
      'Use plain CSS modules',
    ]);

    const page = (
      await getAsUser(
        server,
        '/adr-index?owner=group:default/team-web&status=accepted&limit=1&offset=1&sort=date',
      )
    ).body as AdrIndexPage;
    expect(page).toMatchObject({ totalItems: 2, offset: 1, limit: 1 });
    expect(page.items.map(a => a.number)).toEqual([1]);

    for (const [query, message] of [
      ['status=maybe', `'status' has "maybe"`],
      ['limit=500', "'limit' must be a whole number from 1 to 100"],
      ['from=yesterday', "'from' must be a YYYY-MM-DD date"],
    ]) {
      const res = await getAsUser(server, `/adr-index?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
  });

  it('leaves the ADRs of entities the caller cannot see out of the index, with exact pages', async () => {
    const JANE = 'user:default/jane';
    // Jane's catalog read permission is conditional; the catalog hides payments-api from her.
    const catalog = catalogHidingFrom(
      JANE,
      'component:default/payments-api',
      adrEntities,
    );
    const permissions = catalogReadPermission({ conditional: JANE });
    const server = await startAdrBackend({
      permission: permissions.factory,
      catalog,
    });
    await adrsOf(server, 'checkout-web');
    await adrsOf(server, 'payments-api');
    const index = async (user: string) =>
      (
        await request(server)
          .get('/api/governance/adr-index?limit=1')
          .set('Authorization', mockCredentials.user.header(user))
      ).body as AdrIndexPage;

    const everyone = await index('user:default/ada');
    const janes = await index(JANE);
    expect(janes.totalItems).toBeLessThan(everyone.totalItems);
    expect(janes.totalItems).toBe(
      (await adrsOf(server, 'checkout-web')).items.length,
    );
    expect(janes.items.map(a => a.entityRef)).toEqual([
      'component:default/checkout-web',
    ]);
  });
});
