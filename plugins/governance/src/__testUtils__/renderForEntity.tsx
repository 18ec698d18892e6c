import { Entity } from '@backstage/catalog-model';
import { IdentityApi, identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  TestApiProvider,
  renderInTestApp,
} from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import { ReactNode } from 'react';
import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import { GovernanceApi, governanceApiRef } from '../api';
import { annotatedEntity } from './entities';
import { mockGovernanceApi } from './mockGovernanceApi';
import { mockPermissionApi } from './permissions';

/**
 * Renders an entity page element the way the catalog does, with the governance API mocked.
 * The user holds every permission unless the test passes another permission API, and is
 * signed in as `user:default/test` unless the test passes another identity.
 */
export async function renderForEntity(
  element: ReactNode,
  options: {
    entity: Entity;
    api: GovernanceApi;
    permissionApi?: PermissionApi;
    identityApi?: IdentityApi;
    /** The catalog pickers ask; an empty one unless the test passes another. */
    catalogApi?: typeof catalogApiRef.T;
    /** The URL the page opens at, e.g. `/?adr=adr-1` for a linked ADR. */
    routeEntries?: string[];
  },
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
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: options.routeEntries,
    },
  );
}

/**
 * Renders an entity page element on the page of `entity`, the annotated payments-api unless
 * named, with the given governance API or one that answers every summary with the given one.
 */
export async function renderWithSummary(
  element: ReactNode,
  answer: GovernanceApi | EntityGovernanceSummary,
  entity: Entity = annotatedEntity,
) {
  const api =
    'getEntitySummary' in answer
      ? answer
      : mockGovernanceApi(async () => answer);
  return renderForEntity(element, { entity, api });
}
