import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { coverageCampaign } from '../../__testUtils__/campaigns';
import {
  campaignApi,
  renderCampaignsView as renderView,
} from '../../__testUtils__/campaignsView';
import { answersFirstThen } from '../../__testUtils__/mockGovernanceApi';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { enter } from '../../__testUtils__/userInput';
import { addDays, utcToday } from '../../lib/days';

// With the council permission throughout: usePermission keeps the first decision it gets for
// the rest of the file, so the tests without it are in CampaignsView.viewer.test.tsx.
/** Answers the new campaign form's required fields, typing the check's id, 10 days to go. */
async function fillNewCampaign(
  dialog: HTMLElement,
  title: string,
  check: string,
) {
  await enter(within(dialog).getByLabelText(/Title/), title);
  await enter(within(dialog).getByLabelText(/Description/), 'Say why.');
  await enter(within(dialog).getByLabelText(/Checks/), check);
  await userEvent.keyboard('{Enter}');
  fireEvent.change(within(dialog).getByLabelText(/Deadline/), {
    target: { value: addDays(utcToday(), 10) },
  });
}

const startCampaign = (dialog: HTMLElement) =>
  userEvent.click(
    within(dialog).getByRole('button', { name: 'Start campaign' }),
  );

describe('CampaignsView', () => {
  it('lets a council member start a campaign for a tier, and lists it once started', async () => {
    const started = {
      ...coverageCampaign,
      id: 'campaign-9',
      title: 'Load tests on core',
    };
    const listCampaigns = answersFirstThen(
      [coverageCampaign],
      [coverageCampaign, started],
    );
    const api = campaignApi({
      listCampaigns,
      createCampaign: async () => started,
    });
    await renderView(api, ['governance.campaign.manage']);

    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'New campaign' });
    // Nothing is sent while a required answer is missing; each says what is wrong.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start campaign' }),
    );
    expect(
      within(dialog).getByText('Give the campaign a title.'),
    ).toBeVisible();
    expect(within(dialog).getByText('Pick at least one check.')).toBeVisible();
    expect(
      within(dialog).getByText('Pick the last day of the campaign.'),
    ).toBeVisible();
    expect(api.createCampaign).not.toHaveBeenCalled();

    await enter(within(dialog).getByLabelText(/Title/), 'Load tests on core');
    await enter(
      within(dialog).getByLabelText(/Description/),
      'Core services run load tests in CI.',
    );
    await enter(within(dialog).getByLabelText(/Link/), 'not a link');
    await userEvent.click(within(dialog).getByLabelText(/Checks/));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Test coverage (coverage)' }),
    );
    await userEvent.click(within(dialog).getByLabelText('Tiers'));
    await userEvent.click(await screen.findByRole('option', { name: 'core' }));
    const deadline = addDays(utcToday(), 30);
    fireEvent.change(within(dialog).getByLabelText(/Deadline/), {
      target: { value: deadline },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start campaign' }),
    );
    expect(
      within(dialog).getByText(
        'An http or https address, such as the ADR that explains the campaign.',
      ),
    ).toBeVisible();
    expect(api.createCampaign).not.toHaveBeenCalled();

    await userEvent.clear(within(dialog).getByLabelText(/Link/));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start campaign' }),
    );
    await waitFor(() =>
      expect(api.createCampaign).toHaveBeenCalledWith({
        title: 'Load tests on core',
        description: 'Core services run load tests in CI.',
        link: undefined,
        checks: ['coverage'],
        target: { tiers: ['core'] },
        deadline,
      }),
    );
    expect(
      await screen.findByTestId(`governance-campaign-row-${started.id}`),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the form and shows the backend’s reason when a campaign is refused', async () => {
    const api = campaignApi({
      listCampaigns: async () => [],
      createCampaign: refusedWith(
        400,
        'checks: unknown check id "runbook"; known ids are availability, coverage',
      ),
    });
    await renderView(api, ['governance.campaign.manage']);
    expect(await screen.findByText(/No campaign is running/)).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'New campaign' }));
    const dialog = screen.getByRole('dialog', { name: 'New campaign' });
    // A custom check is typed: the list only knows the built-in ones.
    await fillNewCampaign(dialog, 'Runbooks', 'runbook');
    await startCampaign(dialog);
    expect(
      await within(dialog).findByTestId('governance-campaign-form-error'),
    ).toHaveTextContent(
      'The campaign was not saved. Request failed with 400 Bad Request: checks: unknown check id "runbook"',
    );
    expect(within(dialog).getByLabelText(/Title/)).toHaveValue('Runbooks');
  });

  it('sends the catalog filter typed, and shows the backend’s reason when it refuses it', async () => {
    const createCampaign = jest
      .fn()
      .mockImplementationOnce(
        refusedWith(
          400,
          'Invalid campaign: target.filter condition 2 "metadata.tags=" has no value after =; write conditions joined by commas, each key=value or key alone (the field exists)',
        ),
      )
      .mockResolvedValue(coverageCampaign);
    const api = campaignApi({ createCampaign });
    await renderView(api, ['governance.campaign.manage']);

    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'New campaign' });
    await fillNewCampaign(dialog, 'PCI coverage', 'coverage');
    const filter = within(dialog).getByLabelText('Catalog filter');
    expect(
      within(dialog).getByText(
        /such as spec.lifecycle=production,metadata.tags=pci/,
      ),
    ).toBeVisible();
    await enter(filter, ' spec.lifecycle=production,metadata.tags= ');
    await startCampaign(dialog);
    expect(
      await within(dialog).findByTestId('governance-campaign-form-error'),
    ).toHaveTextContent(
      'The campaign was not saved. Request failed with 400 Bad Request: Invalid campaign: target.filter condition 2 "metadata.tags=" has no value after =',
    );
    expect(createCampaign).toHaveBeenLastCalledWith(
      expect.objectContaining({
        target: { filter: 'spec.lifecycle=production,metadata.tags=' },
      }),
    );

    await userEvent.clear(filter);
    await enter(filter, 'spec.lifecycle=production,metadata.tags=pci');
    await startCampaign(dialog);
    await waitFor(() =>
      expect(createCampaign).toHaveBeenLastCalledWith(
        expect.objectContaining({
          target: { filter: 'spec.lifecycle=production,metadata.tags=pci' },
        }),
      ),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
