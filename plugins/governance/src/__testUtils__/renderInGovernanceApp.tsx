import { IdentityApi, identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  TestApiProvider,
  renderInTestApp,
} from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import { ReactNode } from 'react';
import { GovernanceApi, governanceApiRef } from '../api';
import { mockPermissionApi } from './permissions';

/** The APIs a governance view asks for, and where the app opens. */
export type GovernanceAppOptions = {
  api: GovernanceApi;
  /** Every permission unless the test passes another permission API. */
  permissionApi?: PermissionApi;
  /** Signed in as `user:default/test` unless the test passes another identity. */
  identityApi?: IdentityApi;
  /** The catalog pickers ask; an empty one unless the test passes another. */
  catalogApi?: typeof catalogApiRef.T;
  /** The URL the page opens at, e.g. `/?adr=adr-1` for a linked ADR. */
  routeEntries?: string[];
};

/**
 * Renders a governance element in a test app with the governance API given, links to entity
 * pages mounted, and the permission, identity and catalog APIs a view may ask for.
 */
export async function renderInGovernanceApp(
  element: ReactNode,
  options: GovernanceAppOptions,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [governanceApiRef, options.api],
        [permissionApiRef, options.permissionApi ?? mockPermissionApi('ALLOW')],
        [identityApiRef, options.identityApi ?? mockApis.identity()],
        [catalogApiRef, options.catalogApi ?? catalogApiMock()],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: options.routeEntries,
    },
  );
}
