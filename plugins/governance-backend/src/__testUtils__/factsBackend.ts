/*
 * The backend of the fact and scorecard route tests: a tiered payments service, a vault service
 * hidden from Jane, and a fact writers group. Test support only.
 */
import type { Server } from 'node:http';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import request from 'supertest';
import { governancePlugin } from '../plugin';
import { visibleCatalog } from './visibleCatalog';

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    annotations: {
      'governance/tier': 'core',
      'governance/test-coverage': '60',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'user:default/jane',
  },
};

/** A service nobody but its team may see: hidden from Jane, the only user who asks for it. */
const vault: Entity = {
  ...payments,
  metadata: { name: 'vault', annotations: { 'governance/tier': 'core' } },
};

/** A fact writer who cannot see the vault service. */
export const JANE = 'user:default/jane';
/** The default mock user, a fact writer. */
export const MEMBER = 'user:default/mock';

const factWriters: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'fact-writers' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'hasMember', targetRef: MEMBER },
    { type: 'hasMember', targetRef: JANE },
  ],
};

/** The catalog as its read permission shows it: Jane cannot see the vault service. */
const catalogHidingVaultFromJane = () =>
  visibleCatalog(
    [payments, vault, factWriters],
    (caller, ref) =>
      caller.userEntityRef === JANE && ref === 'component:default/vault',
  );

/**
 * A backend whose catalog hides the vault from Jane, with fact writers configured unless
 * told otherwise; extra features (permissions) come first.
 */
export async function startFactsBackend(
  extraFeatures: Parameters<typeof startTestBackend>[0]['features'] = [],
  config: { factWritersGroup?: string } = {
    factWritersGroup: 'group:default/fact-writers',
  },
): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      ...(extraFeatures ?? []),
      governancePlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: catalogHidingVaultFromJane,
      }),
      mockServices.rootConfig.factory({
        data: config.factWritersGroup
          ? { governance: { factWriters: { group: config.factWritersGroup } } }
          : {},
      }),
    ],
  });
  return server;
}

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
