import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

/** Waits until the open listbox lists exactly these options, in order: pickers load them. */
export async function expectOptionsListed(labels: string[]) {
  await waitFor(() => expect(optionLabels()).toEqual(labels));
}

/** Picks options of an MUI multi-select by its label, then closes its menu. */
export async function pickOptions(label: string, options: string[]) {
  fireEvent.mouseDown(
    screen.getByRole('button', { name: new RegExp(`^${label}`) }),
  );
  for (const option of options) {
    // A view may reload after each pick and re-render the menu: find it again every time.
    const listbox = within(await screen.findByRole('listbox'));
    await userEvent.click(await listbox.findByRole('option', { name: option }));
  }
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
}
