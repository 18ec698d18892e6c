import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { governanceApiRef, GovernanceClient } from './api';
import { rootRouteRef } from './routes';

// Every entity that can be owned and held to NFR targets gets the tab; unannotated ones see
// the empty state with an example, which is how teams learn about the annotations.
const governedKinds = {
  kind: { $in: ['component', 'system', 'resource', 'api'] },
};

const governanceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: governanceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GovernanceClient({ discoveryApi, fetchApi }),
    }),
});

const governanceEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/governance',
    title: 'Governance',
    routeRef: rootRouteRef,
    filter: governedKinds,
    loader: () =>
      import('./components/EntityGovernanceContent').then(m => (
        <m.EntityGovernanceContent />
      )),
  },
});

const governanceEntityCard = EntityCardBlueprint.make({
  params: {
    // Beside About: the tier and its verdict are facts about the entity, read at a glance.
    type: 'info',
    filter: governedKinds,
    loader: () =>
      import('./components/EntityGovernanceCard').then(m => (
        <m.EntityGovernanceCard />
      )),
  },
});

/**
 * The governance plugin for apps on the new frontend system: the Governance tab and overview
 * card on entity pages, plus the API they read from.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'governance',
  title: 'Governance',
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
  },
  extensions: [governanceApi, governanceEntityContent, governanceEntityCard],
});
