import { complianceCounts } from '@catalog-governance/backstage-plugin-governance-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paymentsEntities } from '../../__testUtils__/compliance';
import { daysAgo } from '../../__testUtils__/days';
import {
  entities,
  groupCells,
  groupRow,
  noResults,
  payments,
  paymentsComplianceApi,
  renderComplianceView,
  rollup,
} from '../../__testUtils__/complianceView';
import { mockComplianceApi } from '../../__testUtils__/mockGovernanceApi';
import {
  expectRefusalShown,
  refusedWith,
} from '../../__testUtils__/responseErrors';

describe('ComplianceView', () => {
  it('rolls the results up by owner, least passing first, under the totals', async () => {
    const api = mockComplianceApi({ getComplianceRollup: rollup });
    await renderComplianceView(api);

    const table = await screen.findByRole('table', {
      name: 'Compliance by owner',
    });
    expect(api.getComplianceRollup).toHaveBeenCalledWith('owner', {});
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(row => row.getAttribute('data-testid')),
    ).toEqual([
      'compliance-group-group:default/payments',
      'compliance-group-none',
      'compliance-group-group:default/platform',
    ]);
    // Owner, entities, pass, fail, warn, unknown, waived, passing, levels, below required,
    // dependency mismatches.
    expect(groupCells('group:default/payments')).toEqual([
      'payments',
      '3',
      '6',
      '4',
      '1',
      '2',
      '1',
      '43%',
      // A roll-up without levels (a backend from before them) shows none.
      '—',
      '0',
      '0',
    ]);
    expect(
      within(groupRow('group:default/payments')).getByRole('link', {
        name: 'payments',
      }),
    ).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(groupCells('none')).toEqual([
      'No owner',
      '1',
      '2',
      '1',
      '0',
      '1',
      '0',
      '50%',
      '—',
      '0',
      '0',
    ]);
    expect(groupCells('group:default/platform')[7]).toBe('100%');

    expect(screen.getByTestId('compliance-passing-share')).toHaveTextContent(
      '62%',
    );
    expect(screen.getByTestId('compliance-entities')).toHaveTextContent('6');
    const totals = {
      pass: '16',
      fail: '5',
      warn: '1',
      unknown: '3',
      waived: '1',
      total: '26',
    };
    for (const [state, count] of Object.entries(totals)) {
      expect(screen.getByTestId(`compliance-total-${state}`)).toHaveTextContent(
        new RegExp(`^${count}$`),
      );
    }
    // Nothing is narrowed yet, so there is no entity list.
    expect(screen.queryByRole('table', { name: 'Entities' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('shows how many dependencies of each group fall below their tier', async () => {
    const api = mockComplianceApi({
      getComplianceRollup: async (...args) => {
        const base = await rollup(...args);
        return {
          ...base,
          groups: base.groups.map(g =>
            g.key === payments ? { ...g, dependencyMismatches: 2 } : g,
          ),
        };
      },
    });
    await renderComplianceView(api);
    await screen.findByRole('table', { name: 'Compliance by owner' });
    expect(
      within(groupRow(payments)).getByTestId(
        'compliance-group-dependency-mismatches',
      ),
    ).toHaveTextContent(/^2$/);
    expect(
      within(groupRow('group:default/platform')).getByTestId(
        'compliance-group-dependency-mismatches',
      ),
    ).toHaveTextContent(/^0$/);
  });

  it('narrows to a group when its row is clicked, rolls it up by system and lists its entities', async () => {
    const api = paymentsComplianceApi();
    await renderComplianceView(api);

    await screen.findByRole('table', { name: 'Compliance by owner' });
    expect(api.getComplianceEntities).not.toHaveBeenCalled();
    await userEvent.click(groupRow('group:default/payments'));

    expect(
      await screen.findByRole('table', { name: 'Compliance by system' }),
    ).toBeInTheDocument();
    expect(api.getComplianceRollup).toHaveBeenLastCalledWith('system', {
      owner: payments,
    });
    expect(screen.getByTestId('compliance-filter-owner')).toHaveTextContent(
      'Owner: payments',
    );
    expect(groupCells('none')[0]).toBe('No system');
    expect(groupCells('system:default/checkout')[0]).toBe('checkout');
    expect(screen.getByTestId('compliance-passing-share')).toHaveTextContent(
      '43%',
    );

    const list = await screen.findByRole('table', { name: 'Entities' });
    expect(api.getComplianceEntities).toHaveBeenCalledWith(
      { owner: payments },
      { offset: 0, limit: 25 },
    );
    const row = within(
      screen.getByTestId('compliance-entity-component:default/payments-api'),
    );
    expect(row.getByRole('link', { name: 'payments-api' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api',
    );
    expect(row.getByTestId('governance-tier')).toHaveTextContent('critical');
    expect(row.getByTestId('compliance-entity-count-fail')).toHaveTextContent(
      '2 failing',
    );
    expect(row.getByText('p95-latency')).toBeInTheDocument();
    expect(row.getByText('security-review')).toBeInTheDocument();
    expect(row.getByText('20%')).toBeInTheDocument();
    expect(within(list).getAllByRole('row')).toHaveLength(
      1 + paymentsEntities.length,
    );
    expect(api.getComplianceTrend).toHaveBeenLastCalledWith(
      { owner: payments },
      90,
    );
  });

  it('narrows further to the entities without a system from a linked view', async () => {
    const api = paymentsComplianceApi();
    await renderComplianceView(
      api,
      '/architecture-council?groupBy=system&owner=group%3Adefault%2Fpayments',
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Narrow to No system' }),
    );

    await waitFor(() =>
      expect(api.getComplianceRollup).toHaveBeenLastCalledWith('domain', {
        owner: payments,
        system: '',
      }),
    );
    expect(api.getComplianceEntities).toHaveBeenLastCalledWith(
      { owner: payments, system: '' },
      { offset: 0, limit: 25 },
    );
    expect(
      await screen.findByTestId('compliance-filter-system'),
    ).toHaveTextContent('System: No system');
  });

  it('widens the view again when a filter is removed or all are cleared', async () => {
    const api = paymentsComplianceApi();
    await renderComplianceView(
      api,
      '/architecture-council?groupBy=domain&owner=group%3Adefault%2Fpayments&system=',
    );

    await userEvent.click(
      await screen.findByRole('img', { name: 'Remove the owner filter' }),
    );
    await waitFor(() =>
      expect(api.getComplianceRollup).toHaveBeenLastCalledWith('domain', {
        system: '',
      }),
    );
    expect(screen.queryByTestId('compliance-filter-owner')).toBeNull();
    expect(screen.getByTestId('compliance-filter-system')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() =>
      expect(api.getComplianceRollup).toHaveBeenLastCalledWith('domain', {}),
    );
    expect(screen.queryByTestId('compliance-filters')).toBeNull();
    expect(screen.queryByRole('table', { name: 'Entities' })).toBeNull();
  });

  it('rolls up by the dimension picked in Group by, showing tiers as their chips', async () => {
    const api = mockComplianceApi({
      getComplianceRollup: async (groupBy, filter = {}) =>
        groupBy === 'tier'
          ? {
              groupBy,
              filter,
              groups: [
                {
                  key: 'critical',
                  entities: 2,
                  counts: complianceCounts({ pass: 3, fail: 3 }),
                },
              ],
              totals: {
                entities: 2,
                counts: complianceCounts({ pass: 3, fail: 3 }),
              },
            }
          : rollup(groupBy, filter),
    });
    await renderComplianceView(api);

    await screen.findByRole('table', { name: 'Compliance by owner' });
    await userEvent.click(screen.getByRole('button', { name: 'Tier' }));

    await screen.findByRole('table', { name: 'Compliance by tier' });
    expect(api.getComplianceRollup).toHaveBeenLastCalledWith('tier', {});
    expect(
      within(groupRow('critical')).getByTestId('governance-tier'),
    ).toHaveTextContent('critical');
    expect(screen.getByRole('button', { name: 'Tier' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('pages through the entities on the server', async () => {
    const api = mockComplianceApi({
      getComplianceRollup: rollup,
      getComplianceEntities: async (
        filter = {},
        page = { offset: 0, limit: 25 },
      ) => ({
        ...(await entities(filter, page)),
        totalItems: 60,
      }),
    });
    await renderComplianceView(
      api,
      '/architecture-council?owner=group%3Adefault%2Fpayments',
    );

    expect(await screen.findByText('1-25 of 60')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));

    expect(await screen.findByText('26-50 of 60')).toBeInTheDocument();
    expect(api.getComplianceEntities).toHaveBeenLastCalledWith(
      { owner: payments },
      { offset: 25, limit: 25 },
    );
  });

  it('draws the trend of the narrowed view over the picked range', async () => {
    const api = paymentsComplianceApi({
      getComplianceTrend: async (filter = {}) => ({
        filter,
        points: [
          { day: daysAgo(1), counts: complianceCounts({ pass: 4, fail: 6 }) },
          { day: daysAgo(0), counts: complianceCounts({ pass: 6, fail: 4 }) },
        ],
      }),
    });
    await renderComplianceView(
      api,
      '/architecture-council?owner=group%3Adefault%2Fpayments',
    );

    expect(
      await screen.findByRole('img', {
        name: `Share of passing checks, history since ${daysAgo(1)}: 60% today`,
      }),
    ).toBeInTheDocument();
    expect(api.getComplianceTrend).toHaveBeenCalledWith(
      { owner: payments },
      90,
    );

    await userEvent.click(screen.getByRole('button', { name: '30 days' }));
    expect(
      await screen.findByRole('img', {
        name: `Share of passing checks, history since ${daysAgo(1)}: 60% today`,
      }),
    ).toBeInTheDocument();
    expect(api.getComplianceTrend).toHaveBeenLastCalledWith(
      { owner: payments },
      30,
    );
    expect(screen.getAllByTestId('compliance-trend-line')).toHaveLength(1);
  });

  it('explains where results come from when nothing has been evaluated yet', async () => {
    const api = mockComplianceApi({
      getComplianceRollup: noResults,
    });
    await renderComplianceView(api);

    expect(
      await screen.findByText('No scorecard results yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/carry a governance\/tier annotation/),
    ).toHaveTextContent(/Results appear after the next evaluation/);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so when no entity matches the filter, keeping the way back', async () => {
    const api = mockComplianceApi({
      getComplianceRollup: noResults,
      getComplianceEntities: async (filter = {}) => ({
        filter,
        items: [],
        totalItems: 0,
        offset: 0,
        limit: 25,
      }),
    });
    await renderComplianceView(api, '/architecture-council?tier=gold');

    expect(
      await screen.findAllByText('No evaluated entity matches these filters.'),
    ).toHaveLength(2);
    expect(screen.queryByText('No scorecard results yet')).toBeNull();
    expect(screen.getByTestId('compliance-filter-tier')).toHaveTextContent(
      'Tier: gold',
    );
    expect(
      screen.getByRole('button', { name: 'Clear filters' }),
    ).toBeInTheDocument();
  });

  it('shows the backend error when the roll-up cannot be loaded', async () => {
    const api = mockComplianceApi({
      getComplianceRollup: refusedWith(
        500,
        'The results store is not reachable',
      ),
    });
    await renderComplianceView(api);

    await expectRefusalShown(
      'Error: Request failed with 500 Internal Server Error',
      'The results store is not reachable',
    );
  });
});
