import userEvent from '@testing-library/user-event';

/** Enters text the way a user pastes it: typing it key by key is slow in jsdom. */
export async function enter(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}
