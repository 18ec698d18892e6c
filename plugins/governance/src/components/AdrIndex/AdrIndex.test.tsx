// Filter interactions type into debounced fields; give a loaded CI machine room.
jest.setTimeout(20_000);

import {
  AdrIndexPage,
  AdrIndexQuery,
  AdrSummary,
} from '@catalog-governance/backstage-plugin-governance-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paymentsAdrs } from '../../__testUtils__/adrs';
import { mockAdrApi } from '../../__testUtils__/mockGovernanceApi';
import { renderInGovernanceApp } from '../../__testUtils__/renderInGovernanceApp';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { ownerCatalogApi } from '../../__testUtils__/catalogOwners';
import { enter, pickOptions } from '../../__testUtils__/userInput';
import { GovernanceApi } from '../../api';
import { AdrIndex } from './AdrIndex';
import { RETROSPECTIVES_DUE } from './useAdrIndexState';

const searchAdr: AdrSummary = {
  id: 'adr-search-0007',
  entityRef: 'component:default/search-api',
  path: '0007-use-opensearch.md',
  url: 'https://github.com/acme/search-api/blob/main/docs/adr/0007-use-opensearch.md',
  number: 7,
  title: 'Use OpenSearch',
  status: 'accepted',
  date: '2025-05-02',
  deciders: ['li.wei'],
  format: 'madr',
  warnings: [],
  retrospective: { state: 'due', dueAt: '2025-08-02', overdueAt: '2025-11-02' },
  owner: 'group:default/search',
  system: 'system:default/discovery',
};

/** 60 ADRs across the catalog, answered a page at a time. */
const catalogAdrs: AdrSummary[] = Array.from({ length: 60 }, (_, i) =>
  i === 0
    ? searchAdr
    : {
        ...paymentsAdrs[i % paymentsAdrs.length],
        id: `adr-${i}`,
      },
);

async function indexPage(query: AdrIndexQuery = {}): Promise<AdrIndexPage> {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 25;
  return {
    items: catalogAdrs.slice(offset, offset + limit),
    totalItems: catalogAdrs.length,
    offset,
    limit,
  };
}

/** Like {@link indexPage} but with only a few rows, for tests about the query: rows are slow. */
async function fewRows(query: AdrIndexQuery = {}): Promise<AdrIndexPage> {
  const page = await indexPage(query);
  return { ...page, items: page.items.slice(0, 3) };
}

async function renderIndex(
  api: GovernanceApi,
  options: { url?: string; element?: JSX.Element } = {},
) {
  return renderInGovernanceApp(options.element ?? <AdrIndex />, {
    api,
    catalogApi: ownerCatalogApi(),
    routeEntries: [options.url ?? '/architecture-council/adrs'],
  });
}

function lastQuery(api: jest.Mocked<GovernanceApi>): AdrIndexQuery {
  return api.getAdrIndex.mock.calls[api.getAdrIndex.mock.calls.length - 1][0]!;
}

/** Types an owner's name into the owner picker and confirms it with Enter. */
async function pickOwner(text: string) {
  const owner = screen.getByRole('textbox', { name: 'Owner' });
  await userEvent.click(owner);
  // The catalog has answered once the picker lists its owners.
  await screen.findByText('group:team-payments');
  await userEvent.type(owner, `${text}{Enter}`);
}

describe('AdrIndex', () => {
  it('lists the ADRs of every entity, newest first, a page at a time', async () => {
    const api = mockAdrApi({ getAdrIndex: indexPage });
    await renderIndex(api);

    const index = within(await screen.findByTestId('governance-adr-index'));
    const table = await index.findByRole('table', {
      name: 'Architecture decisions',
    });
    expect(api.getAdrIndex).toHaveBeenCalledWith({
      sort: 'date',
      order: 'desc',
      offset: 0,
      limit: 25,
    });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 25);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Entity',
      'No.',
      'Title',
      'Status',
      'Date',
      'Chain',
      'Owner',
      'Retrospective',
    ]);
    expect(
      within(table).getByRole('columnheader', { name: /Date/ }),
    ).toHaveAttribute('aria-sort', 'descending');

    const row = within(
      screen.getByTestId('governance-adr-index-row-adr-search-0007'),
    );
    expect(row.getByRole('link', { name: /search-api/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/search-api',
    );
    expect(row.getByRole('link', { name: /^search$/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/search',
    );
    expect(row.getByText('7')).toBeInTheDocument();
    expect(
      row.getByRole('button', { name: 'Use OpenSearch' }),
    ).toBeInTheDocument();
    expect(row.getByTestId('governance-adr-status')).toHaveAttribute(
      'data-status',
      'accepted',
    );
    expect(row.getByText('2025-05-02')).toBeInTheDocument();
    expect(row.getByTestId('governance-adr-retrospective')).toHaveTextContent(
      'Retrospective due since 2025-08-02',
    );
    expect(screen.getByText('1-25 of 60')).toBeInTheDocument();
  });

  it('asks the backend for the next page and for larger pages', async () => {
    const api = mockAdrApi({ getAdrIndex: fewRows });
    await renderIndex(api, { url: '/architecture-council/adrs?limit=10' });

    await screen.findByText('1-10 of 60');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('11-20 of 60')).toBeInTheDocument();
    expect(lastQuery(api)).toMatchObject({ offset: 10, limit: 10 });

    fireEvent.mouseDown(screen.getByRole('button', { name: /Rows per page/ }));
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByRole('option', {
        name: '25',
      }),
    );
    expect(await screen.findByText('1-25 of 60')).toBeInTheDocument();
    expect(lastQuery(api)).toMatchObject({ offset: 0, limit: 25 });
  });

  it('sends the picked statuses, dates and retrospective states, starting again on the first page', async () => {
    const api = mockAdrApi({ getAdrIndex: fewRows });
    await renderIndex(api, {
      url: '/architecture-council/adrs?offset=20&limit=10',
    });

    await screen.findByText('21-30 of 60');
    await pickOptions('Status', ['accepted', 'proposed']);
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        status: ['accepted', 'proposed'],
        offset: 0,
      }),
    );
    fireEvent.change(screen.getByLabelText('Decided from'), {
      target: { value: '2025-01-01' },
    });
    fireEvent.change(screen.getByLabelText('Decided until'), {
      target: { value: '2025-12-31' },
    });
    await pickOptions('Retrospective', ['due', 'overdue']);

    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        status: ['accepted', 'proposed'],
        from: '2025-01-01',
        to: '2025-12-31',
        retrospective: ['due', 'overdue'],
        sort: 'date',
        order: 'desc',
        offset: 0,
        limit: 10,
      }),
    );
    expect(screen.getByRole('button', { name: /^Status/ })).toHaveTextContent(
      'accepted, proposed',
    );
  });

  it('sends the title search and system once typing pauses, the owner once picked, and clears them', async () => {
    const api = mockAdrApi({ getAdrIndex: fewRows });
    await renderIndex(api, { url: '/architecture-council/adrs?limit=10' });

    await screen.findByText('1-10 of 60');
    // People type an owner's name as they know it; the picker finds its entity ref.
    await pickOwner('Payments');
    await enter(
      screen.getByRole('textbox', { name: 'System' }),
      'system:default/checkout',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Title contains' }),
      'kafka',
    );

    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        owner: 'group:default/team-payments',
        system: 'system:default/checkout',
        q: 'kafka',
        sort: 'date',
        order: 'desc',
        offset: 0,
        limit: 10,
      }),
    );
    // The backend is not asked once per keystroke.
    expect(
      api.getAdrIndex.mock.calls.filter(([query]) => query?.q !== undefined),
    ).toHaveLength(1);

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        sort: 'date',
        order: 'desc',
        offset: 0,
        limit: 10,
      }),
    );
    expect(screen.getByRole('textbox', { name: 'Title contains' })).toHaveValue(
      '',
    );
    expect(screen.getByRole('textbox', { name: 'Owner' })).toHaveValue('');
  });

  it('reads the query from the URL, so a view of the index can be linked', async () => {
    const api = mockAdrApi({ getAdrIndex: indexPage });
    await renderIndex(api, {
      url: '/architecture-council/adrs?status=superseded&status=bogus&owner=group%3Adefault%2Fteam-payments&q=ledger&sort=title&order=asc&offset=50&limit=10',
    });

    await screen.findByTestId('governance-adr-index-row-adr-50');
    expect(api.getAdrIndex).toHaveBeenCalledTimes(1);
    expect(lastQuery(api)).toEqual({
      status: ['superseded'],
      owner: 'group:default/team-payments',
      q: 'ledger',
      sort: 'title',
      order: 'asc',
      offset: 50,
      limit: 10,
    });
    expect(screen.getByRole('textbox', { name: 'Title contains' })).toHaveValue(
      'ledger',
    );
    expect(screen.getByRole('button', { name: /^Status/ })).toHaveTextContent(
      'superseded',
    );
    // The owner shows by its display name once the catalog has answered.
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Owner' })).toHaveValue(
        'Payments',
      ),
    );
  });

  it('sorts on the server by the picked column, reversing on a second click', async () => {
    const api = mockAdrApi({ getAdrIndex: fewRows });
    await renderIndex(api, {
      url: '/architecture-council/adrs?offset=20&limit=10',
    });

    await screen.findByText('21-30 of 60');
    await userEvent.click(screen.getByRole('button', { name: 'Title' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        sort: 'title',
        order: 'asc',
        offset: 0,
      }),
    );
    expect(screen.getByRole('columnheader', { name: /Title/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Title' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ sort: 'title', order: 'desc' }),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Entity' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ sort: 'entity', order: 'asc' }),
    );
  });

  it("shows each decision's chain and filters to decisions that need attention", async () => {
    const superseded: AdrSummary = {
      ...searchAdr,
      id: 'adr-search-0003',
      number: 3,
      title: 'Use Solr',
      status: 'superseded',
      chain: [
        {
          relation: 'superseded-by',
          target: '0007-use-opensearch.md',
          adrId: 'adr-search-0007',
          entityRef: searchAdr.entityRef,
          number: 7,
          title: 'Use OpenSearch',
        },
        { relation: 'amended-by', target: '0009-drop-solr.md' },
      ],
    };
    const api = mockAdrApi({
      getAdrIndex: async query => ({
        ...(await fewRows(query)),
        items: [superseded],
        totalItems: 1,
      }),
    });
    await renderIndex(api);

    const row = within(
      await screen.findByTestId('governance-adr-index-row-adr-search-0003'),
    );
    expect(row.getByText('superseded by')).toBeInTheDocument();
    expect(
      row.getByRole('button', { name: 'ADR 7: Use OpenSearch' }),
    ).toBeInTheDocument();
    expect(row.getByText('0009-drop-solr.md')).toHaveTextContent(
      '0009-drop-solr.md (not found)',
    );
    await pickOptions('Needs attention', ['superseded, no successor found']);
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        concern: ['no-successor'],
        offset: 0,
      }),
    );
  });

  it('opens an ADR from its title', async () => {
    const api = mockAdrApi({
      getAdrIndex: indexPage,
      getAdr: async () => ({
        ...searchAdr,
        body: '## Context\n\nSearch needs facets.',
        links: [],
        retrospectives: [],
      }),
      getAdrImpact: async adrId => ({
        adrId,
        date: '2025-05-02',
        weeks: 4,
        windowDays: 30,
        entityRefs: [],
        metrics: [],
        checks: [],
      }),
    });
    await renderIndex(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Use OpenSearch' }),
    );
    const dialog = within(
      await screen.findByRole('dialog', { name: 'ADR 7: Use OpenSearch' }),
    );
    expect(api.getAdr).toHaveBeenCalledWith('adr-search-0007');
    expect(await dialog.findByText('Search needs facets.')).toBeInTheDocument();
  });

  it('tells an empty catalog from filters that match nothing', async () => {
    const api = mockAdrApi({
      getAdrIndex: async (query = {}) => ({
        items: [],
        totalItems: 0,
        offset: query.offset ?? 0,
        limit: query.limit ?? 25,
      }),
    });
    await renderIndex(api);

    expect(await screen.findByText('No ADRs yet')).toBeInTheDocument();

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Title contains' }),
      'nothing',
    );
    expect(
      await screen.findByText('No ADR matches these filters.'),
    ).toBeInTheDocument();
  });

  it('shows why the index could not be loaded', async () => {
    const api = mockAdrApi({
      getAdrIndex: refusedWith(400, 'limit must be at most 100'),
    });
    await renderIndex(api);

    expect(
      await screen.findByText('Error: Request failed with 400 Bad Request'),
    ).toBeInTheDocument();
  });

  describe('retrospectives due', () => {
    it('asks for the ADRs due or overdue for a retrospective, longest waiting first', async () => {
      const api = mockAdrApi({ getAdrIndex: indexPage });
      await renderIndex(api, {
        url: '/architecture-council/retrospectives?retrospective=recorded&status=rejected',
        element: (
          <AdrIndex preset={RETROSPECTIVES_DUE} title="Retrospectives due" />
        ),
      });

      await screen.findByRole('table', { name: 'Retrospectives due' });
      expect(lastQuery(api)).toEqual({
        retrospective: ['due', 'overdue'],
        sort: 'date',
        order: 'asc',
        offset: 0,
        limit: 25,
      });
      // The preset fixes the retrospective, so neither it nor the status is offered.
      expect(
        screen.queryByRole('button', { name: /^Retrospective/ }),
      ).toBeNull();
      expect(screen.queryByRole('button', { name: /^Status/ })).toBeNull();

      await pickOwner('team-search');
      await waitFor(() =>
        expect(lastQuery(api)).toMatchObject({
          owner: 'group:default/team-search',
          retrospective: ['due', 'overdue'],
        }),
      );
    });
  });
});
