import { screen } from '@testing-library/react';

/** Expects a list's empty state: the message saying why nothing is listed, and no table. */
export async function expectEmptyState(message: string | RegExp) {
  expect(await screen.findByText(message)).toBeInTheDocument();
  expect(screen.queryByRole('table')).toBeNull();
}

/** The text of each cell of the table row with this test id, in the order of the headers. */
export function rowCellTexts(rowTestId: string): string[] {
  return Array.from(screen.getByTestId(rowTestId).children).map(
    cell => cell.textContent ?? '',
  );
}
