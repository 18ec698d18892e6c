/*
 * The backend of the fact and scorecard route tests: a tiered payments service, a vault service
 * hidden from Jane, and a fact writers group. Test support only.
 */
import type { Server } from 'node:http';
import { mockCredentials } from '@backstage/backend-test-utils';
import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import request from 'supertest';
import {
  GovernanceTestBackendOptions,
  startGovernanceTestBackend,
} from './governanceTestBackend';
import { teamGroup, tieredComponent } from './catalogEntities';
import { catalogHidingFrom } from './visibleCatalog';

/** A fact writer who cannot see the vault service. */
export const JANE = 'user:default/jane';
/** The default mock user, a fact writer. */
export const MEMBER = 'user:default/mock';

const payments = tieredComponent('payments', 'core', JANE, {
  'governance/test-coverage': '60',
});

/** A service nobody but its team may see: hidden from Jane, the only user who asks for it. */
const vault = tieredComponent('vault', 'core', JANE);

const factWriters = teamGroup('fact-writers', [MEMBER, JANE]);

/** The catalog as its read permission shows it: Jane cannot see the vault service. */
const catalogHidingVaultFromJane = () =>
  catalogHidingFrom(JANE, 'component:default/vault', [
    payments,
    vault,
    factWriters,
  ]);

/**
 * A backend whose catalog hides the vault from Jane, with fact writers configured unless
 * `factWriters` is false; `permission` and `anonymous` as in {@link startGovernanceTestBackend}.
 */
export function startFactsBackend(
  options: Pick<GovernanceTestBackendOptions, 'permission' | 'anonymous'> & {
    factWriters?: boolean;
  } = {},
): Promise<Server> {
  const { factWriters: withFactWriters = true, ...rest } = options;
  return startGovernanceTestBackend({
    ...rest,
    catalog: catalogHidingVaultFromJane(),
    config: withFactWriters
      ? { governance: { factWriters: { group: 'group:default/fact-writers' } } }
      : {},
  });
}

/** A coverage fact of payments from CI; `fields` replace the defaults. */
export const paymentsFact = (fields: object = {}) => ({
  entityRef: 'component:default/payments',
  name: 'coverage',
  value: 99,
  source: 'ci/github-actions',
  ...fields,
});

/** Pushes facts with the given Authorization header. */
export const pushFacts = (
  server: Awaited<ReturnType<typeof startFactsBackend>>,
  authorization: string,
  body: object,
) =>
  request(server)
    .post('/api/governance/facts')
    .set('Authorization', authorization)
    .send(body);

/** The governance summary of payments, as the default mock user sees it. */
export const paymentsSummary = async (
  server: Awaited<ReturnType<typeof startFactsBackend>>,
) =>
  (
    await request(server)
      .get('/api/governance/summary?entityRef=component:default/payments')
      .set('Authorization', mockCredentials.user.header())
  ).body as EntityGovernanceSummary;

/** The result of one check in a summary. */
export const resultOf = (summary: EntityGovernanceSummary, id: string) =>
  summary.scorecard!.results.find(r => r.checkId === id)!;
