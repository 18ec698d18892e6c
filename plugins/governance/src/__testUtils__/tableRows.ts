import { screen } from '@testing-library/react';

/** The text of each cell of the table row with this test id, in the order of the headers. */
export function rowCellTexts(rowTestId: string): string[] {
  return Array.from(screen.getByTestId(rowTestId).children).map(
    cell => cell.textContent ?? '',
  );
}
