import {
  ReviewItem,
  ReviewRequest,
} from '@catalog-governance/backstage-plugin-governance-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paymentsEntityAdrs } from '../../__testUtils__/adrs';
import { entitySectionTest } from '../../__testUtils__/entitySections';
import { mockReviewApi } from '../../__testUtils__/mockGovernanceApi';
import {
  expectRefusalShown,
  refusedWith,
} from '../../__testUtils__/responseErrors';
import {
  approvedEscalation,
  designReview,
  designReviewDetail,
  reviewPage,
} from '../../__testUtils__/reviews';
import { expectEmptyState } from '../../__testUtils__/tableRows';
import { enter } from '../../__testUtils__/userInput';
import { EntityReviewsSection } from './EntityReviewsSection';

const { entityRef, renderSection, rowCells } = entitySectionTest(
  EntityReviewsSection,
  'governance-review-',
);

describe('EntityReviewsSection', () => {
  it("lists the entity's reviews, open ones first, with the council's decision and rationale", async () => {
    const api = mockReviewApi({
      // The decided item arrives first: the section still lists the open one above it.
      listReviews: async query =>
        reviewPage([approvedEscalation, designReview], query),
    });
    await renderSection(api);

    const table = await screen.findByRole('table', { name: 'Reviews' });
    expect(api.listReviews).toHaveBeenCalledWith({ entityRef });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(row => row.getAttribute('data-testid'))).toEqual([
      'governance-review-review-1',
      'governance-review-review-2',
    ]);
    await waitFor(() =>
      expect(rowCells('review-1')).toEqual([
        'Split the ledger out of payments-api',
        'Design review',
        'In review',
        'High',
        'amir.khan',
        '2025-11-20 overdue',
      ]),
    );
    expect(rowCells('review-2').slice(1)).toEqual([
      'NFR escalation',
      'Approved',
      'Medium',
      '—',
      '—',
    ]);
    const decision = within(
      screen.getByTestId('governance-review-review-2'),
    ).getByTestId('governance-review-decision-line');
    expect(decision).toHaveTextContent(
      'Approved: Accept the latency until the Q1 capacity project lands',
    );
    expect(
      within(decision).getByRole('link', { name: /0006-accept-latency\.md/ }),
    ).toHaveAttribute('href', approvedEscalation.decision!.adr);
  });

  it('says when the entity has no reviews yet', async () => {
    const api = mockReviewApi({});
    await renderSection(api);

    await expectEmptyState(/^No reviews of this entity yet/);
  });

  it('shows why the reviews could not be loaded', async () => {
    const api = mockReviewApi({
      listReviews: refusedWith(500, 'The review store is not reachable'),
    });
    await renderSection(api);

    await expectRefusalShown(
      'Request failed with 500 Internal Server Error',
      'The review store is not reachable',
    );
  });

  it('requests a review with the kind, title, description and ADR given, then lists it', async () => {
    const requested: ReviewItem = {
      ...designReview,
      id: 'review-3',
      kind: 'adr-review',
      title: 'Review ADR 4 before it is accepted',
      status: 'open',
      assignee: undefined,
      dueDate: undefined,
      overdue: false,
      version: 1,
    };
    let items: ReviewItem[] = [];
    const api = mockReviewApi(
      {
        listReviews: async query => reviewPage(items, query),
        requestReview: async () => {
          items = [requested];
          return requested;
        },
      },
      { getEntityAdrs: async () => paymentsEntityAdrs },
    );
    await renderSection(api);

    await screen.findByText(/^No reviews of this entity yet/);
    await userEvent.click(
      screen.getByRole('button', { name: 'Request review' }),
    );
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Request a review' }),
    );
    const kind = dialog.getByRole('combobox', { name: 'Kind' });
    await waitFor(() => expect(kind).toHaveValue('design-review'));

    // A title is required.
    await userEvent.click(dialog.getByRole('button', { name: 'Request' }));
    expect(
      dialog.getByText(
        'Give the review a title: what should the council look at?',
      ),
    ).toBeInTheDocument();
    expect(api.requestReview).not.toHaveBeenCalled();

    await userEvent.selectOptions(kind, 'adr-review');
    await enter(
      dialog.getByRole('textbox', { name: /^Title/ }),
      '  Review ADR 4 before it is accepted ',
    );
    await enter(
      dialog.getByRole('textbox', { name: 'Description' }),
      'Retries change what the ledger sees.',
    );
    await enter(
      dialog.getByRole('combobox', { name: 'Linked ADR (optional)' }),
      'adr-payments-0004',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Request' }));

    expect(
      await screen.findByRole('button', { name: requested.title }),
    ).toBeInTheDocument();
    const request: ReviewRequest = {
      entityRef,
      kind: 'adr-review',
      title: 'Review ADR 4 before it is accepted',
      description: 'Retries change what the ledger sees.',
      adr: 'adr-payments-0004',
    };
    expect(api.requestReview).toHaveBeenCalledWith(request);
    expect(
      screen.queryByRole('dialog', { name: 'Request a review' }),
    ).toBeNull();
    expect(api.listReviews).toHaveBeenCalledTimes(2);
  });

  it('shows why the backend refused a request and keeps the dialog open', async () => {
    const api = mockReviewApi({
      requestReview: refusedWith(400, "Unknown review kind 'security-review'"),
    });
    await renderSection(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Request review' }),
    );
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Request a review' }),
    );
    await enter(dialog.getByRole('textbox', { name: /^Title/ }), 'Look at it');
    await userEvent.click(dialog.getByRole('button', { name: 'Request' }));

    expect(
      await dialog.findByTestId('governance-request-review-error'),
    ).toHaveTextContent(
      "The review was not requested. Request failed with 400 Bad Request: Unknown review kind 'security-review'",
    );
    expect(api.requestReview).toHaveBeenCalledWith({
      entityRef,
      kind: 'design-review',
      title: 'Look at it',
    });
    expect(dialog.getByRole('textbox', { name: /^Title/ })).toHaveValue(
      'Look at it',
    );
  });

  it('opens a review in the review dialog and reloads the list after a change there', async () => {
    const api = mockReviewApi({
      listReviews: async query => reviewPage([designReview], query),
      getReview: async () => designReviewDetail,
      updateReview: async () => ({
        ...designReviewDetail,
        status: 'withdrawn',
        version: 4,
      }),
    });
    await renderSection(api);

    await userEvent.click(
      await screen.findByRole('button', { name: designReview.title }),
    );
    await screen.findByRole('dialog', { name: designReview.title });
    expect(api.getReview).toHaveBeenCalledWith('review-1');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Withdraw' }),
    );

    await waitFor(() => expect(api.listReviews).toHaveBeenCalledTimes(2));
  });
});
