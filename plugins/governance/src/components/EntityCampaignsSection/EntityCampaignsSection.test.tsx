import { screen, within } from '@testing-library/react';
import { paymentsCampaigns } from '../../__testUtils__/campaigns';
import { entitySectionTest } from '../../__testUtils__/entitySections';
import { mockCampaignApi } from '../../__testUtils__/mockGovernanceApi';
import {
  expectRefusalShown,
  refusedWith,
} from '../../__testUtils__/responseErrors';
import { expectEmptyState } from '../../__testUtils__/tableRows';
import { EntityCampaignsSection } from './EntityCampaignsSection';

const { entityRef, renderSection, rowCells } = entitySectionTest(
  EntityCampaignsSection,
  'governance-entity-campaign-',
);

describe('EntityCampaignsSection', () => {
  it('lists the campaigns the entity is in with each deadline, and whether it is done, not done or overdue', async () => {
    const api = mockCampaignApi({
      getEntityCampaigns: async () => paymentsCampaigns,
    });
    await renderSection(api);

    await screen.findByRole('table', { name: 'Campaigns' });
    expect(api.getEntityCampaigns).toHaveBeenCalledWith(entityRef);
    const [todo, done, overdue] = paymentsCampaigns;
    // The title links to what explains the campaign, which opens in a new window.
    expect(rowCells(todo.id).slice(1)).toEqual([todo.deadline, 'Not done']);
    expect(rowCells(done.id)).toEqual([done.title, done.deadline, 'Done']);
    expect(rowCells(overdue.id)).toEqual([
      overdue.title,
      overdue.deadline,
      'Overdue',
    ]);
    expect(
      within(
        screen.getByTestId(`governance-entity-campaign-${todo.id}`),
      ).getByRole('link', { name: new RegExp(todo.title) }),
    ).toHaveAttribute('href', todo.link);
  });

  it('says so when the entity is in no campaign', async () => {
    await renderSection(
      mockCampaignApi({ getEntityCampaigns: async () => [] }),
    );
    await expectEmptyState(/This entity is in no campaign/);
  });

  it('shows why the campaigns could not be loaded', async () => {
    await renderSection(
      mockCampaignApi({
        getEntityCampaigns: refusedWith(500, 'campaign store unavailable'),
      }),
    );
    await expectRefusalShown(
      'Request failed with 500 Internal Server Error',
      'campaign store unavailable',
    );
  });
});
