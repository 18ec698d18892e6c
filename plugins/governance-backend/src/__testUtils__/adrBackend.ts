/*
 * The backend of the ADR route tests: services whose ADRs live in the repository's examples, on
 * a mock disk, at a URL or nowhere. Test support only.
 */
import type { Server } from 'node:http';
import { MockDirectory, mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityAdrs } from '@catalog-governance/backstage-plugin-governance-common';
import { resolve as resolvePath } from 'node:path';
import request from 'supertest';
import {
  GovernanceTestBackendOptions,
  localAdrReading,
  startGovernanceTestBackend,
} from './governanceTestBackend';
import { component } from './catalogEntities';

/** The example ADRs of the repository, the only folder the backend may read them from. */
export const adrExamples = resolvePath(
  __dirname,
  '../../../../examples/governance',
);

const service = (
  name: string,
  annotations: Record<string, string>,
  owner = 'team-web',
): Entity =>
  component(
    name,
    {
      'backstage.io/managed-by-location': `file:${adrExamples}/entities.yaml`,
      ...annotations,
    },
    owner,
  );

/** Services with ADRs in the examples, elsewhere, nowhere and out of bounds. */
export const adrEntities = [
  service('checkout-web', { 'governance/adr-location': 'adrs/checkout-web' }),
  service(
    'payments-api',
    { 'backstage.io/adr-location': 'adrs/payments-api' },
    'team-payments',
  ),
  service('ledger', { 'governance/adr-location': 'https://example.com/adrs' }),
  service('plain', {}),
  service('stray', { 'governance/adr-location': `${'../'.repeat(20)}etc` }),
  service('missing', { 'governance/adr-location': 'adrs/missing' }),
];

/**
 * A backend reading the example ADRs; `permission` and `catalog` replace the defaults (every
 * permission allowed, a catalog of {@link adrEntities}).
 */
export function startAdrBackend(
  options: Pick<GovernanceTestBackendOptions, 'permission' | 'catalog'> = {},
): Promise<Server> {
  return startGovernanceTestBackend({
    ...options,
    entities: adrEntities,
    config: {
      governance: { adrs: { allowedLocalDirectories: [adrExamples] } },
    },
    features: localAdrReading,
  });
}

/** A backend reading ADRs from a folder on disk, with entities named by their ADR location. */
export function startLocalAdrBackend(
  root: MockDirectory,
  locations: Record<string, string>,
  adrs: Record<string, unknown> = {},
): Promise<Server> {
  const catalogFile = `file:${root.resolve('catalog-info.yaml')}`;
  return startGovernanceTestBackend({
    entities: Object.entries(locations).map(([name, location]) =>
      component(
        name,
        {
          'backstage.io/managed-by-location': catalogFile,
          'governance/adr-location': location,
        },
        'team-web',
      ),
    ),
    config: {
      governance: { adrs: { allowedLocalDirectories: [root.path], ...adrs } },
    },
    features: localAdrReading,
  });
}

/** A GET below /api/governance as the default mock user. */
export const getAsUser = (server: Server, url: string) =>
  request(server)
    .get(`/api/governance${url}`)
    .set('Authorization', mockCredentials.user.header());

/** The ADRs of a component, read on first view. */
export async function adrsOf(server: Server, name: string) {
  return (await getAsUser(server, `/adrs?entityRef=component:default/${name}`))
    .body as EntityAdrs;
}
