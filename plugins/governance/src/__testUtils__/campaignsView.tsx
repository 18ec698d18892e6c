import { GovernanceApi } from '../api';
import { CampaignsView } from '../components/CampaignsView';
import { coverageCampaign, overdueCampaign } from './campaigns';
import { rollupByOwner } from './compliance';
import { mockViewApi } from './mockGovernanceApi';
import { mockPermissionApiAllowing } from './permissions';
import { renderInGovernanceApp } from './renderInGovernanceApp';
import { rowCellTexts } from './tableRows';

/** A governance API with two campaigns and roll-ups for the target fields; the rest throws. */
export function campaignApi(
  campaigns: Partial<GovernanceApi> = {},
): jest.Mocked<GovernanceApi> {
  return mockViewApi({
    // The target fields offer what the scorecard placed entities under.
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
    listCampaigns: async () => [coverageCampaign, overdueCampaign],
    ...campaigns,
  });
}

/**
 * Renders the Campaigns tab for a user holding `permissions`. usePermission keeps a decision for
 * the whole test file, so each file renders with one set of permissions.
 */
export async function renderCampaignsView(
  api: GovernanceApi,
  permissions: string[],
) {
  await renderInGovernanceApp(<CampaignsView />, {
    api,
    permissionApi: mockPermissionApiAllowing(permissions),
  });
}

/** The text of each cell of a campaign's row in the list. */
export function campaignRowCells(id: string): string[] {
  return rowCellTexts(`governance-campaign-row-${id}`);
}
