import { ReviewItemDetail } from '@catalog-governance/backstage-plugin-governance-common';
import { mockReviewApi } from '../../__testUtils__/mockGovernanceApi';
import { mockPermissionApi } from '../../__testUtils__/permissions';
import { renderReviewDialog } from '../../__testUtils__/reviewDialog';
import { designReviewDetail } from '../../__testUtils__/reviews';

async function renderDialog(item: ReviewItemDetail) {
  const { dialog } = await renderReviewDialog(
    mockReviewApi({ getReview: async () => item }),
    {
      reviewId: item.id,
      title: item.title,
      permissionApi: mockPermissionApi('DENY'),
      userEntityRef: 'user:default/sam',
    },
  );
  return dialog;
}

describe('ReviewDialog and the ADR that records its decision', () => {
  it('starts the record-adr template prefilled with the item, its id among them, while no ADR is linked', async () => {
    const dialog = await renderDialog({
      ...designReviewDetail,
      adr: undefined,
    });

    const link = await dialog.findByRole('link', {
      name: 'Record this decision as an ADR',
    });
    const url = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/create/templates/default/record-adr');
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      entityRef: designReviewDetail.entityRef,
      title: designReviewDetail.title,
      review: designReviewDetail.id,
    });
  });

  it('shows the ADR once it landed, and the history says the ADR reading found it', async () => {
    const dialog = await renderDialog({
      ...designReviewDetail,
      adr: 'adr-0007',
      history: [
        ...designReviewDetail.history,
        {
          id: 'history-3',
          actor: 'plugin:governance/adr-ingestion',
          at: '2025-11-10T08:00:00.000Z',
          action: 'adr-recorded',
          changes: [
            { field: 'adr', from: null, to: 'adr-0007' },
            {
              field: 'recordedAdr',
              from: null,
              to: 'ADR 0007: Split the ledger',
            },
          ],
        },
      ],
    });

    expect(await dialog.findByText('Linked ADR')).toBeInTheDocument();
    expect(
      dialog.queryByRole('link', { name: 'Record this decision as an ADR' }),
    ).toBeNull();
    expect(
      dialog.getByText(
        /The ADR reading found ADR 0007: Split the ledger recorded/,
      ),
    ).toBeInTheDocument();
  });
});
