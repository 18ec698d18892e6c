import { expect, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

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
    await gotoSignedIn(page, `/catalog/default/component/${name}`, identity);
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible({
      timeout: 20_000,
    });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
}

/**
 * Puts the given users (a YAML list, e.g. `[user:development/guest]`) on the end-to-end run's
 * council group, as a platform team would in the catalog; the catalog reads it within seconds.
 */
export function setCouncilMembers(members: string) {
  fs.writeFileSync(
    path.join(process.env.GOVERNANCE_E2E_RUN_DIR!, 'catalog/council.yaml'),
    fs
      .readFileSync(path.join(__dirname, 'fixtures/council.yaml'), 'utf8')
      .replace('members: []', `members: ${members}`),
  );
}

/**
 * Opens a page of the app. On a busy machine a session's refresh can time out, which shows the
 * sign-in page (or its error) again; this signs in once more, as a user would. Call it inside
 * `expect(...).toPass()`, since the sign-in page may show only after the check.
 */
export async function gotoSignedIn(
  page: Page,
  url: string,
  identity: ExampleIdentity = 'council member',
) {
  await page.goto(url);
  const chooseAgain = page.getByRole('button', { name: 'Choose again' });
  if (await chooseAgain.isVisible()) {
    await chooseAgain.click();
  }
  const enter = page.getByRole('button', { name: `Enter as ${identity}` });
  if (await enter.isVisible()) {
    await enter.click();
  }
}
