import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Server } from 'node:http';
import { governancePlugin } from '../plugin';

/**
 * The governance plugin in a test backend where every permission is allowed, the catalog holds
 * `entities` and notifications go nowhere: for tests of what the routes accept and answer.
 * `features` adds to it, e.g. a database factory.
 */
export async function startGovernanceTestBackend(options: {
  entities: Entity[];
  features?: Parameters<typeof startTestBackend>[0]['features'];
}): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      governancePlugin,
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      catalogServiceMock.factory({ entities: options.entities }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
      ...(options.features ?? []),
    ],
  });
  return server;
}
