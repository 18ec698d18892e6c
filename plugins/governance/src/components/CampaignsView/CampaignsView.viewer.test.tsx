import { screen, within } from '@testing-library/react';
import {
  coverageCampaign,
  overdueCampaign,
} from '../../__testUtils__/campaigns';
import {
  campaignApi,
  campaignRowCells as rowCells,
  renderCampaignsView as renderView,
} from '../../__testUtils__/campaignsView';
import {
  expectRefusalShown,
  refusedWith,
} from '../../__testUtils__/responseErrors';

// Without the council permission: a file of its own, since usePermission keeps the first
// decision it gets for the rest of the file (see CampaignsView.test.tsx for the council).
describe('CampaignsView without the council permission', () => {
  it('lists the running campaigns with deadline, progress and state, and offers no New campaign without the council permission', async () => {
    const api = campaignApi();
    await renderView(api, []);

    await screen.findByRole('table', { name: 'Campaigns' });
    expect(api.listCampaigns).toHaveBeenCalledWith('active');
    expect(rowCells(coverageCampaign.id)).toEqual([
      coverageCampaign.title,
      coverageCampaign.deadline,
      '3 of 8 done',
      'Active',
    ]);
    expect(
      within(
        screen.getByTestId(`governance-campaign-row-${coverageCampaign.id}`),
      ).getByRole('progressbar'),
    ).toHaveAttribute('aria-valuenow', '38');
    expect(rowCells(overdueCampaign.id)[3]).toBe('Overdue');
    expect(screen.queryByRole('button', { name: 'New campaign' })).toBeNull();
  });

  it('shows why the campaigns could not be loaded', async () => {
    await renderView(
      campaignApi({ listCampaigns: refusedWith(503, 'database unavailable') }),
      [],
    );
    await expectRefusalShown(
      'Request failed with 503 Service Unavailable',
      'database unavailable',
    );
  });
});
