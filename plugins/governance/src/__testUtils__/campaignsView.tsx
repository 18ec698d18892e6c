import { identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import { GovernanceApi, governanceApiRef } from '../api';
import { CampaignsView } from '../components/CampaignsView';
import { coverageCampaign, overdueCampaign } from './campaigns';
import { rollupByOwner } from './compliance';
import { mockGovernanceApi } from './mockGovernanceApi';
import { mockPermissionApiAllowing } from './permissions';

/** A governance API with two campaigns and roll-ups for the target fields; the rest throws. */
export function campaignApi(
  campaigns: Partial<GovernanceApi> = {},
): jest.Mocked<GovernanceApi> {
  const unexpected = async () => {
    throw new Error('not expected in this test');
  };
  return mockGovernanceApi(
    unexpected,
    undefined,
    unexpected,
    {},
    // The target fields offer what the scorecard placed entities under.
    {
      getComplianceRollup: async groupBy =>
        groupBy === 'tier'
          ? {
              ...rollupByOwner,
              groupBy,
              groups: [
                { ...rollupByOwner.groups[0], key: 'critical' },
                { ...rollupByOwner.groups[0], key: 'core' },
              ],
            }
          : { ...rollupByOwner, groupBy },
    },
    {},
    {},
    {
      listCampaigns: async () => [coverageCampaign, overdueCampaign],
      ...campaigns,
    },
  );
}

/**
 * Renders the Campaigns tab for a user holding `permissions`. usePermission keeps a decision for
 * the whole test file, so each file renders with one set of permissions.
 */
export async function renderCampaignsView(
  api: GovernanceApi,
  permissions: string[],
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [governanceApiRef, api],
        [permissionApiRef, mockPermissionApiAllowing(permissions)],
        [identityApiRef, mockApis.identity()],
      ]}
    >
      <CampaignsView />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The text of each cell of a campaign's row in the list. */
export function campaignRowCells(id: string): string[] {
  return Array.from(
    screen.getByTestId(`governance-campaign-row-${id}`).children,
  ).map(cell => cell.textContent ?? '');
}
