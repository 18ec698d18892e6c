import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  renderReviewDialog,
  reviewApi,
} from '../../__testUtils__/reviewDialog';
import { answersFirstThen } from '../../__testUtils__/mockGovernanceApi';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { enter } from '../../__testUtils__/userInput';
import { designReviewDetail } from '../../__testUtils__/reviews';
import { ledgerTradeOff } from '../../__testUtils__/tradeOffs';

// usePermission caches the decision for the whole file, so every test here is a council member.

const ranking = () =>
  within(screen.getByTestId('governance-trade-off-ranking'))
    .getAllByRole('listitem')
    .map(item => item.textContent);

describe('ReviewDialog: the trade-off matrix of a design review', () => {
  it('ranks the options by weighted score, re-ranks as a score changes, and saves on the revision shown', async () => {
    const api = reviewApi({
      getReviewTradeOff: async () => ledgerTradeOff,
      saveReviewTradeOff: async (_id, update) => ({
        ...ledgerTradeOff,
        ...update,
        revision: 4,
      }),
    });
    const { dialog } = await renderReviewDialog(api);
    expect(
      await dialog.findByText(/Scores run from 1 \(worst\) to 5 \(best\)/),
    ).toBeInTheDocument();
    // (3×4 + 4 + 2×3) / 6 and (3×2 + 3 + 2×4) / 6
    expect(ranking()).toEqual([
      'Managed queue: 3.67 of 5 (rank 1)',
      'Kafka: 2.83 of 5 (rank 2)',
    ]);

    await userEvent.selectOptions(
      dialog.getByRole('combobox', { name: 'Score of Kafka on Cost' }),
      '5',
    );
    expect(ranking()[0]).toBe('Kafka: 4.33 of 5 (rank 1)');

    await userEvent.click(dialog.getByRole('button', { name: 'Save matrix' }));
    expect(
      await dialog.findByText('Trade-off matrix saved.'),
    ).toBeInTheDocument();
    expect(api.saveReviewTradeOff).toHaveBeenCalledWith(
      'review-1',
      expect.objectContaining({
        revision: 3,
        cells: expect.arrayContaining([
          expect.objectContaining({
            optionId: 'kafka',
            criterionId: 'cost',
            score: 5,
            note: 'A cluster',
          }),
        ]),
      }),
    );
  });

  it('adds an option and a criterion, and says when the matrix is empty', async () => {
    const api = reviewApi();
    const { dialog } = await renderReviewDialog(api);
    expect(
      await dialog.findByText(/No options yet: add the options/),
    ).toBeInTheDocument();
    await userEvent.click(dialog.getByRole('button', { name: 'Add option' }));
    await userEvent.click(
      dialog.getByRole('button', { name: 'Add criterion' }),
    );
    expect(
      dialog.getByRole('combobox', {
        name: 'Score of Option 1 on Criterion 4',
      }),
    ).toBeInTheDocument();
    expect(ranking()).toEqual(['Option 1: not scored yet']);
  });

  it('shows why the matrix could not be loaded', async () => {
    const api = reviewApi({
      getReviewTradeOff: refusedWith(500, 'database unavailable'),
    });
    const { dialog } = await renderReviewDialog(api);
    expect(
      await dialog.findByTestId('governance-trade-off-error'),
    ).toHaveTextContent('database unavailable');
  });

  it('loads the other save after a 409 and says so', async () => {
    const theirs = { ...ledgerTradeOff, revision: 4 };
    const api = reviewApi({
      getReviewTradeOff: answersFirstThen(ledgerTradeOff, theirs),
      saveReviewTradeOff: refusedWith(409, 'it is at revision 4'),
    });
    const { dialog } = await renderReviewDialog(api);
    await userEvent.selectOptions(
      await dialog.findByRole('combobox', { name: 'Score of Kafka on Time' }),
      '1',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Save matrix' }));
    expect(
      await dialog.findByText(/Someone else saved this matrix/),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.getReviewTradeOff).toHaveBeenCalledTimes(2));
  });

  it('records the chosen option with the decision', async () => {
    const api = reviewApi({
      getReviewTradeOff: async () => ledgerTradeOff,
      updateReview: async () => ({
        ...designReviewDetail,
        // No ADR linked yet, so the dialog offers to record one.
        adr: undefined,
        status: 'approved',
        decision: {
          outcome: 'approved',
          rationale: 'Cheaper to run',
          chosenOption: 'queue',
          decidedBy: 'user:default/li.wei',
          decidedAt: '2025-11-06T09:00:00.000Z',
        },
      }),
    });
    const { dialog } = await renderReviewDialog(api);
    await userEvent.selectOptions(
      await dialog.findByRole('combobox', { name: 'Decision' }),
      'approved',
    );
    await userEvent.selectOptions(
      await dialog.findByRole('combobox', { name: 'Chosen option' }),
      'queue',
    );
    await enter(
      dialog.getByRole('textbox', { name: /^Rationale/ }),
      'Cheaper to run',
    );
    await userEvent.click(
      dialog.getByRole('button', { name: 'Record decision' }),
    );
    await waitFor(() =>
      expect(api.updateReview).toHaveBeenCalledWith(
        'review-1',
        expect.objectContaining({ status: 'approved', chosenOption: 'queue' }),
      ),
    );
    expect(
      await dialog.findByTestId('governance-review-decision'),
    ).toHaveTextContent('Chosen option: Managed queue');

    // The ADR the decision is recorded in starts with the options and the matrix.
    const href = decodeURIComponent(
      dialog
        .getByTestId('governance-review-record-adr')
        .getAttribute('href')!
        .split('formData=')[1],
    );
    const formData = JSON.parse(href);
    expect(formData.options).toEqual(['Kafka', 'Managed queue']);
    expect(formData.decision).toContain(
      'Chosen option: "Managed queue", because Cheaper to run',
    );
    expect(formData.decision).toContain(
      '| **Managed queue** (chosen) | 4 | 4 | 3 | 3.67 |',
    );
  });
});
