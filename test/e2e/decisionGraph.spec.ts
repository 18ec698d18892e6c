import { expect, test } from '@playwright/test';
import { openEntity, shots, signInAs } from './app';

/** The decision graph of issue 17 in the example app: chains and the attention filters. */

// Signs in, waits for the catalog and for the ADRs to be read.
test.describe.configure({ timeout: 240_000 });

test('the council sees who superseded whom in the ADR index and finds the stale decisions', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await signInAs(page, 'council member');
  // Viewing the entity reads its ADRs (examples/governance/adrs/checkout-web) the first time.
  await openEntity(page, 'checkout-web');
  await page.getByRole('link', { name: 'Governance', exact: true }).click();
  await expect(page.getByTestId('governance-adr-4')).toBeVisible({
    timeout: 60_000,
  });

  await page.getByRole('link', { name: 'Architecture Council' }).click();
  await page.getByRole('tab', { name: 'ADRs' }).click();
  const index = page.getByTestId('governance-adr-index');
  const rowOf = (title: string) =>
    index.getByRole('row').filter({
      has: page.getByRole('button', { name: title, exact: true }),
    });

  // ADR 3 says it was superseded by ADR 4; ADR 4 shows the same link from its side.
  const superseded = rowOf('Use a CSS-in-JS library');
  await expect(superseded).toContainText('superseded by');
  await expect(
    superseded.getByRole('button', { name: 'ADR 4: Use plain CSS modules' }),
  ).toBeVisible();
  await expect(rowOf('Use plain CSS modules')).toContainText(
    'supersedes ADR 3: Use a CSS-in-JS library',
  );
  await page.screenshot({ path: `${shots}/h5-adr-index-chain.png` });

  // The link opens the successor, whose dialog shows the chain back to ADR 3.
  await superseded
    .getByRole('button', { name: 'ADR 4: Use plain CSS modules' })
    .click();
  const chain = page
    .getByTestId('governance-adr-dialog')
    .getByTestId('governance-adr-chain');
  await expect(chain).toContainText('supersedes');
  await expect(
    chain.getByRole('button', { name: 'ADR 3: Use a CSS-in-JS library' }),
  ).toBeVisible();
  await page.screenshot({ path: `${shots}/h5-adr-dialog-chain.png` });
  await page.keyboard.press('Escape');

  // Accepted more than 12 months ago with no retrospective: ADR 1 (2025-03-04) is stale, ADR 2
  // (2026-06-10) is not yet.
  await page.getByRole('button', { name: /^Needs attention/ }).click();
  await page.getByRole('option', { name: 'stale, no retrospective' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/concern=stale/);
  await expect(rowOf('Record architecture decisions')).toBeVisible();
  await expect(rowOf('Render the checkout on the server')).toHaveCount(0);
  await expect(rowOf('Use a CSS-in-JS library')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/h5-adr-index-stale.png` });

  // Every superseded example names a successor that is stored.
  await page.getByRole('button', { name: /^Needs attention/ }).click();
  await page.getByRole('option', { name: 'stale, no retrospective' }).click();
  await page
    .getByRole('option', { name: 'superseded, no successor found' })
    .click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/concern=no-successor/);
  await expect(index.getByText('No ADR matches these filters.')).toBeVisible();
});
