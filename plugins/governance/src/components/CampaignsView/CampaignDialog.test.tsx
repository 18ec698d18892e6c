import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  coverageCampaignDetail,
  notDoneEntities,
} from '../../__testUtils__/campaigns';
import { annotatedEntity } from '../../__testUtils__/entities';
import {
  answersFirstThen,
  mockCampaignApi,
} from '../../__testUtils__/mockGovernanceApi';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { enter } from '../../__testUtils__/userInput';
import { GovernanceApi } from '../../api';
import { CampaignDialog } from './CampaignDialog';
import { CAMPAIGN_CONFLICT_MESSAGE } from './CampaignFormDialog';

async function renderDialog(api: GovernanceApi, onChanged = jest.fn()) {
  // The council opens campaigns from the Campaigns tab; any page with the APIs will do.
  await renderForEntity(
    <CampaignDialog
      campaignId={coverageCampaignDetail.id}
      onClose={jest.fn()}
      onChanged={onChanged}
    />,
    { entity: annotatedEntity, api },
  );
  return screen.findByRole('dialog', { name: coverageCampaignDetail.title });
}

const campaign = coverageCampaignDetail;

describe('CampaignDialog', () => {
  it('shows the burn-up to the deadline, the teams furthest behind and the entities not done with their failing checks', async () => {
    const api = mockCampaignApi({
      getCampaign: async () => campaign,
      listCampaignEntities: async () => notDoneEntities,
    });
    const dialog = await renderDialog(api);

    const chart = within(dialog).getByRole('img', { name: /Burn-up/ });
    expect(chart).toHaveAccessibleName(
      `Burn-up to the deadline ${campaign.deadline}: 3 of 8 entities done on ${campaign.history[2].day}`,
    );
    expect(
      within(dialog).getAllByTestId('governance-campaign-burnup-point'),
    ).toHaveLength(3);
    expect(
      within(dialog).getByTestId('governance-campaign-burnup-deadline'),
    ).toHaveTextContent('Deadline');

    const owners = within(dialog).getByRole('table', {
      name: 'Teams furthest behind',
    });
    // A team with nothing left to do is not behind.
    expect(
      within(owners)
        .getAllByRole('row')
        .slice(1)
        .map(row => row.getAttribute('data-testid')),
    ).toEqual([
      'governance-campaign-owner-group:default/payments',
      'governance-campaign-owner-group:default/checkout',
    ]);

    const entities = await within(dialog).findByRole('table', {
      name: 'Entities not done',
    });
    expect(api.listCampaignEntities).toHaveBeenCalledWith(campaign.id, {
      done: false,
      page: 1,
      pageSize: 25,
    });
    const ledger = within(entities).getByTestId(
      'governance-campaign-entity-component:default/ledger',
    );
    expect(ledger).toHaveTextContent('No owner');
    expect(ledger).toHaveTextContent('Test coverage');
  });

  it('closes the campaign from the revision shown', async () => {
    const onChanged = jest.fn();
    const api = mockCampaignApi({
      getCampaign: async () => campaign,
      listCampaignEntities: async () => notDoneEntities,
      updateCampaign: async () => ({ ...campaign, state: 'closed' }),
    });
    const dialog = await renderDialog(api, onChanged);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close campaign' }),
    );
    expect(api.updateCampaign).toHaveBeenCalledWith(campaign.id, {
      revision: 1,
      state: 'closed',
    });
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('shows the latest version, and says so, when someone else edited the campaign first', async () => {
    const theirs = { ...campaign, title: 'Coverage at 80%', revision: 2 };
    const api = mockCampaignApi({
      getCampaign: answersFirstThen(campaign, theirs),
      listCampaignEntities: async () => notDoneEntities,
      updateCampaign: refusedWith(
        409,
        'The campaign changed since revision 1; it is at revision 2',
      ),
    });
    const dialog = await renderDialog(api);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('dialog', { name: `Edit ${campaign.title}` });
    const title = within(form).getByLabelText(/Title/);
    await userEvent.clear(title);
    await enter(title, 'Coverage at 90%');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));

    expect(
      await within(form).findByTestId('governance-campaign-conflict'),
    ).toHaveTextContent(CAMPAIGN_CONFLICT_MESSAGE);
    expect(api.updateCampaign).toHaveBeenCalledWith(
      campaign.id,
      expect.objectContaining({ revision: 1, title: 'Coverage at 90%' }),
    );
    // Their title replaces the one typed; saving again is based on their revision.
    expect(within(form).getByLabelText(/Title/)).toHaveValue('Coverage at 80%');
  });

  it('says which catalog filter the campaign covers, and drops it when the council clears it', async () => {
    const filtered = {
      ...campaign,
      target: { tiers: ['critical'], filter: 'spec.lifecycle=production' },
    };
    const api = mockCampaignApi({
      getCampaign: async () => filtered,
      listCampaignEntities: async () => notDoneEntities,
      updateCampaign: async () => ({
        ...filtered,
        target: { tiers: ['critical'] },
      }),
    });
    const dialog = await renderDialog(api);
    const covers = within(
      within(dialog).getByTestId('governance-campaign-facts'),
    ).getByText('Covers').nextElementSibling;
    expect(covers).toHaveTextContent(
      'tier critical; catalog filter spec.lifecycle=production',
    );

    await userEvent.click(within(dialog).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('dialog', { name: `Edit ${campaign.title}` });
    const filter = within(form).getByLabelText('Catalog filter');
    expect(filter).toHaveValue('spec.lifecycle=production');
    await userEvent.clear(filter);
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateCampaign).toHaveBeenCalledWith(
        campaign.id,
        expect.objectContaining({
          revision: 1,
          target: { tiers: ['critical'] },
        }),
      ),
    );
  });
});
