import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import {
  annotatedEntity,
  criticalSummary,
  mockGovernanceApi,
} from './__testUtils__/fixtures';
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
});
