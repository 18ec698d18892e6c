/*
 * The backend of the ADR route tests: services whose ADRs live in the repository's examples, on
 * a mock disk, at a URL or nowhere. Test support only.
 */
import type { Server } from 'node:http';
import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import {
  MockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityAdrs } from '@catalog-governance/backstage-plugin-governance-common';
import { resolve as resolvePath } from 'node:path';
import request from 'supertest';
import { governanceLocalDirectoryUrlReader } from '../adrs/LocalDirectoryUrlReader';
import { governancePlugin } from '../plugin';

/** The example ADRs of the repository, the only folder the backend may read them from. */
export const adrExamples = resolvePath(
  __dirname,
  '../../../../examples/governance',
);

const service = (
  name: string,
  annotations: Record<string, string>,
  owner = 'team-web',
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: {
      'backstage.io/managed-by-location': `file:${adrExamples}/entities.yaml`,
      ...annotations,
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner },
});

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

/** A backend reading the example ADRs, with extra features (permissions, a catalog) first. */
export async function startAdrBackend(
  extraFeatures: Parameters<typeof startTestBackend>[0]['features'] = [],
): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      ...(extraFeatures ?? []),
      governancePlugin,
      catalogServiceMock.factory({ entities: adrEntities }),
      mockServices.rootConfig.factory({
        data: {
          governance: { adrs: { allowedLocalDirectories: [adrExamples] } },
        },
      }),
      urlReaderServiceFactory,
      governanceLocalDirectoryUrlReader,
    ],
  });
  return server;
}

/** A backend reading ADRs from a folder on disk, with entities named by their ADR location. */
export async function startLocalAdrBackend(
  root: MockDirectory,
  locations: Record<string, string>,
  adrs: Record<string, unknown> = {},
): Promise<Server> {
  const entity = ([name, location]: [string, string]): Entity => ({
    ...service(name, {}),
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': `file:${root.resolve(
          'catalog-info.yaml',
        )}`,
        'governance/adr-location': location,
      },
    },
  });
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      catalogServiceMock.factory({
        entities: Object.entries(locations).map(entity),
      }),
      mockServices.rootConfig.factory({
        data: {
          governance: {
            adrs: { allowedLocalDirectories: [root.path], ...adrs },
          },
        },
      }),
      urlReaderServiceFactory,
      governanceLocalDirectoryUrlReader,
    ],
  });
  return server;
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
