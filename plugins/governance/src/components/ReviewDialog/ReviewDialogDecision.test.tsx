import { ReviewItemDetail } from '@catalog-governance/backstage-plugin-governance-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  councilMember,
  renderReviewDialog,
  reviewApi,
} from '../../__testUtils__/reviewDialog';
import { paymentsEntityAdrs } from '../../__testUtils__/adrs';
import { expectControlsAbsent } from '../../__testUtils__/controls';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { enter } from '../../__testUtils__/userInput';
import {
  approvedEscalation,
  designReviewDetail,
} from '../../__testUtils__/reviews';

// usePermission caches the decision for the whole file, so every test here is a council member.

describe('ReviewDialog for a council member: decisions and discussion', () => {
  it('records a decision only with a rationale, with the ADR that records it', async () => {
    const decided: ReviewItemDetail = {
      ...designReviewDetail,
      status: 'approved',
      version: 4,
      overdue: false,
      decision: {
        outcome: 'approved',
        rationale: 'The ledger has its own load profile',
        adr: 'adr-payments-0005',
        decidedBy: councilMember,
        decidedAt: '2025-11-06T09:00:00.000Z',
      },
    };
    const api = reviewApi({ updateReview: async () => decided });
    const { dialog, onChanged } = await renderReviewDialog(api);

    await userEvent.selectOptions(
      await dialog.findByRole('combobox', { name: 'Decision' }),
      'approved',
    );
    await userEvent.click(
      dialog.getByRole('button', { name: 'Record decision' }),
    );
    expect(
      await dialog.findByText(
        'Explain the decision: the requester and later readers rely on it.',
      ),
    ).toBeInTheDocument();
    expect(api.updateReview).not.toHaveBeenCalled();

    // The entity's ADRs are offered to pick from.
    await waitFor(() =>
      expect(
        dialog.getByTestId('governance-review-decision-review-1-adr-options')
          .children,
      ).toHaveLength(paymentsEntityAdrs.items.length),
    );
    await enter(
      dialog.getByRole('textbox', { name: /^Rationale/ }),
      'The ledger has its own load profile',
    );
    await enter(
      dialog.getByRole('combobox', { name: 'Decision ADR' }),
      'adr-payments-0005',
    );
    await userEvent.click(
      dialog.getByRole('button', { name: 'Record decision' }),
    );

    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.updateReview).toHaveBeenCalledWith('review-1', {
      version: 3,
      status: 'approved',
      rationale: 'The ledger has its own load profile',
      decisionAdr: 'adr-payments-0005',
    });
    const decision = within(dialog.getByTestId('governance-review-decision'));
    expect(decision.getByText('Approved')).toBeInTheDocument();
    expect(
      decision.getByText('The ledger has its own load profile'),
    ).toBeInTheDocument();
    // A decided item is closed: nothing left to triage, decide or withdraw.
    expectControlsAbsent(dialog, [
      ['button', 'Record decision'],
      ['button', 'Save'],
    ]);
    expect(screen.queryByRole('button', { name: 'Withdraw' })).toBeNull();
  });

  it('shows the decision of a decided item: outcome, rationale, ADR, who and when', async () => {
    const api = reviewApi({
      getReview: async () => ({
        ...approvedEscalation,
        comments: [],
        history: [],
      }),
    });
    const { dialog } = await renderReviewDialog(api, {
      reviewId: 'review-2',
      title: approvedEscalation.title,
    });
    const decision = dialog.getByTestId('governance-review-decision');
    expect(decision).toHaveTextContent(
      'Approved — decided by amir.khan on 2025-11-05',
    );
    expect(decision).toHaveTextContent(
      'Accept the latency until the Q1 capacity project lands',
    );
    expect(
      within(decision).getByRole('link', { name: /0006-accept-latency\.md/ }),
    ).toHaveAttribute('href', approvedEscalation.decision!.adr);
    expect(dialog.getByTestId('governance-review-origin')).toHaveTextContent(
      'Raised by the escalation trigger “Failing check”',
    );
    expect(dialog.getByText('No comments yet.')).toBeInTheDocument();
  });

  it('adds a comment and shows the discussion as read again', async () => {
    const comment = {
      id: 'comment-2',
      author: councilMember,
      body: 'Payments keeps it; the ledger team is not staffed yet.',
      createdAt: '2025-11-04T08:00:00.000Z',
    };
    const api = reviewApi({
      getReview: jest
        .fn()
        .mockResolvedValueOnce(designReviewDetail)
        .mockResolvedValueOnce({
          ...designReviewDetail,
          comments: [...designReviewDetail.comments, comment],
          commentCount: 2,
          version: 4,
        }),
      commentOnReview: async () => comment,
    });
    const { dialog, onChanged } = await renderReviewDialog(api);

    const field = await dialog.findByRole('textbox', { name: 'Comment' });
    expect(dialog.getByRole('button', { name: 'Add comment' })).toBeDisabled();
    await enter(field, comment.body);
    await userEvent.click(dialog.getByRole('button', { name: 'Add comment' }));

    expect(await dialog.findByText(comment.body)).toBeInTheDocument();
    expect(api.commentOnReview).toHaveBeenCalledWith('review-1', comment.body);
    expect(field).toHaveValue('');
    expect(onChanged).toHaveBeenCalled();
    expect(api.getReview).toHaveBeenCalledTimes(2);
  });

  it('says when the review cannot be loaded', async () => {
    const api = reviewApi({
      getReview: refusedWith(404, 'No review review-9'),
    });
    const { dialog } = await renderReviewDialog(api, {
      reviewId: 'review-9',
      title: 'Review',
    });
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'The review could not be loaded. Request failed with 404 Not Found: No review review-9',
    );
  });
});
