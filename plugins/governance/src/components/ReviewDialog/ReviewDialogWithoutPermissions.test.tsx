import {
  governanceReviewDecidePermission,
  governanceReviewTriagePermission,
} from '@catalog-governance/backstage-plugin-governance-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockReviewApi } from '../../__testUtils__/mockGovernanceApi';
import { mockPermissionApi } from '../../__testUtils__/permissions';
import { renderReviewDialog } from '../../__testUtils__/reviewDialog';
import { designReviewDetail } from '../../__testUtils__/reviews';

// usePermission caches the decision for the whole file, so everyone here is outside the
// council: neither triage nor decisions are allowed.
const permissionApi = mockPermissionApi('DENY');

/** Waits until both permission decisions arrived, so a missing control means a refusal. */
async function permissionsDecided() {
  await waitFor(() => expect(permissionApi.authorize).toHaveBeenCalledTimes(2));
  await act(() => new Promise(resolve => setTimeout(resolve, 0)));
}

describe('ReviewDialog outside the council', () => {
  it('shows the item and its discussion but no triage, decision or withdrawal to other users', async () => {
    const api = mockReviewApi({ getReview: async () => designReviewDetail });
    const { dialog } = await renderReviewDialog(api, {
      permissionApi,
      userEntityRef: 'user:default/sam.lee',
    });

    await dialog.findByTestId('governance-review-facts');
    await permissionsDecided();
    expect(permissionApi.authorize).toHaveBeenCalledWith({
      permission: governanceReviewDecidePermission,
    });
    expect(permissionApi.authorize).toHaveBeenCalledWith({
      permission: governanceReviewTriagePermission,
    });
    expect(
      dialog.getByRole('textbox', { name: 'Comment' }),
    ).toBeInTheDocument();
    expect(
      dialog.getByRole('button', { name: 'Add comment' }),
    ).toBeInTheDocument();
    expect(dialog.queryByRole('textbox', { name: 'Assignee' })).toBeNull();
    expect(dialog.queryByRole('button', { name: 'Assign to me' })).toBeNull();
    expect(dialog.queryByRole('combobox', { name: 'Priority' })).toBeNull();
    expect(dialog.queryByRole('combobox', { name: 'Status' })).toBeNull();
    expect(dialog.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(dialog.queryByRole('combobox', { name: 'Decision' })).toBeNull();
    expect(
      dialog.queryByRole('button', { name: 'Record decision' }),
    ).toBeNull();
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
