import { screen } from '@testing-library/react';
import { daysAgo } from '../../__testUtils__/days';
import { mockViewApi } from '../../__testUtils__/mockGovernanceApi';
import { renderInGovernanceApp } from '../../__testUtils__/renderInGovernanceApp';
import { refusedWith } from '../../__testUtils__/responseErrors';
import { GovernanceApi } from '../../api';
import { ScorecardTrend } from './ScorecardTrend';

const entityRef = 'component:default/payments-api';

const trendApi = (getScorecardTrend: GovernanceApi['getScorecardTrend']) =>
  mockViewApi({ getScorecardTrend });

async function renderTrend(api: GovernanceApi) {
  return renderInGovernanceApp(
    <ScorecardTrend
      entityRef={entityRef}
      evaluatedAt="2025-11-02T07:15:00.000Z"
    />,
    { api },
  );
}

describe('ScorecardTrend', () => {
  it('draws the share of passing checks over time', async () => {
    const api = trendApi(async () => ({
      entityRef,
      days: 90,
      points: [
        { date: daysAgo(4), passing: 1, total: 5 },
        // No results three days ago: the line breaks there.
        { date: daysAgo(2), passing: 1, total: 5 },
        { date: daysAgo(1), passing: 3, total: 5 },
        { date: daysAgo(0), passing: 2, total: 5 },
      ],
    }));
    await renderTrend(api);

    const chart = await screen.findByRole('img', {
      name: `Share of passing checks, history since ${daysAgo(4)}: 40% today`,
    });
    expect(api.getScorecardTrend).toHaveBeenCalledWith(entityRef, 90);
    expect(
      screen.getByText(
        `Passing checks, history since ${daysAgo(4)}: 2 of 5 today`,
      ),
    ).toBeInTheDocument();
    // A point per day with results; the missing day breaks the line, so the day before it
    // stands alone as a point and the line joins the last three days.
    expect(
      screen.getAllByTestId('governance-scorecard-trend-point'),
    ).toHaveLength(4);
    expect(
      screen.getAllByTestId('governance-scorecard-trend-line'),
    ).toHaveLength(1);
    expect(screen.getByTestId('governance-scorecard-trend')).toContainElement(
      chart,
    );
  });

  it('explains that the trend starts with the first evaluation when there is no history', async () => {
    await renderTrend(
      trendApi(async () => ({ entityRef, days: 90, points: [] })),
    );

    expect(
      await screen.findByText(
        'No history yet: the trend starts with the first evaluation.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('shows a compact message when the trend cannot be loaded', async () => {
    await renderTrend(
      trendApi(refusedWith(500, 'The history store is not reachable')),
    );

    expect(
      await screen.findByText(
        'Trend unavailable: The history store is not reachable',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('governance-scorecard-trend')).toHaveTextContent(
      'Trend unavailable: The history store is not reachable',
    );
    expect(screen.queryByRole('img')).toBeNull();
  });
});
