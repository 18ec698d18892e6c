import { expect, Page } from '@playwright/test';

/** The example app's sign-in identities (packages/app/src/modules/signIn). */
export type ExampleIdentity = 'engineer' | 'council member';

/** Signs in from the sign-in page as one of the example identities. */
export async function signInAs(page: Page, identity: ExampleIdentity) {
  await page.goto('/');
  await page.getByRole('button', { name: `Enter as ${identity}` }).click();
  await expect(
    page.getByRole('heading', { name: /catalog/i }).first(),
  ).toBeVisible();
}

/**
 * Opens an entity's page. The catalog reads the example files shortly after start-up, so this
 * reloads until the entity is in.
 */
export async function openEntity(
  page: Page,
  name: string,
  identity: ExampleIdentity = 'council member',
) {
  await expect(async () => {
    await page.goto(`/catalog/default/component/${name}`);
    // On a busy machine a session's refresh can time out, which shows the sign-in page (or its
    // error) again; sign in once more, as a user would.
    const chooseAgain = page.getByRole('button', { name: 'Choose again' });
    if (await chooseAgain.isVisible()) {
      await chooseAgain.click();
    }
    const enter = page.getByRole('button', { name: `Enter as ${identity}` });
    if (await enter.isVisible()) {
      await enter.click();
    }
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible({
      timeout: 20_000,
    });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
}
