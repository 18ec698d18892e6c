import { mockApis } from '@backstage/test-utils';
import { PermissionApi } from '@backstage/plugin-permission-react';
import { screen, within } from '@testing-library/react';
import { GovernanceApi } from '../api';
import { ReviewDialog } from '../components/ReviewDialog';
import { paymentsEntityAdrs } from './adrs';
import { userCatalogApi } from './catalogUsers';
import { annotatedEntity } from './entities';
import { mockReviewApi } from './mockGovernanceApi';
import { renderForEntity } from './renderForEntity';
import { designReviewDetail } from './reviews';

/** Li Wei sits on the architecture council. */
export const councilMember = 'user:default/li.wei';

/**
 * A governance API serving {@link designReviewDetail} as `review-1`, with the entity's ADRs for
 * the ADR pickers; `overrides` replace single calls.
 */
export function reviewApi(
  overrides: Partial<GovernanceApi> = {},
  extra: Partial<GovernanceApi> = {},
): jest.Mocked<GovernanceApi> {
  return mockReviewApi(
    {
      getReview: async () => designReviewDetail,
      ...overrides,
    },
    { getEntityAdrs: async () => paymentsEntityAdrs, ...extra },
  );
}

/**
 * Opens the review dialog on payments-api's page and waits for the dialog named `title`. The
 * user is the council member {@link councilMember} holding every permission, with the example
 * users in the catalog, unless the options say otherwise.
 */
export async function renderReviewDialog(
  api: GovernanceApi,
  options: {
    reviewId?: string;
    /** The dialog's name once loaded: the item's title. */
    title?: string;
    permissionApi?: PermissionApi;
    userEntityRef?: string;
  } = {},
) {
  const {
    reviewId = 'review-1',
    title = designReviewDetail.title,
    permissionApi,
    userEntityRef = councilMember,
  } = options;
  const onClose = jest.fn();
  const onChanged = jest.fn();
  await renderForEntity(
    <ReviewDialog
      reviewId={reviewId}
      onClose={onClose}
      onChanged={onChanged}
    />,
    {
      entity: annotatedEntity,
      api,
      permissionApi,
      identityApi: mockApis.identity({ userEntityRef }),
      catalogApi: userCatalogApi(),
    },
  );
  const dialog = within(await screen.findByRole('dialog', { name: title }));
  return { onClose, onChanged, dialog };
}
