import { mockApis } from '@backstage/test-utils';
import {
  ReviewItem,
  ReviewQuery,
} from '@catalog-governance/backstage-plugin-governance-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { mockReviewApi } from '../../__testUtils__/mockGovernanceApi';
import { renderInGovernanceApp } from '../../__testUtils__/renderInGovernanceApp';
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
import { expectEmptyState, rowCellTexts } from '../../__testUtils__/tableRows';
import { pickOptions } from '../../__testUtils__/userInput';
import { GovernanceApi } from '../../api';
import { ReviewQueue } from './ReviewQueue';

const me = 'user:default/li.wei';

/** Shows the URL's query, as a user sees it in the address bar. */
function LocationSearch() {
  const location = useLocation();
  return <div data-testid="location-search">{location.search}</div>;
}

function search(): URLSearchParams {
  return new URLSearchParams(
    screen.getByTestId('location-search').textContent ?? '',
  );
}

async function renderQueue(api: GovernanceApi, url = '/reviews') {
  return renderInGovernanceApp(
    <>
      <ReviewQueue />
      <LocationSearch />
    </>,
    {
      api,
      identityApi: mockApis.identity({ userEntityRef: me }),
      routeEntries: [url],
    },
  );
}

function lastQuery(api: jest.Mocked<GovernanceApi>): ReviewQuery {
  return api.listReviews.mock.calls[api.listReviews.mock.calls.length - 1][0]!;
}

const rowCells = (id: string) => rowCellTexts(`governance-review-row-${id}`);

describe('ReviewQueue', () => {
  it('lists the items still waiting for the council, with who asked and when they are due', async () => {
    const raised: ReviewItem = {
      ...approvedEscalation,
      id: 'review-3',
      status: 'open',
      decision: undefined,
    };
    const api = mockReviewApi({
      listReviews: async query => reviewPage([designReview, raised], query),
    });
    await renderQueue(api);

    const table = await screen.findByRole('table', { name: 'Review queue' });
    expect(api.listReviews).toHaveBeenCalledWith({
      status: ['open', 'in-review', 'changes-requested'],
      offset: 0,
      limit: 25,
    });
    // Seven columns, so the queue fits a laptop screen: kind and origin sit under the title.
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Title',
      'Entity',
      'Status',
      'Priority',
      'Assignee',
      'Due',
      'Updated',
    ]);
    await waitFor(() =>
      expect(rowCells('review-1')).toEqual([
        'Split the ledger out of payments-apiDesign review · Requested by jane.doe',
        'payments-api',
        'In review',
        'High',
        'amir.khan',
        '2025-11-20 overdue',
        '2025-11-03',
      ]),
    );
    const designRow = within(
      screen.getByTestId('governance-review-row-review-1'),
    );
    expect(
      designRow.getByRole('button', { name: designReview.title }),
    ).toBeInTheDocument();
    expect(designRow.getByTestId('governance-review-about')).toHaveTextContent(
      'Design review · Requested by jane.doe',
    );
    expect(designRow.getByTestId('governance-review-due')).toHaveAttribute(
      'data-overdue',
      'true',
    );
    expect(rowCells('review-3')).toEqual([
      'p95 latency failing for 30 days' +
        'NFR escalation · Raised by the escalation trigger “Failing check”',
      'payments-api',
      'Open',
      'Medium',
      'Unassigned',
      '—',
      '2025-11-05',
    ]);
  });

  it('reads its filters from the URL, so a view of the queue can be shared', async () => {
    const api = mockReviewApi({
      listReviews: async query => reviewPage([approvedEscalation], query),
    });
    await renderQueue(
      api,
      '/reviews?status=approved&kind=nfr-escalation&priority=high&priority=critical&assignee=unassigned&overdue=true&offset=25&limit=10',
    );

    await screen.findByRole('table', { name: 'Review queue' });
    expect(api.listReviews).toHaveBeenCalledWith({
      status: ['approved'],
      kind: ['nfr-escalation'],
      priority: ['high', 'critical'],
      assignee: '',
      overdue: true,
      offset: 25,
      limit: 10,
    });
    expect(screen.getByRole('combobox', { name: 'Assignee' })).toHaveValue(
      'unassigned',
    );
    expect(
      screen.getByRole('checkbox', { name: 'Overdue only' }),
    ).toBeChecked();
    expect(screen.getByRole('button', { name: /^Priority/ })).toHaveTextContent(
      'High, Critical',
    );
  });

  it('sends each filter the user picks to the backend and keeps it in the URL', async () => {
    const api = mockReviewApi({
      listReviews: async query => reviewPage([designReview], query),
    });
    await renderQueue(api);
    await screen.findByRole('table', { name: 'Review queue' });

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Overdue only' }),
    );
    await waitFor(() => expect(lastQuery(api).overdue).toBe(true));
    expect(search().get('overdue')).toBe('true');

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Assignee' }),
      'me',
    );
    await waitFor(() => expect(lastQuery(api).assignee).toBe(me));
    expect(search().get('assignee')).toBe('me');

    await pickOptions('Kind', ['Tier change']);
    await waitFor(() => expect(lastQuery(api).kind).toEqual(['tier-change']));
    expect(search().getAll('kind')).toEqual(['tier-change']);

    await pickOptions('Priority', ['Critical']);
    await waitFor(() => expect(lastQuery(api).priority).toEqual(['critical']));

    // Adding the decided statuses shows every status but withdrawn.
    await pickOptions('Status', ['Approved', 'Rejected']);
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        status: [
          'open',
          'in-review',
          'changes-requested',
          'approved',
          'rejected',
        ],
        kind: ['tier-change'],
        priority: ['critical'],
        assignee: me,
        overdue: true,
        offset: 0,
        limit: 25,
      }),
    );
    expect(search().getAll('status')).toEqual([
      'open',
      'in-review',
      'changes-requested',
      'approved',
      'rejected',
    ]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Reset filters' }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        status: ['open', 'in-review', 'changes-requested'],
        offset: 0,
        limit: 25,
      }),
    );
    expect(search().toString()).toBe('');
  });

  it('shows every status once the user deselects them all', async () => {
    const api = mockReviewApi({
      listReviews: async query => reviewPage([designReview], query),
    });
    await renderQueue(api);
    await screen.findByRole('table', { name: 'Review queue' });

    await pickOptions('Status', ['Open', 'In review', 'Changes requested']);
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ offset: 0, limit: 25 }),
    );
    expect(search().getAll('status')).toEqual(['']);
    expect(screen.getByRole('button', { name: /^Status/ })).toHaveTextContent(
      'any',
    );
  });

  it('says when no review matches the filters', async () => {
    const api = mockReviewApi({});
    await renderQueue(api, '/reviews?priority=critical');

    await expectEmptyState('No review matches these filters.');
  });

  it('shows why the queue could not be loaded', async () => {
    const api = mockReviewApi({
      listReviews: refusedWith(403, 'Unauthorized'),
    });
    await renderQueue(api);

    await expectRefusalShown(
      'Request failed with 403 Forbidden',
      'Unauthorized',
    );
  });

  it('pages through the queue on the server', async () => {
    const api = mockReviewApi({
      listReviews: async query => reviewPage([designReview], query, 60),
    });
    await renderQueue(api);
    await screen.findByRole('table', { name: 'Review queue' });
    expect(screen.getByText('1-25 of 60')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ offset: 25, limit: 25 }),
    );
    expect(search().get('offset')).toBe('25');
    expect(await screen.findByText('26-50 of 60')).toBeInTheDocument();
  });

  it('opens an item in the review dialog and reloads the queue after a change there', async () => {
    const api = mockReviewApi({
      listReviews: async query => reviewPage([designReview], query),
      getReview: async () => designReviewDetail,
      updateReview: async () => ({
        ...designReviewDetail,
        priority: 'critical',
        version: 4,
      }),
    });
    await renderQueue(api);

    await userEvent.click(
      await screen.findByRole('button', { name: designReview.title }),
    );
    const dialog = within(
      await screen.findByRole('dialog', { name: designReview.title }),
    );
    await userEvent.selectOptions(
      await dialog.findByRole('combobox', { name: 'Priority' }),
      'critical',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.listReviews).toHaveBeenCalledTimes(2));
    expect(api.updateReview).toHaveBeenCalledWith('review-1', {
      version: 3,
      priority: 'critical',
    });
  });
});
