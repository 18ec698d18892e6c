import { mockReviewApi } from '../../__testUtils__/mockGovernanceApi';
import { permissionsDecided } from '../../__testUtils__/permissionDecisions';
import { mockPermissionApi } from '../../__testUtils__/permissions';
import { renderReviewDialog } from '../../__testUtils__/reviewDialog';
import { designReviewDetail } from '../../__testUtils__/reviews';
import { ledgerTradeOff } from '../../__testUtils__/tradeOffs';

// usePermission caches the decision for the whole file, so everyone here is outside the
// council, and none of them asked for the review.
const permissionApi = mockPermissionApi('DENY');

describe('ReviewDialog: the trade-off matrix for someone who may not edit it', () => {
  it('shows the ranking and the scores, with nothing to change or save', async () => {
    const api = mockReviewApi({
      getReview: async () => designReviewDetail,
      getReviewTradeOff: async () => ledgerTradeOff,
    });
    const { dialog } = await renderReviewDialog(api, {
      permissionApi,
      userEntityRef: 'user:default/sam.lee',
    });
    await dialog.findByTestId('governance-trade-off-ranking');
    // Triage and decisions: both are refused.
    await permissionsDecided(permissionApi, 2);
    expect(
      dialog.getByTestId('governance-trade-off-rank-queue'),
    ).toHaveTextContent('Managed queue: 3.67 of 5 (rank 1)');
    expect(
      dialog.getByRole('combobox', { name: 'Score of Kafka on Cost' }),
    ).toBeDisabled();
    expect(dialog.queryByRole('button', { name: 'Save matrix' })).toBeNull();
    expect(dialog.queryByRole('button', { name: 'Add option' })).toBeDisabled();
  });

  it('says when no options have been weighed', async () => {
    const api = mockReviewApi({ getReview: async () => designReviewDetail });
    const { dialog } = await renderReviewDialog(api, {
      permissionApi,
      userEntityRef: 'user:default/sam.lee',
    });
    expect(
      await dialog.findByTestId('governance-trade-off-empty'),
    ).toHaveTextContent('No options have been weighed on this review.');
  });
});
