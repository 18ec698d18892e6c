import { governanceReviewCreatePermission } from '@catalog-governance/backstage-plugin-governance-common';
import { act, screen, waitFor } from '@testing-library/react';
import { annotatedEntity } from '../../__testUtils__/entities';
import { mockReviewApi } from '../../__testUtils__/mockGovernanceApi';
import { mockPermissionApi } from '../../__testUtils__/permissions';
import { renderForEntity } from '../../__testUtils__/renderForEntity';
import { designReview, reviewPage } from '../../__testUtils__/reviews';
import { EntityReviewsSection } from './EntityReviewsSection';

describe('EntityReviewsSection', () => {
  // usePermission caches the decision for the whole file, so this file only tests a refusal.
  it('lists the reviews but offers no way to request one to users without the permission', async () => {
    const permissionApi = mockPermissionApi('DENY');
    await renderForEntity(
      <EntityReviewsSection entityRef="component:default/payments-api" />,
      {
        entity: annotatedEntity,
        api: mockReviewApi({
          listReviews: async query => reviewPage([designReview], query),
        }),
        permissionApi,
      },
    );

    expect(
      await screen.findByRole('button', { name: designReview.title }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(permissionApi.authorize).toHaveBeenCalledWith({
        permission: governanceReviewCreatePermission,
      }),
    );
    // Let the refusal arrive, so a missing button means it was refused.
    await act(() => new Promise(resolve => setTimeout(resolve, 0)));
    expect(screen.queryByRole('button', { name: 'Request review' })).toBeNull();
  });
});
