import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreApis,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paymentsAdrs } from './__testUtils__/adrs';
import {
  paymentsEntities,
  paymentsRollupBySystem,
  rollupByOwner,
} from './__testUtils__/compliance';
import { annotatedEntity } from './__testUtils__/entities';
import {
  mockAdrApi,
  mockGovernanceApi,
} from './__testUtils__/mockGovernanceApi';
import { designReview, reviewPage } from './__testUtils__/reviews';
import { criticalSummary } from './__testUtils__/scorecards';
import { ownerCatalogApi } from './__testUtils__/catalogOwners';
import { governanceApiRef } from './api';
import governancePlugin from './alpha';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments' },
  spec: { type: 'team', children: [] },
};

describe('governance plugin for the new frontend system', () => {
  it('provides the governance API', () => {
    const tester = createExtensionTester(
      governancePlugin.getExtension('api:governance'),
    );
    expect(tester.get(ApiBlueprint.dataRefs.factory).api.id).toBe(
      'plugin.governance.service',
    );
  });

  it('renders ADR search results, and only those, with an ADRs result type', () => {
    const item = createExtensionTester(
      governancePlugin.getExtension('search-result-list-item:governance/adr'),
    ).get(SearchResultListItemBlueprint.dataRefs.item);
    const result = (type: string) => ({
      type,
      document: { title: 'ADR 1', text: '', location: '/' },
    });
    expect(item.predicate!(result('governance-adr'))).toBe(true);
    expect(item.predicate!(result('software-catalog'))).toBe(false);

    const resultType = createExtensionTester(
      governancePlugin.getExtension('search-filter-result-type:governance/adr'),
    ).get(SearchFilterResultTypeBlueprint.dataRefs.resultType);
    expect(resultType).toMatchObject({ value: 'governance-adr', name: 'ADRs' });
  });

  it('adds a Governance tab at /governance to component pages but not to group pages', () => {
    const tester = createExtensionTester(
      governancePlugin.getExtension('entity-content:governance'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/governance');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Governance',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(annotatedEntity)).toBe(true);
    expect(filter(group)).toBe(false);
  });

  it('renders the Governance card on the overview from the governance API', async () => {
    const api = mockGovernanceApi(async () => criticalSummary);
    const tester = createExtensionTester(
      governancePlugin.getExtension('entity-card:governance'),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(group)).toBe(false);

    await renderInTestApp(
      <EntityProvider entity={annotatedEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [[governanceApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    expect(await screen.findByTestId('governance-tier')).toHaveTextContent(
      'Critical path',
    );
    expect(api.getEntitySummary).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
  });

  it('adds an Architecture Council page at /architecture-council with a title and an icon for the sidebar', () => {
    const tester = createExtensionTester(
      governancePlugin.getExtension('page:governance/architecture-council'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/architecture-council',
    );
    expect(tester.get(coreExtensionData.title)).toBe('Architecture Council');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it.each([
    ['reviews', 'Review queue'],
    ['compliance', 'Compliance'],
    ['standards', 'Standards'],
    ['campaigns', 'Campaigns'],
    ['stack', 'Approved stack'],
    ['adrs', 'ADRs'],
    ['retrospectives', 'Retrospectives'],
    ['catalog-annotations', 'Catalog annotations'],
  ])(
    'gives the Architecture Council page a %s tab titled %s',
    (path, title) => {
      const tester = createExtensionTester(
        governancePlugin.getExtension(
          `sub-page:governance/architecture-council-${path}`,
        ),
      );
      expect(tester.get(coreExtensionData.routePath)).toBe(path);
      expect(tester.get(coreExtensionData.title)).toBe(title);
    },
  );

  describe('Architecture Council page', () => {
    const api = mockGovernanceApi(
      async () => {
        throw new Error('getEntitySummary was not expected in this test');
      },
      undefined,
      undefined,
      {},
      {
        getComplianceRollup: async (groupBy, filter = {}) =>
          filter.owner
            ? { ...paymentsRollupBySystem, groupBy, filter }
            : { ...rollupByOwner, groupBy, filter },
        getComplianceEntities: async (filter = {}, page) => ({
          filter,
          items: paymentsEntities,
          totalItems: paymentsEntities.length,
          offset: page?.offset ?? 0,
          limit: page?.limit ?? 25,
        }),
      },
      {},
      { listReviews: async query => reviewPage([designReview], query) },
    );

    function renderApp(path = '/architecture-council') {
      return renderTestApp({
        features: [governancePlugin],
        apis: [[governanceApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        initialRouteEntries: [path],
      });
    }

    it('lists the page in the sidebar and opens it on its Review queue tab', async () => {
      const { apis } = renderApp();

      expect(
        await screen.findByRole('table', { name: 'Review queue' }),
      ).toBeInTheDocument();
      // The sidebar item, then the title in the page header.
      expect(
        screen
          .getAllByRole('link', { name: 'Architecture Council' })
          .map(link => link.getAttribute('href')),
      ).toEqual(['/architecture-council', '/architecture-council']);
      expect(screen.getByRole('tab', { name: 'Review queue' })).toBeVisible();
      expect(screen.getByRole('tab', { name: 'Compliance' })).toBeVisible();
      expect(
        apis.get(coreApis.appHistory)!.getSnapshot().location.pathname,
      ).toBe('/architecture-council/reviews');
      expect(api.listReviews).toHaveBeenLastCalledWith({
        status: ['open', 'in-review', 'changes-requested'],
        offset: 0,
        limit: 25,
      });
    });

    it('keeps a drill-down of the Compliance tab in the URL, so the back button undoes it', async () => {
      const { apis } = renderApp('/architecture-council/compliance');
      const history = apis.get(coreApis.appHistory)!;

      await screen.findByRole('table', { name: 'Compliance by owner' });
      await userEvent.click(
        screen.getByTestId('compliance-group-group:default/payments'),
      );
      await screen.findByRole('table', { name: 'Compliance by system' });
      expect(history.getSnapshot().location.search).toBe(
        '?owner=group%3Adefault%2Fpayments&groupBy=system',
      );
      expect(
        within(screen.getByTestId('compliance-filters')).getByText(/Owner/),
      ).toBeInTheDocument();

      act(() => history.navigate(-1));
      await waitFor(() =>
        expect(history.getSnapshot().location.search).toBe(''),
      );
      expect(
        await screen.findByRole('table', { name: 'Compliance by owner' }),
      ).toBeInTheDocument();
      expect(screen.queryByTestId('compliance-filters')).toBeNull();
    });
  });
  describe('ADR tabs of the Architecture Council page', () => {
    const api = mockAdrApi({
      getAdrIndex: async (query = {}) => ({
        items: paymentsAdrs,
        totalItems: paymentsAdrs.length,
        offset: query.offset ?? 0,
        limit: query.limit ?? 25,
      }),
    });

    function renderApp(path: string) {
      return renderTestApp({
        features: [governancePlugin],
        apis: [
          [governanceApiRef, api],
          // The owner filter offers the catalog's owners.
          [catalogApiRef, ownerCatalogApi()],
        ],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        initialRouteEntries: [path],
      });
    }

    beforeEach(() => api.getAdrIndex.mockClear());

    it('lists every ADR on the ADRs tab and keeps its sort order in the URL', async () => {
      const { apis } = renderApp('/architecture-council/adrs');
      const history = apis.get(coreApis.appHistory)!;

      const index = await screen.findByTestId('governance-adr-index');
      expect(
        await within(index).findByTestId(
          'governance-adr-index-row-adr-payments-0003',
        ),
      ).toBeInTheDocument();
      expect(screen.getByRole('tab', { name: 'ADRs' })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      expect(api.getAdrIndex).toHaveBeenLastCalledWith({
        sort: 'date',
        order: 'desc',
        offset: 0,
        limit: 25,
      });

      await userEvent.click(screen.getByRole('button', { name: 'Title' }));
      await waitFor(() =>
        expect(history.getSnapshot().location.search).toBe(
          '?sort=title&order=asc',
        ),
      );
      await waitFor(() =>
        expect(api.getAdrIndex).toHaveBeenLastCalledWith(
          expect.objectContaining({ sort: 'title', order: 'asc' }),
        ),
      );
    });

    it('lists the ADRs due or overdue for a retrospective on the Retrospectives tab', async () => {
      renderApp('/architecture-council/retrospectives');

      expect(
        await screen.findByRole('table', { name: 'Retrospectives due' }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('tab', { name: 'Retrospectives' }),
      ).toHaveAttribute('aria-selected', 'true');
      expect(api.getAdrIndex).toHaveBeenLastCalledWith({
        retrospective: ['due', 'overdue'],
        sort: 'date',
        order: 'asc',
        offset: 0,
        limit: 25,
      });
    });
  });
});
