import { mockApis } from '@backstage/test-utils';
import { ReviewItemDetail } from '@catalog-governance/backstage-plugin-governance-common';
import { screen, within } from '@testing-library/react';
import { annotatedEntity } from '../../__testUtils__/entities';
import { mockReviewApi } from '../../__testUtils__/mockGovernanceApi';
import { mockPermissionApi } from '../../__testUtils__/permissions';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { designReviewDetail } from '../../__testUtils__/reviews';
import { ReviewDialog } from './ReviewDialog';

async function renderDialog(item: ReviewItemDetail) {
  await renderForEntity(
    <ReviewDialog reviewId={item.id} onClose={jest.fn()} />,
    {
      entity: annotatedEntity,
      api: mockReviewApi({ getReview: async () => item }),
      permissionApi: mockPermissionApi('DENY'),
      identityApi: mockApis.identity({ userEntityRef: 'user:default/sam' }),
    },
  );
  return within(await screen.findByRole('dialog', { name: item.title }));
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
