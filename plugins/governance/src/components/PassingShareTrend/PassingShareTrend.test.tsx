import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays, utcToday } from '../../lib/days';
import { PassingShareTrend } from './PassingShareTrend';

const daysAgo = (n: number) => addDays(utcToday(), -n);

async function renderTrend(
  points: Array<{ date: string; passing: number; total: number }>,
  days = 90,
) {
  await renderInTestApp(
    <PassingShareTrend days={days} points={points} data-testid="trend" />,
  );
  return screen.getByRole('img');
}

/** The dates the x axis names, left to right. */
function dates(): string[] {
  return within(screen.getByTestId('trend-dates'))
    .getAllByText(/\w/)
    .map(label => label.textContent ?? '');
}

/** `6 Dec` for a day `YYYY-MM-DD`, as the axis writes it. */
function axisDay(day: string): string {
  const [, month, date] = day.split('-').map(Number);
  const name = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ][month - 1];
  return `${date} ${name}`;
}

describe('PassingShareTrend', () => {
  it('starts where the history starts on a fresh install, and says since when', async () => {
    const chart = await renderTrend([
      { date: daysAgo(1), passing: 2, total: 4 },
      { date: daysAgo(0), passing: 3, total: 4 },
    ]);

    expect(chart).toHaveAccessibleName(
      `Share of passing checks, history since ${daysAgo(1)}: 75% today`,
    );
    expect(
      screen.getByText(
        `Passing checks, history since ${daysAgo(1)}: 3 of 4 today`,
      ),
    ).toBeInTheDocument();
    // Both days across the width, not two pixels at the end of 90 empty days.
    expect(dates()).toEqual([axisDay(daysAgo(1)), axisDay(daysAgo(0))]);
    expect(within(chart).getByText('0%')).toBeInTheDocument();
    expect(within(chart).getByText('50%')).toBeInTheDocument();
    expect(within(chart).getByText('100%')).toBeInTheDocument();
    expect(screen.getAllByTestId('trend-line')).toHaveLength(1);
  });

  it('draws a single day as a readable point with its date and value', async () => {
    const chart = await renderTrend([
      { date: daysAgo(0), passing: 1, total: 3 },
    ]);

    expect(chart).toHaveAccessibleName(
      `Share of passing checks, history since ${daysAgo(0)}: 33% today`,
    );
    expect(screen.getAllByTestId('trend-point')).toHaveLength(1);
    expect(screen.queryByTestId('trend-line')).toBeNull();
    expect(dates()).toEqual([axisDay(daysAgo(0))]);
    expect(within(chart).getByText('33%')).toBeInTheDocument();
  });

  it('tells the date and value of a point on hover', async () => {
    await renderTrend([
      { date: daysAgo(2), passing: 1, total: 5 },
      { date: daysAgo(1), passing: 3, total: 5 },
      { date: daysAgo(0), passing: 4, total: 5 },
    ]);

    await userEvent.hover(screen.getAllByTestId('trend-point')[1]);

    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      `${daysAgo(1)}: 3 of 5 checks passing (60%)`,
    );
  });

  it('spans the whole window once the history is longer, breaking the line on days without results', async () => {
    const chart = await renderTrend(
      [
        { date: daysAgo(40), passing: 1, total: 5 },
        { date: daysAgo(29), passing: 1, total: 5 },
        { date: daysAgo(28), passing: 2, total: 5 },
        // No results for a week.
        { date: daysAgo(20), passing: 3, total: 5 },
        { date: daysAgo(19), passing: 5, total: 5 },
      ],
      30,
    );

    expect(chart).toHaveAccessibleName(
      `Share of passing checks, last 30 days: 100% on ${daysAgo(19)}`,
    );
    // The point older than the window is left out.
    expect(screen.getAllByTestId('trend-point')).toHaveLength(4);
    expect(screen.getAllByTestId('trend-line')).toHaveLength(2);
    const axis = dates();
    expect(axis[0]).toBe(axisDay(daysAgo(29)));
    expect(axis[axis.length - 1]).toBe(axisDay(daysAgo(0)));
    expect(axis.length).toBeGreaterThan(2);
  });
});
