import {
  EntityGovernanceSummary,
  GOVERNANCE_ANNOTATIONS,
} from '@catalog-governance/backstage-plugin-governance-common';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paymentsEntityAdrs } from '../../__testUtils__/adrs';
import { unannotatedEntity } from '../../__testUtils__/entities';
import { mockGovernanceApi } from '../../__testUtils__/mockGovernanceApi';
import { renderWithSummary } from '../../__testUtils__/renderForEntity';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { approvedEscalation, reviewPage } from '../../__testUtils__/reviews';
import {
  criticalSummary,
  invalidSummary,
  refreshedCriticalSummary,
  unannotatedSummary,
} from '../../__testUtils__/scorecards';
import { checkRow, expectCheckRow } from '../../__testUtils__/scorecardRows';
import { EntityGovernanceContent } from './EntityGovernanceContent';

describe('EntityGovernanceContent', () => {
  it('shows one scorecard row per check with state, target, actual and where the value came from', async () => {
    const api = mockGovernanceApi(async () => criticalSummary);
    await renderWithSummary(<EntityGovernanceContent />, api);

    const tier = await screen.findByTestId('governance-tier');
    expect(tier).toHaveTextContent('critical');
    expect(tier).toHaveTextContent('Critical path');
    expect(
      screen.getByText('In this tier since 2025-10-01'),
    ).toBeInTheDocument();
    expect(api.getEntitySummary).toHaveBeenCalledWith(
      'component:default/payments-api',
    );

    const table = screen.getByRole('table', { name: 'Scorecard' });
    expect(
      screen.getByText('Evaluated 2025-11-02 07:15 UTC'),
    ).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(
      1 + criticalSummary.scorecard!.results.length,
    );
    expectCheckRow('availability', {
      title: 'Availability',
      target: '>= 99.95%',
      actual: '99.99%',
      state: 'pass',
      label: 'Pass',
      source: 'measured by prometheus/slo-exporter',
      observed: '2025-11-02',
    });
    expectCheckRow('p95-latency', {
      title: 'p95 latency',
      target: '< 200 ms',
      actual: '350 ms',
      state: 'fail',
      label: 'Fail',
      source: 'declared in governance/p95-latency-slo',
      observed: '—',
    });
    // The key is code, and wraps only after its prefix.
    expect(
      checkRow('p95-latency').getByText(
        (_, element) =>
          element?.tagName === 'CODE' &&
          element.textContent === 'governance/p95-latency-slo',
      ),
    ).toBeInTheDocument();
    expectCheckRow('security-review', {
      title: 'Security review',
      target: 'penetration test every 3 months',
      actual: 'no value',
      state: 'unknown',
      label: 'Unknown',
      source: '—',
      observed: '—',
    });
    expect(
      checkRow('security-review').getByText(
        'No value for fact lastSecurityReview: declare it in an annotation or push it to the facts API',
      ),
    ).toBeInTheDocument();
    expectCheckRow('testing-load', {
      title: 'Load tests',
      target: 'load tests in place',
      actual: 'unit, integration',
      state: 'waived',
      label: 'Waived',
      source: 'declared in governance/testing',
      observed: '—',
    });
    expect(
      checkRow('testing-load').getByText(/^Waived by the architecture council/),
    ).toBeInTheDocument();
  });

  it('marks a stale measurement', async () => {
    await renderWithSummary(<EntityGovernanceContent />, criticalSummary);

    await screen.findByRole('table', { name: 'Scorecard' });
    expectCheckRow('coverage', {
      title: 'Test coverage',
      target: '>= 85%',
      actual: '88%',
      state: 'unknown',
      label: 'Unknown',
      source: 'measured by ci/github-actions',
      observed: '2025-08-14',
    });
    const coverage = checkRow('coverage');
    expect(coverage.getByText('stale')).toBeVisible();
    expect(
      coverage.getByText('The latest measurement is older than 30 days'),
    ).toBeInTheDocument();
    expect(checkRow('availability').queryByText('stale')).toBeNull();
  });

  it('refreshes the scorecard on demand', async () => {
    let finishRefresh: (summary: EntityGovernanceSummary) => void = () => {};
    const api = mockGovernanceApi(
      async () => criticalSummary,
      () =>
        new Promise(resolve => {
          finishRefresh = resolve;
        }),
    );
    await renderWithSummary(<EntityGovernanceContent />, api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh' }),
    );

    expect(api.refreshScorecard).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
    expect(screen.getByRole('button', { name: 'Refreshing…' })).toBeDisabled();
    // The old results stay readable while the backend re-evaluates.
    expect(
      checkRow('coverage').getByTestId('governance-check-state'),
    ).toHaveAttribute('data-state', 'unknown');

    await act(async () => finishRefresh(refreshedCriticalSummary));

    expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled();
    expect(
      screen.getByText('Evaluated 2025-11-03 09:30 UTC'),
    ).toBeInTheDocument();
    expectCheckRow('coverage', {
      title: 'Test coverage',
      target: '>= 85%',
      actual: '86%',
      state: 'warn',
      label: 'Warn',
      source: 'measured by ci/github-actions',
      observed: '2025-11-03',
    });
    expect(checkRow('coverage').queryByText('stale')).toBeNull();
    expect(api.getEntitySummary).toHaveBeenCalledTimes(1);
  });

  it('shows the trend above the checks and reloads it after a refresh', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const api = mockGovernanceApi(
      async () => criticalSummary,
      async () => refreshedCriticalSummary,
      async (entityRef, days = 90) => ({
        entityRef,
        days,
        points: [{ date: today, passing: 1, total: 5 }],
      }),
    );
    await renderWithSummary(<EntityGovernanceContent />, api);

    expect(
      await screen.findByText(
        `Passing checks, history since ${today}: 1 of 5 today`,
      ),
    ).toBeInTheDocument();
    expect(api.getScorecardTrend).toHaveBeenCalledWith(
      'component:default/payments-api',
      90,
    );
    const trend = screen.getByTestId('governance-scorecard-trend');
    expect(
      trend.compareDocumentPosition(
        screen.getByRole('table', { name: 'Scorecard' }),
      ) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();

    api.getScorecardTrend.mockImplementation(async (entityRef, days = 90) => ({
      entityRef,
      days,
      points: [{ date: today, passing: 2, total: 5 }],
    }));
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByText(
        `Passing checks, history since ${today}: 2 of 5 today`,
      ),
    ).toBeInTheDocument();
    expect(api.getScorecardTrend).toHaveBeenCalledTimes(2);
  });

  it('shows an error when refresh fails and keeps the last results', async () => {
    await renderWithSummary(
      <EntityGovernanceContent />,
      mockGovernanceApi(
        async () => criticalSummary,
        refusedWith(500, 'The facts store is not reachable'),
      ),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Refresh' }),
    );

    expect(
      await screen.findByTestId('governance-scorecard-refresh-error'),
    ).toHaveTextContent(
      'The scorecard could not be refreshed. Request failed with 500 Internal Server Error: The facts store is not reachable',
    );
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled();
    expect(
      screen.getByText('Evaluated 2025-11-02 07:15 UTC'),
    ).toBeInTheDocument();
    expect(
      checkRow('availability').getByTestId('governance-check-state'),
    ).toHaveAttribute('data-state', 'pass');
  });

  it('links the owner, tech lead and architect to the catalog and shows monitoring and runbook links', async () => {
    await renderWithSummary(<EntityGovernanceContent />, criticalSummary);

    const ownership = within(
      await screen.findByRole('table', { name: 'Ownership' }),
    );
    expect(ownership.getByRole('link', { name: 'payments' })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    expect(ownership.getByRole('link', { name: 'jane.doe' })).toHaveAttribute(
      'href',
      '/catalog/default/user/jane.doe',
    );
    expect(ownership.getByRole('link', { name: 'amir.khan' })).toHaveAttribute(
      'href',
      '/catalog/default/user/amir.khan',
    );
    expect(
      ownership.getByRole('link', {
        name: /grafana\.example\.com\/d\/payments-api/,
      }),
    ).toHaveAttribute('href', 'https://grafana.example.com/d/payments-api');
    const runbookRow = within(ownership.getByText('Runbook').closest('tr')!);
    expect(runbookRow.getByText('not set')).toBeInTheDocument();
  });

  it('shows decision scope lists', async () => {
    await renderWithSummary(<EntityGovernanceContent />, criticalSummary);

    expect(
      await screen.findByTestId('governance-decision-scope'),
    ).toHaveTextContent(
      'payments has 6 members: decides across related services (teams of 5 to 9 engineers).',
    );
    const teamDecides = within(
      screen.getByRole('list', { name: 'The team decides' }),
    );
    expect(teamDecides.getByText('API design')).toBeInTheDocument();
    expect(teamDecides.getByText('Service boundaries')).toBeInTheDocument();
    expect(teamDecides.queryByText('Cross-service contracts')).toBeNull();

    const council = within(
      screen.getByRole('list', { name: 'Needs the architecture council' }),
    );
    expect(council.getByText('Cross-service contracts')).toBeInTheDocument();
    expect(council.getByText('Platform selection')).toBeInTheDocument();
    expect(council.queryByText('API design')).toBeNull();
  });

  it('explains why the decision scope is unknown', async () => {
    await renderWithSummary(<EntityGovernanceContent />, invalidSummary);

    expect(
      await screen.findByTestId('governance-decision-scope'),
    ).toHaveTextContent(
      'The owner is not a Group, so there is no team size to scope decisions by.',
    );
    expect(screen.queryByRole('list', { name: 'The team decides' })).toBeNull();
  });

  it('shows invalid annotations as a warning', async () => {
    await renderWithSummary(<EntityGovernanceContent />, invalidSummary);

    const problems = within(await screen.findByTestId('governance-problems'));
    expect(
      problems.getByText('Invalid governance annotations'),
    ).toBeInTheDocument();
    expect(
      problems.getByText(/validation runs in warn mode/),
    ).toBeInTheDocument();
    for (const problem of invalidSummary.problems) {
      expect(problems.getByText(problem.message)).toBeInTheDocument();
    }
  });

  it('says no valid tier is declared and shows no scorecard, but still shows ownership', async () => {
    await renderWithSummary(<EntityGovernanceContent />, invalidSummary);

    expect(await screen.findByTestId('governance-no-tier')).toHaveTextContent(
      'No valid tier is declared',
    );
    expect(screen.queryByRole('table', { name: 'Scorecard' })).toBeNull();
    expect(screen.queryByTestId('governance-check-state')).toBeNull();
    expect(
      screen.getByText('Without a valid tier there are no checks to run.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
    expect(
      screen.getByRole('table', { name: 'Ownership' }),
    ).toBeInTheDocument();
  });

  it('shows an empty state with a YAML snippet for an entity without governance annotations', async () => {
    await renderWithSummary(
      <EntityGovernanceContent />,
      unannotatedSummary,
      unannotatedEntity,
    );

    expect(
      await screen.findByText('No governance annotations yet'),
    ).toBeInTheDocument();
    const example = within(
      screen.getByTestId('governance-annotations-example'),
    );
    const snippet = example.getByText(/annotations:/).closest('pre')!;
    expect(snippet).toHaveTextContent(/^metadata:\s+annotations:/);
    for (const key of Object.values(GOVERNANCE_ANNOTATIONS)) {
      expect(snippet).toHaveTextContent(`${key}:`);
    }
    expect(snippet).toHaveTextContent(
      'https://grafana.example.com/d/ledger-worker',
    );
    expect(
      example.getByRole('button', { name: 'Copy text' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Scorecard' })).toBeNull();
  });

  it('shows progress while the summary loads', async () => {
    await renderWithSummary(
      <EntityGovernanceContent />,
      mockGovernanceApi(() => new Promise(() => {})),
    );

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByTestId('governance-tier')).toBeNull();
  });

  it("lists the entity's architecture decisions below the scorecard", async () => {
    const api = mockGovernanceApi(
      async () => criticalSummary,
      undefined,
      undefined,
      {},
      {},
      { getEntityAdrs: async () => paymentsEntityAdrs },
    );
    await renderWithSummary(<EntityGovernanceContent />, api);

    const table = await screen.findByRole('table', {
      name: 'Architecture decisions',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(
      1 + paymentsEntityAdrs.items.length,
    );
    expect(api.getEntityAdrs).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
  });

  it("lists the council's reviews of the entity, with the decision's rationale, below its ADRs", async () => {
    const api = mockGovernanceApi(
      async () => criticalSummary,
      undefined,
      undefined,
      {},
      {},
      {},
      { listReviews: async query => reviewPage([approvedEscalation], query) },
    );
    await renderWithSummary(<EntityGovernanceContent />, api);

    const reviews = await screen.findByRole('table', { name: 'Reviews' });
    expect(
      within(reviews).getByTestId('governance-review-decision-line'),
    ).toHaveTextContent(
      'Approved: Accept the latency until the Q1 capacity project lands',
    );
    expect(api.listReviews).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
    });
    expect(
      screen.getByRole('button', { name: 'Request review' }),
    ).toBeInTheDocument();
  });

  it('shows an error panel when the summary cannot be loaded', async () => {
    await renderWithSummary(
      <EntityGovernanceContent />,
      mockGovernanceApi(
        refusedWith(
          404,
          'No entity component:default/payments-api in the catalog',
        ),
      ),
    );

    expect(
      await screen.findByText('Error: Request failed with 404 Not Found'),
    ).toBeInTheDocument();
    expect(screen.getByText('404: NotFoundError')).toBeInTheDocument();
    expect(screen.queryByTestId('governance-tier')).toBeNull();
  });
});
