import { GovernanceApiClient } from '@catalog-governance/backstage-plugin-governance-common';

/**
 * Sends one request through a client of the governance API and returns the body of its
 * successful answer; every other answer has been thrown as the backend's error by then.
 */
export type Send = <T>(
  request: (api: GovernanceApiClient) => Promise<{ data?: T }>,
) => Promise<T>;

/** An empty text filter is no filter: it is left out of the query. */
export const unlessEmpty = (value?: string) => value || undefined;

/** The path parameters of a route about one item, such as `/reviews/{id}`. */
export const byId = (id: string) => ({ params: { path: { id } } });

/** The query of a route about one catalog entity. */
export const forEntity = (entityRef: string) => ({
  params: { query: { entityRef } },
});

/** The path parameters and JSON body of a write to one item. */
export const writeTo = <Body>(id: string, body: Body) => ({
  params: { path: { id } },
  body,
});
