import { screen, within } from '@testing-library/react';
import { mockAdrApi } from '../../__testUtils__/mockGovernanceApi';
import { impactOf, renderAdrDialog } from '../../__testUtils__/adrDialog';
import { metric } from '../../__testUtils__/adrImpact';
import { paymentsAdr } from '../../__testUtils__/adrs';

describe('decision impact on delivery metrics', () => {
  it('shows each metric before and after, whether the change is better or worse, and a chart', async () => {
    const api = mockAdrApi({
      getAdr: async () => paymentsAdr(3),
      getAdrImpact: impactOf(
        [],
        [
          metric(
            'p99LatencyMs',
            'ms',
            'lower',
            [900, 1000, 950],
            [480, 470, 500],
            [950, 480],
            {
              absolute: -470,
              percent: -49.47,
              direction: 'better',
            },
          ),
          metric(
            'deploymentFrequencyPerWeek',
            'deploys/week',
            'higher',
            [10, 12, 11],
            [6, 5, 7],
            [11, 6],
            {
              absolute: -5,
              percent: -45.45,
              direction: 'worse',
            },
          ),
          metric(
            'errorRatePercent',
            '%',
            'lower',
            [0.5],
            [0.4, 0.3, 0.2],
            [undefined, 0.3],
          ),
          metric('costPerThousandRequests', 'USD', 'lower', [], [], []),
        ],
      ),
    });
    await renderAdrDialog(api);

    const latency = within(
      await screen.findByTestId('governance-adr-metric-p99LatencyMs'),
    );
    expect(latency.getByText('p99 latency')).toBeInTheDocument();
    const [, values] = latency.getAllByRole('row');
    expect(values).toHaveTextContent('950 ms480 ms▲ −470 ms (−49.5%), better');
    expect(
      latency.getByRole('img', {
        name: /p99 latency: 3 points before, 3 after/,
      }),
    ).toBeInTheDocument();

    const deploys = within(
      screen.getByTestId('governance-adr-metric-deploymentFrequencyPerWeek'),
    );
    expect(deploys.getAllByRole('row')[1]).toHaveTextContent(
      '11 deploys/week6 deploys/week▼ −5 deploys/week (−45.5%), worse',
    );

    const errors = within(
      screen.getByTestId('governance-adr-metric-errorRatePercent'),
    );
    expect(errors.getAllByRole('row')[1]).toHaveTextContent(
      'not enough data (1 of 3 points)0.3%not enough data: 3 points needed on each side',
    );
    expect(
      screen.getByText(/No data for Cost per 1,000 requests/),
    ).toBeInTheDocument();
  });
});
