import {
  GrantWaiverRequest,
  ReviewItemDetail,
} from '@catalog-governance/backstage-plugin-governance-common';
import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { paymentsAdr } from '../../__testUtils__/adrs';
import {
  renderReviewDialog,
  reviewApi,
} from '../../__testUtils__/reviewDialog';
import { designReviewDetail } from '../../__testUtils__/reviews';

const proposedDay = DateTime.utc().plus({ days: 45 }).toISODate()!;

const waiverRequest: ReviewItemDetail = {
  ...designReviewDetail,
  id: 'review-4',
  number: 4,
  kind: 'waiver-request',
  title: 'Waive p95 latency',
  description: 'Latency work lands with the Q1 capacity project',
  status: 'open',
  assignee: undefined,
  overdue: false,
  adr: 'adr-payments-0001',
  waiverRequest: {
    checkId: 'p95-latency',
    expiresAt: `${proposedDay}T23:59:59.999Z`,
  },
  history: [],
  comments: [],
};

async function renderDialog() {
  const api = reviewApi(
    {
      getReview: async () => waiverRequest,
      grantWaiver: async (_id, request) => ({
        item: {
          ...waiverRequest,
          status: 'approved',
          version: 4,
          decision: {
            outcome: 'approved',
            rationale: request.rationale,
            adr: request.adr,
            decidedBy: 'user:default/amir.khan',
            decidedAt: '2026-12-06T10:00:00.000Z',
          },
        },
        waiver: {
          id: 'waiver-1',
          entityRef: waiverRequest.entityRef,
          checkId: 'p95-latency',
          reason: request.reason,
          expiresAt: request.expiresAt,
          createdBy: 'user:default/amir.khan',
          createdAt: '2026-12-06T10:00:00.000Z',
          review: { id: 'review-4', number: 4 },
        },
      }),
    },
    { getAdr: async id => paymentsAdr(Number(id.slice(-1))) },
  );
  const { dialog, onChanged } = await renderReviewDialog(api, {
    reviewId: 'review-4',
    title: waiverRequest.title,
  });
  return { api, dialog, onChanged };
}

describe('ReviewDialog on a waiver request', () => {
  it('lets the council grant the waiver starting from what was requested, with the ADR by number and title', async () => {
    const { api, dialog, onChanged } = await renderDialog();

    expect(
      dialog.getByTestId('governance-review-waiver-request'),
    ).toHaveTextContent(`check p95-latency, until ${proposedDay} (proposed)`);
    // The linked ADR reads as people cite it.
    expect(
      await dialog.findByRole('button', {
        name: 'ADR 1: Record architecture decisions',
      }),
    ).toBeInTheDocument();

    const decision = dialog.getByRole('combobox', { name: 'Decision' });
    // Approving is granting; declining closes the request.
    expect(
      within(decision)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'Choose…',
      'Grant waiver',
      'Decline the request',
      'Request changes',
    ]);
    await userEvent.selectOptions(decision, 'Grant waiver');
    expect(dialog.getByRole('textbox', { name: /^Reason/ })).toHaveValue(
      waiverRequest.description,
    );
    expect(dialog.getByLabelText(/^Expires on/)).toHaveValue(proposedDay);
    const adr = dialog.getByRole('combobox', { name: 'Decision ADR' });
    await waitFor(() =>
      expect(adr).toHaveValue('ADR 1: Record architecture decisions'),
    );

    await userEvent.click(dialog.getByRole('textbox', { name: /^Rationale/ }));
    await userEvent.paste('The capacity project is funded and due in Q1.');
    await userEvent.click(dialog.getByRole('button', { name: 'Grant waiver' }));

    const granted: GrantWaiverRequest = {
      version: waiverRequest.version,
      reason: waiverRequest.description,
      expiresAt: `${proposedDay}T23:59:59.999Z`,
      rationale: 'The capacity project is funded and due in Q1.',
      adr: 'adr-payments-0001',
    };
    await waitFor(() =>
      expect(api.grantWaiver).toHaveBeenCalledWith('review-4', granted),
    );
    expect(
      await dialog.findByTestId('governance-review-decision'),
    ).toHaveTextContent('Recorded in ADR 1: Record architecture decisions');
    expect(onChanged).toHaveBeenCalled();
  });
});
