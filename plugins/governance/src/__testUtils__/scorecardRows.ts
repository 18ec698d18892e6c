import { CheckState } from '@catalog-governance/backstage-plugin-governance-common';
import { screen, within } from '@testing-library/react';

/** The scorecard row of one check. */
export function checkRow(checkId: string) {
  return within(screen.getByTestId(`governance-check-${checkId}`));
}

/** Expects the row of the check to show these cells, one per column, in column order. */
export function expectCheckRow(
  checkId: string,
  cells: {
    title: string;
    target: string;
    actual: string;
    state: CheckState;
    label: string;
    source: string;
    observed: string;
  },
) {
  // One cell per column, in the order of the column headers.
  const [check, target, actual, state, source, observed] = Array.from(
    screen.getByTestId(`governance-check-${checkId}`).children,
  ) as HTMLElement[];
  expect(check).toHaveTextContent(cells.title);
  expect(target).toHaveTextContent(cells.target);
  expect(actual).toHaveTextContent(cells.actual);
  const marker = within(state).getByTestId('governance-check-state');
  expect(marker).toHaveAttribute('data-state', cells.state);
  expect(marker).toHaveTextContent(cells.label);
  expect(source).toHaveTextContent(cells.source);
  expect(observed).toHaveTextContent(cells.observed);
}
