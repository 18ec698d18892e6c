import { expect, Page, test } from '@playwright/test';
import path from 'node:path';

const screenshots = path.resolve(
  __dirname,
  '../../test-results/e2e/screenshots',
);

// The guest: "Enter" on the guest sign-in page, "Enter as council member" on the example app's.
async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page
    .getByRole('button', { name: /^enter( as council member)?$/i })
    .click();
  await expect(
    page.getByRole('heading', { name: /catalog/i }).first(),
  ).toBeVisible();
}

test.describe('Recording a decision from the record-adr template', () => {
  test('writes the next ADR of an entity into its ADR folder and shows the file', async ({
    page,
  }) => {
    await signInAsGuest(page);

    // As a review item starts it: the entity and the title come prefilled from the URL.
    const formData = {
      entityRef: 'component:default/checkout-web',
      title: 'Use plain CSS modules',
    };
    // The catalog reads the template shortly after start-up; reload until it is in.
    await expect(async () => {
      await page.goto(
        `/create/templates/default/record-adr?formData=${encodeURIComponent(
          JSON.stringify(formData),
        )}`,
      );
      await expect(
        page.getByRole('heading', { name: 'Record an architecture decision' }),
      ).toBeVisible({ timeout: 15_000 });
    }).toPass({ timeout: 120_000, intervals: [3_000] });

    await expect(page.locator('#root_title')).toHaveValue(
      'Use plain CSS modules',
    );
    await page
      .locator('#root_context')
      .fill('The CSS-in-JS library costs 40 kB of script.');
    await page.getByRole('button', { name: 'Add Item' }).click();
    await page.locator('#root_options_0').fill('CSS modules');
    await page
      .locator('#root_decision')
      .fill('CSS modules, because they ship no runtime.');
    await page.getByRole('button', { name: /decision scope/i }).click();
    await page
      .getByRole('option', { name: 'Stack choices within the approved stack' })
      .click();
    await page.getByRole('button', { name: 'Next' }).click();

    // No repository for the example app's local entities: the file is shown when the run ends.
    await expect(page.getByText('Publish as')).toBeVisible();
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    // The action wrote checkout-web's first ADR into its governance/adr-location folder, with
    // team-payments' members as deciders.
    await expect(page).toHaveURL(/\/create\/tasks\//);
    const fileName = '0001-use-plain-css-modules.md';
    await expect(
      page.getByText(`Save this as adrs/checkout-web/${fileName}`),
    ).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('heading', { name: fileName })).toBeVisible();
    // The file as written; the task log names the deciders too.
    const file = page.getByTestId('text-output-box');
    await expect(file).toContainText('decision-scope: stack-choice');
    await expect(file).toContainText('- Jane Doe');

    await page.screenshot({
      path: path.join(screenshots, 'adr-template-done.png'),
      fullPage: true,
    });
  });
});
