import { ReviewItemDetail } from '@catalog-governance/backstage-plugin-governance-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  councilMember,
  renderReviewDialog,
  reviewApi,
} from '../../__testUtils__/reviewDialog';
import { expectControlsShown } from '../../__testUtils__/controls';
import { refusedWith } from '../../__testUtils__/responseErrors';
import {
  expectOptionsListed,
  optionLabels,
} from '../../__testUtils__/userInput';
import { designReviewDetail } from '../../__testUtils__/reviews';
import { ReviewConflictError } from '../../api';

// usePermission caches the decision for the whole file, so every test here is a council member;
// ReviewDialogWithoutPermissions.test.tsx covers everyone else.

const CONFLICT =
  'Someone else changed this review while you were editing. The latest version is shown; check it and try again.';

/** The option labels of a native select. */
function optionsOf(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole('option')
    .map(option => option.textContent ?? '');
}
describe('ReviewDialog for a council member: the item and its triage', () => {
  it('shows the facts of the item, its description, discussion and history', async () => {
    const api = reviewApi();
    const { dialog } = await renderReviewDialog(api);

    expect(api.getReview).toHaveBeenCalledWith('review-1');
    const facts = within(await dialog.findByTestId('governance-review-facts'));
    expect(facts.getByRole('link', { name: /payments-api/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api',
    );
    expect(await facts.findByText('Design review')).toBeInTheDocument();
    expect(facts.getByTestId('governance-review-status')).toHaveTextContent(
      'In review',
    );
    expect(facts.getByText('High')).toBeInTheDocument();
    expect(facts.getByRole('link', { name: /amir\.khan/ })).toHaveAttribute(
      'href',
      '/catalog/default/user/amir.khan',
    );
    expect(facts.getByTestId('governance-review-due')).toHaveTextContent(
      '2025-11-20 overdue',
    );
    expect(facts.getByTestId('governance-review-origin')).toHaveTextContent(
      'Requested by jane.doe',
    );
    expect(
      facts.getByRole('button', { name: 'adr-payments-0005' }),
    ).toBeInTheDocument();
    expect(dialog.getByText(designReviewDetail.description)).toBeVisible();

    const comments = within(dialog.getByRole('list', { name: 'Comments' }));
    expect(
      comments.getByText('Which team owns the ledger once it is split?'),
    ).toBeInTheDocument();
    expect(
      dialog.getByTestId('governance-review-comment-comment-1'),
    ).toHaveTextContent('amir.khan, 2025-11-02 14:00 UTC');

    const history = dialog.getByTestId('governance-review-history-history-2');
    expect(history).toHaveTextContent(
      'amir.khan changed, 2025-11-03 10:30 UTC',
    );
    expect(history).toHaveTextContent('Status: Open → In review');
    // People by name: the catalog's presentation (here its default, the user's name).
    expect(history).toHaveTextContent('Assignee: none → amir.khan');
    expect(
      dialog.getByTestId('governance-review-history-history-1'),
    ).toHaveTextContent('jane.doe requested the review');
  });

  it('offers triage, the decisions the status allows, and withdrawal', async () => {
    const { dialog } = await renderReviewDialog(reviewApi());

    // The assignee by display name once the catalog answers; the ref stays the value.
    await waitFor(() =>
      expect(dialog.getByRole('textbox', { name: 'Assignee' })).toHaveValue(
        'Amir Khan',
      ),
    );
    expect(
      dialog.getByRole('button', { name: 'Assign to me' }),
    ).toBeInTheDocument();
    expect(dialog.getByRole('combobox', { name: 'Priority' })).toHaveValue(
      'high',
    );
    expect(dialog.getByLabelText('Due date')).toHaveValue('2025-11-20');
    // Decisions need a rationale, so triage only moves between open and in review, or withdraws.
    expect(optionsOf(dialog.getByRole('combobox', { name: 'Status' }))).toEqual(
      ['In review', 'Open', 'Withdrawn'],
    );
    expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();

    expect(
      optionsOf(dialog.getByRole('combobox', { name: 'Decision' })),
    ).toEqual(['Choose…', 'Approve', 'Reject', 'Request changes']);
    expectControlsShown(dialog, [
      ['textbox', /^Rationale/],
      ['combobox', 'Decision ADR'],
      ['button', 'Record decision'],
    ]);
    expect(
      screen.getByRole('button', { name: 'Withdraw' }),
    ).toBeInTheDocument();
  });

  it('saves only the changed fields, based on the version shown, and shows the saved item', async () => {
    const saved: ReviewItemDetail = {
      ...designReviewDetail,
      priority: 'critical',
      assignee: councilMember,
      dueDate: undefined,
      version: 4,
    };
    const api = reviewApi({ updateReview: async () => saved });
    const { dialog, onChanged } = await renderReviewDialog(api);

    await userEvent.selectOptions(
      await dialog.findByRole('combobox', { name: 'Priority' }),
      'critical',
    );
    await waitFor(() =>
      expect(
        dialog.getByRole('button', { name: 'Assign to me' }),
      ).toBeEnabled(),
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Assign to me' }));
    await waitFor(() =>
      expect(dialog.getByRole('textbox', { name: 'Assignee' })).toHaveValue(
        'Li Wei',
      ),
    );
    fireEvent.change(dialog.getByLabelText('Due date'), {
      target: { value: '' },
    });
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(api.updateReview).toHaveBeenCalledTimes(1);
    expect(api.updateReview).toHaveBeenCalledWith('review-1', {
      version: 3,
      priority: 'critical',
      assignee: councilMember,
      dueDate: null,
    });
    const facts = within(dialog.getByTestId('governance-review-facts'));
    expect(facts.getByText('Critical')).toBeInTheDocument();
    expect(facts.getByRole('link', { name: /li\.wei/ })).toBeInTheDocument();
    // Nothing left to save once the form shows the saved item.
    expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('assigns a council member picked by display name, and saves their entity ref', async () => {
    const api = reviewApi({
      updateReview: async () => ({
        ...designReviewDetail,
        assignee: councilMember,
        version: 4,
      }),
    });
    const { dialog } = await renderReviewDialog(api);

    const assignee = await dialog.findByDisplayValue('Amir Khan');
    await userEvent.clear(assignee);
    await userEvent.click(assignee);
    const listbox = within(await screen.findByRole('listbox'));
    // Council members first, then everyone else, who cannot be assigned.
    await expectOptionsListed([
      'Amir Khanuser:amir.khan',
      'Li Weiuser:li.wei',
      'Jane Doeuser:jane.doe · not on the council, cannot be assigned',
      'Sam Leeuser:sam.lee · not on the council, cannot be assigned',
    ]);
    expect(listbox.getByText('Council members')).toBeInTheDocument();
    expect(listbox.getByRole('option', { name: /Jane Doe/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    await userEvent.type(assignee, 'li');
    const narrowed = within(screen.getByRole('listbox'));
    expect(optionLabels()).toEqual(['Li Weiuser:li.wei']);
    await userEvent.click(narrowed.getByRole('option', { name: /Li Wei/ }));
    expect(assignee).toHaveValue('Li Wei');
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.updateReview).toHaveBeenCalledWith('review-1', {
        version: 3,
        assignee: councilMember,
      }),
    );
  });

  it('moves the item back to open through the status', async () => {
    const api = reviewApi({
      updateReview: async () => ({
        ...designReviewDetail,
        status: 'open',
        version: 4,
      }),
    });
    const { dialog } = await renderReviewDialog(api);

    await userEvent.selectOptions(
      await dialog.findByRole('combobox', { name: 'Status' }),
      'open',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(
        within(dialog.getByTestId('governance-review-facts')).getByTestId(
          'governance-review-status',
        ),
      ).toHaveTextContent('Open'),
    );
    expect(api.updateReview).toHaveBeenCalledWith('review-1', {
      version: 3,
      status: 'open',
    });
  });

  it('shows the latest version and drops the edits when someone else changed the item first', async () => {
    const current: ReviewItemDetail = {
      ...designReviewDetail,
      priority: 'low',
      assignee: 'user:default/sam.lee',
      version: 7,
    };
    const api = reviewApi({
      updateReview: jest
        .fn()
        .mockRejectedValueOnce(
          new ReviewConflictError('Review review-1 changed', current),
        )
        .mockResolvedValueOnce({ ...current, priority: 'medium', version: 8 }),
    });
    const { dialog, onChanged } = await renderReviewDialog(api);

    await userEvent.selectOptions(
      await dialog.findByRole('combobox', { name: 'Priority' }),
      'critical',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    expect(await dialog.findByRole('alert')).toHaveTextContent(CONFLICT);
    const facts = within(dialog.getByTestId('governance-review-facts'));
    expect(facts.getByText('Low')).toBeInTheDocument();
    expect(facts.getByRole('link', { name: /sam\.lee/ })).toBeInTheDocument();
    expect(dialog.getByRole('combobox', { name: 'Priority' })).toHaveValue(
      'low',
    );
    expect(dialog.getByRole('textbox', { name: 'Assignee' })).toHaveValue(
      'Sam Lee',
    );
    expect(onChanged).toHaveBeenCalled();

    // Trying again is based on the version now shown.
    await userEvent.selectOptions(
      dialog.getByRole('combobox', { name: 'Priority' }),
      'medium',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateReview).toHaveBeenLastCalledWith('review-1', {
        version: 7,
        priority: 'medium',
      }),
    );
    await waitFor(() => expect(dialog.queryByRole('alert')).toBeNull());
  });

  it('shows why a change was refused and keeps the edits', async () => {
    const api = reviewApi({
      updateReview: refusedWith(
        400,
        "Cannot move a review from 'in-review' to 'open'; allowed: changes-requested, approved, rejected, withdrawn",
      ),
    });
    const { dialog, onChanged, onClose } = await renderReviewDialog(api);

    await userEvent.selectOptions(
      await dialog.findByRole('combobox', { name: 'Status' }),
      'open',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    const alert = await dialog.findByRole('alert');
    expect(alert).toHaveTextContent('The review was not saved.');
    expect(alert).toHaveTextContent(
      'allowed: changes-requested, approved, rejected, withdrawn',
    );
    expect(dialog.getByRole('combobox', { name: 'Status' })).toHaveValue(
      'open',
    );
    expect(onChanged).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });
});
