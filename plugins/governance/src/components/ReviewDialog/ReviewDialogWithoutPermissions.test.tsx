import {
  governanceReviewDecidePermission,
  governanceReviewTriagePermission,
} from '@catalog-governance/backstage-plugin-governance-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  expectControlsAbsent,
  expectControlsShown,
} from '../../__testUtils__/controls';
import { mockReviewApi } from '../../__testUtils__/mockGovernanceApi';
import { permissionsDecided } from '../../__testUtils__/permissionDecisions';
import { mockPermissionApi } from '../../__testUtils__/permissions';
import { renderReviewDialog } from '../../__testUtils__/reviewDialog';
import { designReviewDetail } from '../../__testUtils__/reviews';

// usePermission caches the decision for the whole file, so everyone here is outside the
// council: neither triage nor decisions are allowed.
const permissionApi = mockPermissionApi('DENY');

describe('ReviewDialog outside the council', () => {
  it('shows the item and its discussion but no triage, decision or withdrawal to other users', async () => {
    const api = mockReviewApi({ getReview: async () => designReviewDetail });
    const { dialog } = await renderReviewDialog(api, {
      permissionApi,
      userEntityRef: 'user:default/sam.lee',
    });

    await dialog.findByTestId('governance-review-facts');
    // Triage and decisions: both are refused.
    await permissionsDecided(permissionApi, 2);
    expect(permissionApi.authorize).toHaveBeenCalledWith({
      permission: governanceReviewDecidePermission,
    });
    expect(permissionApi.authorize).toHaveBeenCalledWith({
      permission: governanceReviewTriagePermission,
    });
    expectControlsShown(dialog, [
      ['textbox', 'Comment'],
      ['button', 'Add comment'],
    ]);
    expectControlsAbsent(dialog, [
      ['textbox', 'Assignee'],
      ['button', 'Assign to me'],
      ['combobox', 'Priority'],
      ['combobox', 'Status'],
      ['button', 'Save'],
      ['combobox', 'Decision'],
      ['button', 'Record decision'],
    ]);
    expect(screen.queryByRole('button', { name: 'Withdraw' })).toBeNull();
  });

  it('lets the requester withdraw the request, based on the version shown', async () => {
    const api = mockReviewApi({
      getReview: async () => designReviewDetail,
      updateReview: async () => ({
        ...designReviewDetail,
        status: 'withdrawn',
        overdue: false,
        version: 4,
      }),
    });
    const { dialog, onChanged } = await renderReviewDialog(api, {
      permissionApi,
      userEntityRef: 'user:default/jane.doe',
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Withdraw' }),
    );

    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.updateReview).toHaveBeenCalledWith('review-1', {
      version: 3,
      status: 'withdrawn',
    });
    expect(
      within(dialog.getByTestId('governance-review-facts')).getByTestId(
        'governance-review-status',
      ),
    ).toHaveTextContent('Withdrawn');
    // Withdrawn is final.
    expect(screen.queryByRole('button', { name: 'Withdraw' })).toBeNull();
    expect(dialog.queryByRole('button', { name: 'Save' })).toBeNull();
  });
});
