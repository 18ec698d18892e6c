import {
  cellsOf,
  denyToUsers,
  callAsCell,
  Fixtures,
  startAuthorizationFixtures,
} from '../__testUtils__/authorizationBackend';
import { AUTHORIZATION_ROWS } from '../__testUtils__/authorizationRows';

/*
 * Who may call which route: one row per route (and per permission rule of a route), each
 * checked anonymous, as a user with and without its permission, and with a service token.
 */
describe('governance route authorization', () => {
  let fixtures: Fixtures;

  beforeAll(async () => {
    fixtures = await startAuthorizationFixtures();
  });

  afterEach(() => {
    denyToUsers([]);
  });

  it.each(cellsOf(AUTHORIZATION_ROWS))('$name', async cell => {
    const res = await callAsCell(fixtures, cell);
    // The error message travels with the status, so a failing cell says why.
    expect({
      status: res.status,
      message: String(res.body?.error?.message ?? ''),
    }).toEqual({
      status: cell.status,
      message: expect.stringContaining(cell.message ?? ''),
    });
  });
});
