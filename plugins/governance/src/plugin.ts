import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { governanceApiRef, GovernanceClient } from './api';
import { architectureCouncilRouteRef, rootRouteRef } from './routes';
import type { EntityGovernanceCardProps } from './components/EntityGovernanceCard';

/**
 * The governance plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const governancePlugin = createPlugin({
  id: 'governance',
  routes: {
    root: rootRouteRef,
    architectureCouncil: architectureCouncilRouteRef,
  },
  apis: [
    createApiFactory({
      api: governanceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GovernanceClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Governance tab of an entity page, for an `EntityLayout.Route`.
 *
 * @public
 */
export const EntityGovernanceContent: () => JSX.Element | null =
  governancePlugin.provide(
    createRoutableExtension({
      name: 'EntityGovernanceContent',
      component: () =>
        import('./components/EntityGovernanceContent').then(
          m => m.EntityGovernanceContent,
        ),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * The Governance card for an entity page's overview.
 *
 * @public
 */
export const EntityGovernanceCard: (
  props: EntityGovernanceCardProps,
) => JSX.Element = governancePlugin.provide(
  createComponentExtension({
    name: 'EntityGovernanceCard',
    component: {
      lazy: () =>
        import('./components/EntityGovernanceCard').then(
          m => m.EntityGovernanceCard,
        ),
    },
  }),
);

/**
 * The Architecture Council page, for a `Route` at `/architecture-council`: compliance across
 * the catalog, rolled up by owner, system, domain or tier.
 *
 * @public
 */
export const ArchitectureCouncilPage: () => JSX.Element =
  governancePlugin.provide(
    createRoutableExtension({
      name: 'ArchitectureCouncilPage',
      component: () =>
        import('./components/ArchitectureCouncilPage').then(
          m => m.ArchitectureCouncilPage,
        ),
      mountPoint: architectureCouncilRouteRef,
    }),
  );
