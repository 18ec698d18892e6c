import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** Enters text the way a user pastes it: typing it key by key is slow in jsdom. */
export async function enter(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

/** The options of the open listbox, as the user reads them, in order. */
export function optionLabels(): (string | null)[] {
  return within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .map(option => option.textContent);
}
