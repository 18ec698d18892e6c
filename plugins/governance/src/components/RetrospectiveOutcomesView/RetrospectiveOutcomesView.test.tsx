import {
  RETROSPECTIVE_OUTCOMES,
  RetrospectiveOutcome,
  RetrospectiveOutcomes,
} from '@catalog-governance/backstage-plugin-governance-common';
import { screen, within } from '@testing-library/react';
import { mockAdrApi } from '../../__testUtils__/mockGovernanceApi';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { renderInGovernanceApp } from '../../__testUtils__/renderInGovernanceApp';
import { GovernanceApi } from '../../api';
import { RetrospectiveOutcomesView } from './RetrospectiveOutcomesView';

function render(api: GovernanceApi) {
  return renderInGovernanceApp(<RetrospectiveOutcomesView />, { api });
}

/** An API that lists these retrospectives, with the counts one per outcome in their order. */
const listing = (
  counts: Record<RetrospectiveOutcome, number>,
  items: RetrospectiveOutcomes['items'] = [],
) =>
  mockAdrApi({
    listRetrospectives: async () => ({
      counts: RETROSPECTIVE_OUTCOMES.map(outcome => ({
        outcome,
        count: counts[outcome],
      })),
      items,
    }),
  });

describe('RetrospectiveOutcomesView', () => {
  it('counts the outcomes and lists each retrospective with its decision and lessons', async () => {
    await render(
      listing({ validated: 2, 'partly-validated': 1, reversed: 0 }, [
        {
          entityRef: 'component:default/checkout-web',
          adrTitle: 'Render the checkout on the server',
          adrNumber: 2,
          retrospective: {
            id: 'r1',
            adrId: 'adr-1',
            date: '2026-11-20',
            outcome: 'validated',
            notes: 'p99 halved',
            lessons: 'Measure first.',
            recordedBy: 'user:default/guest',
            recordedAt: '2026-11-20T10:00:00.000Z',
          },
        },
      ]),
    );
    expect(
      await screen.findByTestId('governance-retrospective-count-validated'),
    ).toHaveTextContent('Validated: 2');
    expect(
      screen.getByTestId('governance-retrospective-count-reversed'),
    ).toHaveTextContent('Reversed: 0');
    const row = within(
      screen.getByTestId('governance-retrospective-outcome-r1'),
    );
    expect(
      row.getByText('ADR 2: Render the checkout on the server'),
    ).toBeInTheDocument();
    expect(row.getByText('Measure first.')).toBeInTheDocument();
    expect(row.getByText('Validated')).toBeInTheDocument();
  });

  it('says when none was recorded yet', async () => {
    await render(listing({ validated: 0, 'partly-validated': 0, reversed: 0 }));
    expect(
      await screen.findByText(/No retrospective has been recorded yet/),
    ).toBeInTheDocument();
  });

  it('shows why the outcomes could not be loaded', async () => {
    await render(
      mockAdrApi({
        listRetrospectives: refusedWith(500, 'database down'),
      }),
    );
    expect(
      await screen.findByText(/Request failed with 500/),
    ).toBeInTheDocument();
  });
});
