import { identityApiRef } from '@backstage/core-plugin-api';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  coverageCampaign,
  overdueCampaign,
} from '../../__testUtils__/campaigns';
import { rollupByOwner } from '../../__testUtils__/compliance';
import { mockGovernanceApi } from '../../__testUtils__/mockGovernanceApi';
import { mockPermissionApiAllowing } from '../../__testUtils__/permissions';
import {
  expectRefusalShown,
  refusedWith,
} from '../../__testUtils__/responseErrors';
import { enter } from '../../__testUtils__/userInput';
import { GovernanceApi, governanceApiRef } from '../../api';
import { addDays, utcToday } from '../../lib/days';
import { CampaignsView } from './CampaignsView';

function campaignApi(
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

async function renderView(api: GovernanceApi, permissions: string[]) {
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

function rowCells(id: string): string[] {
  return Array.from(
    screen.getByTestId(`governance-campaign-row-${id}`).children,
  ).map(cell => cell.textContent ?? '');
}

describe('CampaignsView', () => {
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

  it('lets a council member start a campaign for a tier, and lists it once started', async () => {
    const started = {
      ...coverageCampaign,
      id: 'campaign-9',
      title: 'Load tests on core',
    };
    const listCampaigns = jest
      .fn()
      .mockResolvedValueOnce([coverageCampaign])
      .mockResolvedValue([coverageCampaign, started]);
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
