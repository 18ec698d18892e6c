import {
  coreExtensionData,
  createExtensionInput,
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import catalogPlugin, {
  CatalogTableRow,
} from '@backstage/plugin-catalog/alpha';
import CategoryIcon from '@material-ui/icons/Category';

/**
 * The catalog index with Tier and Level columns after the name, as docs/install.md shows
 * adopters: the new frontend system takes columns only as props of `CatalogIndexPage`, so the
 * page itself is replaced. Filters still come from extensions, the governance plugin's tier filter among them.
 */
const catalogIndexPage = PageBlueprint.makeWithOverrides({
  inputs: {
    filters: createExtensionInput([coreExtensionData.reactElement]),
  },
  factory(originalFactory, { inputs }) {
    return originalFactory({
      path: '/catalog',
      routeRef: catalogPlugin.routes.catalogIndex,
      title: 'Catalog',
      icon: <CategoryIcon fontSize="inherit" />,
      loader: async () => {
        const [
          { CatalogIndexPage },
          { CatalogTable },
          { createTierColumn, createLevelColumn },
        ] = await Promise.all([
          import('@backstage/plugin-catalog/alpha'),
          import('@backstage/plugin-catalog'),
          import('@catalog-governance/backstage-plugin-governance'),
        ]);
        return (
          <CatalogIndexPage
            // The catalog page's own default: entities are fetched a page at a time.
            pagination
            filters={
              <>
                {inputs.filters.map(filter =>
                  filter.get(coreExtensionData.reactElement),
                )}
              </>
            }
            columns={context => {
              // After the name: the first column shown (a hidden title column comes before it).
              const columns = CatalogTable.defaultColumnsFunc(context);
              const name = columns.findIndex(column => !column.hidden);
              return [
                ...columns.slice(0, name + 1),
                createTierColumn<CatalogTableRow>(),
                createLevelColumn<CatalogTableRow>(),
                ...columns.slice(name + 1),
              ];
            }}
          />
        );
      },
    });
  },
});

export const catalogIndexModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogIndexPage],
});
