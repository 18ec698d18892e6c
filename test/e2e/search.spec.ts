import { expect, test } from '@playwright/test';
import path from 'node:path';
import { signInAs } from './app';

const screenshots = path.resolve(
  __dirname,
  '../../test-results/e2e/screenshots',
);

test.describe('ADRs in Backstage search', () => {
  test('finds an ADR by a word of its body, shows its status and opens it in the Governance tab', async ({
    page,
  }) => {
    await signInAs(page, 'engineer');

    // The collator indexes what the governance plugin has read; the first runs may come before
    // the ADRs are read, so search again until the ADR is in.
    const result = page
      .getByTestId('governance-adr-search-result')
      .filter({ hasText: 'Use PostgreSQL for the ledger' });
    await expect(async () => {
      await page.goto('/search?query=serialisable');
      await expect(result).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 120_000, intervals: [5_000] });

    await expect(result).toContainText('accepted');
    await expect(result).toContainText('payments-api');
    await expect(result).toContainText('Decided 2025-01-15');

    // The result type narrows the page to ADRs
    await page.getByText('ADRs', { exact: true }).first().click();
    await expect(result).toBeVisible();

    await page.screenshot({
      path: path.join(screenshots, 'search-adr-result.png'),
      fullPage: true,
    });

    await result
      .getByRole('link', { name: /Use PostgreSQL for the ledger/ })
      .click();
    await expect(page).toHaveURL(/\/governance\?adr=/);
    await expect(
      page.getByRole('dialog', { name: /Use PostgreSQL for the ledger/ }),
    ).toBeVisible();
  });
});
