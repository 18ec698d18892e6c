import { spec } from '../schema/openapi';
import { everyPermission } from '../__testUtils__/authorizationBackend';
import { AUTHORIZATION_ROWS } from '../__testUtils__/authorizationRows';

/*
 * The authorization table itself: every permission guards some route, and every route of the
 * contract has a row. Fails when a route is added to the contract without a row.
 */
describe('governance route authorization table', () => {
  it('guards a route with every governance permission, and names no other', () => {
    const named = new Set(
      AUTHORIZATION_ROWS.flatMap(r => (r.permission ? [r.permission] : [])),
    );
    expect([...named].sort()).toEqual([...everyPermission].sort());
  });

  it('has a row for every route of the contract, and no row for a route that is gone', () => {
    // Every route is in src/schema/openapi.yaml; the router serves only those.
    const inSource = new Set<string>();
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const method of Object.keys(item)) {
        inSource.add(
          `${method.toUpperCase()} ${template.replace(/\{(\w+)\}/g, ':$1')}`,
        );
      }
    }
    expect(inSource.size).toBeGreaterThan(20);
    const inTable = new Set(AUTHORIZATION_ROWS.map(r => r.route));
    expect({
      withoutRow: [...inSource].filter(route => !inTable.has(route)),
      gone: [...inTable].filter(route => !inSource.has(route)),
    }).toEqual({ withoutRow: [], gone: [] });
  });
});
