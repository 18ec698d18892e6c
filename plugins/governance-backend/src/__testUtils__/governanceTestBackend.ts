import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Server } from 'node:http';
import { governancePlugin } from '../plugin';

/**
 * A component of a tier, owned by `team-a` unless said otherwise: the entity most backend
 * tests govern.
 */
export function tieredComponent(
  name: string,
  tier = 'core',
  owner = 'team-a',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations: { 'governance/tier': tier } },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/**
 * The governance plugin in a test backend where every permission is allowed (unless
 * `permission` denies them), the catalog holds `entities`, the config is `config` and
 * notifications go nowhere: for tests of what the routes accept and answer.
 * `features` adds to it, e.g. a database factory.
 */
export async function startGovernanceTestBackend(options: {
  entities: Entity[];
  config?: object;
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  features?: Parameters<typeof startTestBackend>[0]['features'];
}): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      catalogServiceMock.factory({ entities: options.entities }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
      ...(options.config
        ? [mockServices.rootConfig.factory({ data: options.config })]
        : []),
      ...(options.features ?? []),
    ],
  });
  return server;
}
