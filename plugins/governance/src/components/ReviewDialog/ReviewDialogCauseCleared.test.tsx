import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  catalogApiRef,
  defaultEntityPresentation,
  EntityPresentationApi,
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { identityApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { ReviewItemDetail } from '@catalog-governance/backstage-plugin-governance-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogUsers, userCatalogApi } from '../../__testUtils__/catalogUsers';
import { mockReviewApi } from '../../__testUtils__/mockGovernanceApi';
import { mockPermissionApi } from '../../__testUtils__/permissions';
import { approvedEscalation } from '../../__testUtils__/reviews';
import { governanceApiRef } from '../../api';
import { ReviewDialog } from './ReviewDialog';

/** The catalog's presentation of the example users: their display names. */
const presentationApi: EntityPresentationApi = {
  forEntity(entityOrRef) {
    const ref =
      typeof entityOrRef === 'string'
        ? entityOrRef
        : stringifyEntityRef(entityOrRef);
    const user = catalogUsers.find(u => stringifyEntityRef(u) === ref);
    const snapshot = defaultEntityPresentation(user ?? ref);
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};

/** An escalation whose security review was recorded since: the trigger marked it. */
const marked: ReviewItemDetail = {
  ...approvedEscalation,
  title: 'Security review overdue',
  origin: {
    type: 'trigger',
    triggerId: 'security-review-overdue',
    causeKey: 'component:default/payments-api:2025-10-01T00:00:00.000Z',
  },
  status: 'in-review',
  decision: undefined,
  assignee: 'user:default/amir.khan',
  causeCleared: { at: '2025-11-06T09:00:00.000Z', action: 'marked' },
  comments: [],
  history: [
    {
      id: '1',
      actor: 'trigger:security-review-overdue',
      at: '2025-10-31T06:00:00.000Z',
      action: 'created',
      changes: [{ field: 'status', from: null, to: 'open' }],
    },
    {
      id: '2',
      actor: 'user:default/li.wei',
      at: '2025-11-01T06:00:00.000Z',
      action: 'updated',
      changes: [
        { field: 'status', from: 'open', to: 'in-review' },
        { field: 'assignee', from: null, to: 'user:default/amir.khan' },
      ],
    },
    {
      id: '3',
      actor: 'trigger:security-review-overdue',
      at: '2025-11-06T09:00:00.000Z',
      action: 'cause-cleared',
      changes: [{ field: 'causeCleared', from: null, to: 'marked' }],
    },
  ],
};

async function renderDialog(item: ReviewItemDetail) {
  const api = mockReviewApi({
    getReview: async () => item,
    updateReview: async () => ({
      ...item,
      status: 'resolved',
      version: item.version + 1,
    }),
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [governanceApiRef, api],
        [permissionApiRef, mockPermissionApi('ALLOW')],
        [identityApiRef, mockApis.identity()],
        [entityPresentationApiRef, presentationApi],
        // The triage form's assignee picker lists the catalog's users.
        [catalogApiRef, userCatalogApi()],
      ]}
    >
      <ReviewDialog reviewId={item.id} onClose={jest.fn()} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  const dialog = within(
    await screen.findByRole('dialog', { name: item.title }),
  );
  return { api, dialog };
}

describe('ReviewDialog of an escalation whose cause cleared', () => {
  it('says so in words, shows people by name, and lets the council close it as resolved', async () => {
    const { api, dialog } = await renderDialog(marked);

    expect(
      dialog.getByTestId('governance-review-cause-cleared-notice'),
    ).toHaveTextContent(
      /^Cause cleared on .+\. The “Security review overdue” trigger no longer sees what raised this item, so the description below is as it was then\. Close it as resolved/,
    );
    expect(
      dialog.getByTestId('governance-review-cause-cleared'),
    ).toHaveTextContent('cause cleared');
    expect(dialog.getByTestId('governance-review-origin')).toHaveTextContent(
      'Raised by the escalation trigger “Security review overdue”',
    );
    const history = within(dialog.getByRole('list', { name: 'History' }));
    expect(history.getAllByRole('listitem').map(i => i.textContent)).toEqual([
      expect.stringMatching(
        /^The “Security review overdue” trigger raised the review, .+Status: none → Open$/,
      ),
      expect.stringMatching(
        /^Li Wei changed, .+Status: Open → In reviewAssignee: none → Amir Khan$/,
      ),
      expect.stringMatching(
        /^The “Security review overdue” trigger no longer sees the cause, .+Cause: holding → cleared, left for the council to close$/,
      ),
    ]);
    // No machine keys anywhere: no cause key, no trigger: or user: refs.
    expect(
      dialog.queryByText(/trigger:|user:default|2025-10-01T00/),
    ).toBeNull();
    // Resolving has its own button; the status list does not offer it.
    expect(
      within(dialog.getByRole('combobox', { name: 'Status' }))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).not.toContain('Resolved');

    await userEvent.click(
      dialog.getByRole('button', { name: 'Close as resolved' }),
    );
    await waitFor(() =>
      expect(api.updateReview).toHaveBeenCalledWith(marked.id, {
        version: marked.version,
        status: 'resolved',
      }),
    );
  });

  it('shows an item the trigger closed as resolved, without the close button', async () => {
    const { dialog } = await renderDialog({
      ...marked,
      status: 'resolved',
      causeCleared: { at: '2025-11-06T09:00:00.000Z', action: 'closed' },
    });
    expect(
      dialog.getByTestId('governance-review-cause-cleared-notice'),
    ).toHaveTextContent(/^Resolved: cause cleared on /);
    expect(dialog.getByTestId('governance-review-status')).toHaveTextContent(
      'Resolved',
    );
    expect(
      dialog.queryByRole('button', { name: 'Close as resolved' }),
    ).toBeNull();
  });
});
