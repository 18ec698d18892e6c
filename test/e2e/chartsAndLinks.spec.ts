import { expect, test } from '@playwright/test';
import path from 'node:path';
import {
  openAdr,
  openGovernanceTab,
  requestReview,
  setCouncilMembers,
  shots,
  signInAs,
  signInToGovernanceTab,
  utcDayFromToday,
  waitForTrendHistory,
} from './app';

/** Issue 21, items 2, 6 and 8: the assignee picker, trend charts with history, ADR links. */

test.describe.configure({ timeout: 240_000 });

test('the council assigns a review to a member picked by display name', async ({
  page,
}) => {
  test.setTimeout(360_000);
  const title = `Move sessions to a store (${Date.now()})`;
  setCouncilMembers('[user:development/guest, user:default/priya.nair]');
  try {
    await signInToGovernanceTab(page, 'checkout-web');
    await requestReview(page, title, 'Sessions outgrow the web tier.');

    // The catalog makes the guest a council member within a refresh or two; the first test
    // of a run also waits for the app to warm up.
    const item = page.getByRole('dialog');
    await expect(async () => {
      await page.reload();
      await page.getByRole('button', { name: title }).click();
      await expect(item.getByLabel('Assignee')).toBeEnabled({
        timeout: 5_000,
      });
      await expect(
        item.getByRole('button', { name: 'Assign to me' }),
      ).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 180_000, intervals: [3_000] });

    const assignee = item.getByLabel('Assignee');
    await assignee.click();
    await assignee.fill('priya');
    const option = page.getByRole('option', { name: /Priya Nair/ });
    await expect(option).toBeVisible();
    await assignee.fill('');
    await expect(page.getByText('Council members')).toBeVisible();
    await expect(page.getByRole('option', { name: /^Guest/ })).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'h3-assignee-picker.png') });
    await assignee.fill('priya');
    await option.click();
    await expect(assignee).toHaveValue('Priya Nair');
    await item.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(
      item.getByRole('button', { name: 'Save', exact: true }),
    ).toBeDisabled();
    // Stored as the user's entity ref: the facts link to her catalog page.
    await expect(
      item
        .getByTestId('governance-review-facts')
        .locator('a[href$="/catalog/default/user/priya.nair"]'),
    ).toBeVisible();
    await page.screenshot({
      path: path.join(shots, 'h3-assignee-saved.png'),
      fullPage: true,
    });
  } finally {
    setCouncilMembers('[]');
  }
});

test('trend charts on a fresh install say when history starts, with axes and tooltips', async ({
  page,
}) => {
  await signInAs(page, 'engineer');
  // checkout-web comes with twelve weeks of example history; payments-api starts today.
  await openGovernanceTab(page, 'payments-api', 'engineer');
  const trend = await waitForTrendHistory(page);
  const chart = trend.getByRole('img');
  await expect(chart).toContainText('100%');
  await expect(chart).toContainText('0%');
  await expect(
    trend.getByTestId('governance-scorecard-trend-dates'),
  ).toHaveText(/\d{1,2} [A-Z][a-z]{2}/);
  const today = utcDayFromToday();
  await trend.getByTestId('governance-scorecard-trend-point').last().hover();
  await expect(page.getByRole('tooltip')).toContainText(
    new RegExp(`${today}: \\d+ of \\d+ checks passing`),
  );
  await trend.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'h3-scorecard-trend.png') });

  await page.goto('/architecture-council');
  await page.getByRole('tab', { name: 'Compliance' }).click();
  const compliance = page.getByTestId('compliance-trend');
  await expect(compliance).toContainText(/history since \d{4}-\d{2}-\d{2}/);
  await expect(compliance.getByTestId('compliance-trend-dates')).toBeVisible();
  await compliance.getByTestId('compliance-trend-point').last().hover();
  await expect(page.getByRole('tooltip')).toContainText(today);
  await compliance.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'h3-compliance-trend.png') });
});

test('a relative link between example ADRs opens the linked ADR in the dialog', async ({
  page,
}) => {
  await signInToGovernanceTab(page, 'payments-api', 'engineer');
  await openAdr(page, 2, 'Partition the ledger by month');
  const dialog = page.getByTestId('governance-adr-dialog');
  const body = dialog.getByTestId('governance-adr-body');
  // ./0001-use-postgresql-for-the-ledger.md, read from disk: opens in place, never file:.
  const link = body.getByRole('link', { name: 'ADR-0001' });
  await expect(link).toHaveAttribute('href', /\?adr=/);
  // A link to a file that is not an ADR has no web address here: plain text.
  await expect(body).toContainText('catalog entry');
  await expect(body.getByRole('link', { name: /catalog entry/ })).toHaveCount(
    0,
  );
  await expect(body.locator('a[href^="file:"]')).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'h3-adr-link.png') });

  await link.click();
  await expect(
    dialog.getByRole('heading', {
      name: 'ADR 1: Use PostgreSQL for the ledger',
    }),
  ).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'h3-adr-link-opened.png') });
  await dialog.getByRole('button', { name: 'Back' }).click();
  await expect(
    dialog.getByRole('heading', {
      name: 'ADR 2: Partition the ledger by month',
    }),
  ).toBeVisible();
});
