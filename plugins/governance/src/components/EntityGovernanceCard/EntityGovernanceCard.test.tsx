import { EntityGovernanceSummary } from '@catalog-governance/backstage-plugin-governance-common';
import { screen, within } from '@testing-library/react';
import { unannotatedEntity } from '../../__testUtils__/entities';
import { mockGovernanceApi } from '../../__testUtils__/mockGovernanceApi';
import { renderWithSummary } from '../../__testUtils__/renderForEntity';
import { responseError } from '../../__testUtils__/responseErrors';
import {
  criticalSummary,
  invalidSummary,
  refreshedCriticalSummary,
  unannotatedSummary,
} from '../../__testUtils__/scorecards';
import { EntityGovernanceCard } from './EntityGovernanceCard';

describe('EntityGovernanceCard', () => {
  it('shows the tier, how many scorecard checks are in each state, and the owners', async () => {
    await renderWithSummary(<EntityGovernanceCard />, criticalSummary);

    expect(await screen.findByText('Governance')).toBeInTheDocument();
    const tier = screen.getByTestId('governance-tier');
    expect(tier).toHaveTextContent('critical');
    expect(tier).toHaveTextContent('Critical path');
    const scorecard = within(screen.getByText('Scorecard').parentElement!);
    expect(
      scorecard.getByTestId('governance-card-pass-count'),
    ).toHaveTextContent('1 passing');
    expect(
      scorecard.getByTestId('governance-card-fail-count'),
    ).toHaveTextContent('1 failing');
    expect(
      scorecard.getByTestId('governance-card-unknown-count'),
    ).toHaveTextContent('2 unknown');
    expect(
      scorecard.getByTestId('governance-card-waived-count'),
    ).toHaveTextContent('1 waived');
    expect(scorecard.getByTestId('governance-card-fail-count')).toHaveAttribute(
      'data-state',
      'fail',
    );
    const owner = within(screen.getByText('Owner').parentElement!);
    expect(owner.getByRole('link', { name: 'payments' })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments',
    );
    const techLead = within(screen.getByText('Tech lead').parentElement!);
    expect(techLead.getByRole('link', { name: 'jane.doe' })).toHaveAttribute(
      'href',
      '/catalog/default/user/jane.doe',
    );
  });

  it('leaves out states no check is in, but always counts passing and failing checks', async () => {
    const allPassing: EntityGovernanceSummary = {
      ...criticalSummary,
      scorecard: {
        ...criticalSummary.scorecard!,
        results: criticalSummary.scorecard!.results.map(result => ({
          ...result,
          state: 'pass',
        })),
      },
    };
    await renderWithSummary(<EntityGovernanceCard />, allPassing);

    expect(
      await screen.findByTestId('governance-card-pass-count'),
    ).toHaveTextContent('5 passing');
    expect(screen.getByTestId('governance-card-fail-count')).toHaveTextContent(
      '0 failing',
    );
    expect(screen.queryByTestId('governance-card-warn-count')).toBeNull();
    expect(screen.queryByTestId('governance-card-unknown-count')).toBeNull();
    expect(screen.queryByTestId('governance-card-waived-count')).toBeNull();
  });

  it('counts checks that pass only narrowly as warnings', async () => {
    await renderWithSummary(<EntityGovernanceCard />, refreshedCriticalSummary);

    expect(
      await screen.findByTestId('governance-card-warn-count'),
    ).toHaveTextContent('1 warning');
    expect(
      screen.getByTestId('governance-card-unknown-count'),
    ).toHaveTextContent('1 unknown');
  });

  it('sums up the decision scope in one line', async () => {
    await renderWithSummary(<EntityGovernanceCard />, criticalSummary);

    expect(
      await screen.findByTestId('governance-card-decision-scope'),
    ).toHaveTextContent(
      'payments (6 members) decides across related services (teams of 5 to 9 engineers); 5 kinds of decision need the architecture council.',
    );
  });

  it('flags invalid annotations and a missing tier', async () => {
    await renderWithSummary(<EntityGovernanceCard />, invalidSummary);

    expect(
      await screen.findByTestId('governance-card-problems'),
    ).toHaveTextContent('2 invalid governance annotations');
    expect(screen.getByText('No valid tier declared')).toBeInTheDocument();
    expect(
      screen.getByText('No checks without a valid tier'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('governance-card-pass-count')).toBeNull();
    expect(
      screen.getByTestId('governance-card-decision-scope'),
    ).toHaveTextContent('Unknown: The owner is not a Group');
  });

  it('shows a short hint for an entity without governance annotations', async () => {
    await renderWithSummary(
      <EntityGovernanceCard />,
      unannotatedSummary,
      unannotatedEntity,
    );

    const empty = await screen.findByTestId('governance-card-empty');
    expect(empty).toHaveTextContent('No governance annotations yet');
    expect(within(empty).getByText('governance/tier')).toBeInTheDocument();
    expect(screen.queryByTestId('governance-tier')).toBeNull();
  });

  it('shows progress while the summary loads', async () => {
    await renderWithSummary(
      <EntityGovernanceCard />,
      mockGovernanceApi(() => new Promise(() => {})),
    );

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error panel when the summary cannot be loaded', async () => {
    const error = await responseError(
      500,
      'Internal Server Error',
      'upstream connect error',
    );
    await renderWithSummary(
      <EntityGovernanceCard />,
      mockGovernanceApi(async () => {
        throw error;
      }),
    );

    expect(
      await screen.findByText(
        'Error: Request failed with 500 Internal Server Error',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('governance-tier')).toBeNull();
  });
});
