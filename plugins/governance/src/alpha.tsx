import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AccountBalanceIcon from '@material-ui/icons/AccountBalance';
import { governanceApiRef, GovernanceClient } from './api';
import { architectureCouncilTabs } from './components/ArchitectureCouncilPage/architectureCouncilTabs';
import { architectureCouncilRouteRef, rootRouteRef } from './routes';
import {
  adrSearchResultListItem,
  adrSearchResultType,
  adrStatusSearchFilter,
} from './searchExtensions';

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

// The catalog index's tier filter; disable it with `catalog-filter:governance/tier: false`.
const catalogTierFilter = CatalogFilterBlueprint.make({
  name: 'tier',
  params: {
    loader: () =>
      import('./components/CatalogTier').then(m => <m.EntityTierPicker />),
  },
});

// With a title and an icon, the page gets its own sidebar item.
const architectureCouncilPage = PageBlueprint.make({
  name: 'architecture-council',
  params: {
    path: '/architecture-council',
    title: 'Architecture Council',
    icon: <AccountBalanceIcon fontSize="inherit" />,
    routeRef: architectureCouncilRouteRef,
  },
});

// The page renders these as tabs in its header and opens the first one by default.
const architectureCouncilSubPages = architectureCouncilTabs.map(tab =>
  SubPageBlueprint.make({
    name: `architecture-council-${tab.path}`,
    attachTo: {
      relative: { kind: 'page', name: 'architecture-council' },
      input: 'pages',
    },
    params: {
      path: tab.path,
      title: tab.title,
      loader: async () => {
        const [element, { Content }] = await Promise.all([
          tab.loader(),
          import('@backstage/core-components'),
        ]);
        return <Content>{element}</Content>;
      },
    },
  }),
);

/**
 * The governance plugin for apps on the new frontend system: the Governance tab and overview
 * card on entity pages, the tier filter on the catalog index, the Architecture Council page,
 * ADRs in search results (with an ADR status filter), plus the API they read from.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'governance',
  title: 'Governance',
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    architectureCouncil: architectureCouncilRouteRef,
  },
  extensions: [
    governanceApi,
    governanceEntityContent,
    governanceEntityCard,
    catalogTierFilter,
    architectureCouncilPage,
    ...architectureCouncilSubPages,
    adrSearchResultListItem,
    adrSearchResultType,
    adrStatusSearchFilter,
  ],
});
