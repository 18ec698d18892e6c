import { GOVERNANCE_ANNOTATIONS } from '@internal/backstage-plugin-governance-common';
import { screen, within } from '@testing-library/react';
import {
  annotatedEntity,
  criticalSummary,
  invalidSummary,
  mockGovernanceApi,
  renderForEntity,
  responseError,
  unannotatedEntity,
  unannotatedSummary,
} from '../../__testUtils__/fixtures';
import { EntityGovernanceContent } from './EntityGovernanceContent';

function expectRow(
  id: string,
  cells: {
    target: string;
    declared: string;
    status: string;
    annotation: string;
  },
) {
  const row = within(screen.getByTestId(`governance-target-${id}`));
  expect(row.getByText(cells.target)).toBeInTheDocument();
  expect(row.getByText(cells.declared)).toBeInTheDocument();
  expect(row.getByTestId('governance-target-status')).toHaveTextContent(
    cells.status,
  );
  expect(row.getByText(cells.annotation)).toBeInTheDocument();
}

describe('EntityGovernanceContent', () => {
  it('shows the tier and each target with met / not met / unknown', async () => {
    const api = mockGovernanceApi(async () => criticalSummary);
    await renderForEntity(<EntityGovernanceContent />, {
      entity: annotatedEntity,
      api,
    });

    const tier = await screen.findByTestId('governance-tier');
    expect(tier).toHaveTextContent('critical');
    expect(tier).toHaveTextContent('Critical path');
    expect(
      screen.getByText('In this tier since 2025-10-01'),
    ).toBeInTheDocument();
    expect(api.getEntitySummary).toHaveBeenCalledWith(
      'component:default/payments-api',
    );

    expect(
      screen.getByRole('table', { name: 'NFR targets' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Declared values only/)).toBeInTheDocument();
    expectRow('availability', {
      target: '>= 99.95%',
      declared: '99.99%',
      status: 'Met',
      annotation: 'governance/availability-slo',
    });
    expectRow('p95-latency', {
      target: '< 200 ms',
      declared: '350 ms',
      status: 'Not met',
      annotation: 'governance/p95-latency-slo',
    });
    expectRow('security-review', {
      target: 'penetration test every 3 months',
      declared: 'not declared',
      status: 'Unknown',
      annotation: 'governance/last-security-review',
    });
    expectRow('testing-kinds', {
      target: 'load tests',
      declared: 'unit, integration (missing load)',
      status: 'Not met',
      annotation: 'governance/testing',
    });
  });

  it('links the owner, tech lead and architect to the catalog and shows monitoring and runbook links', async () => {
    await renderForEntity(<EntityGovernanceContent />, {
      entity: annotatedEntity,
      api: mockGovernanceApi(async () => criticalSummary),
    });

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
    await renderForEntity(<EntityGovernanceContent />, {
      entity: annotatedEntity,
      api: mockGovernanceApi(async () => criticalSummary),
    });

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
    await renderForEntity(<EntityGovernanceContent />, {
      entity: annotatedEntity,
      api: mockGovernanceApi(async () => invalidSummary),
    });

    expect(
      await screen.findByTestId('governance-decision-scope'),
    ).toHaveTextContent(
      'The owner is not a Group, so there is no team size to scope decisions by.',
    );
    expect(screen.queryByRole('list', { name: 'The team decides' })).toBeNull();
  });

  it('shows invalid annotations as a warning', async () => {
    await renderForEntity(<EntityGovernanceContent />, {
      entity: annotatedEntity,
      api: mockGovernanceApi(async () => invalidSummary),
    });

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

  it('says no valid tier is declared and lists no targets, but still shows ownership', async () => {
    await renderForEntity(<EntityGovernanceContent />, {
      entity: annotatedEntity,
      api: mockGovernanceApi(async () => invalidSummary),
    });

    expect(await screen.findByTestId('governance-no-tier')).toHaveTextContent(
      'No valid tier is declared',
    );
    expect(screen.queryByRole('table', { name: 'NFR targets' })).toBeNull();
    expect(screen.queryByTestId('governance-target-status')).toBeNull();
    expect(
      screen.getByRole('table', { name: 'Ownership' }),
    ).toBeInTheDocument();
  });

  it('shows an empty state with a YAML snippet for an entity without governance annotations', async () => {
    await renderForEntity(<EntityGovernanceContent />, {
      entity: unannotatedEntity,
      api: mockGovernanceApi(async () => unannotatedSummary),
    });

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
    expect(screen.queryByRole('table', { name: 'NFR targets' })).toBeNull();
  });

  it('shows progress while the summary loads', async () => {
    await renderForEntity(<EntityGovernanceContent />, {
      entity: annotatedEntity,
      api: mockGovernanceApi(() => new Promise(() => {})),
    });

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByTestId('governance-tier')).toBeNull();
  });

  it('shows an error panel when the summary cannot be loaded', async () => {
    const error = await responseError(404, 'Not Found', {
      error: {
        name: 'NotFoundError',
        message: 'No entity component:default/payments-api in the catalog',
      },
      request: { method: 'GET', url: '/api/governance/summary' },
      response: { statusCode: 404 },
    });
    await renderForEntity(<EntityGovernanceContent />, {
      entity: annotatedEntity,
      api: mockGovernanceApi(async () => {
        throw error;
      }),
    });

    expect(
      await screen.findByText('Error: Request failed with 404 Not Found'),
    ).toBeInTheDocument();
    expect(screen.getByText('404: NotFoundError')).toBeInTheDocument();
    expect(screen.queryByTestId('governance-tier')).toBeNull();
  });
});
