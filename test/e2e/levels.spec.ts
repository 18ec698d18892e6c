import { expect, test } from '@playwright/test';
import {
  configureWalk,
  openGovernanceTab,
  reloadUntil,
  shots,
  signInToGovernanceTab,
} from './app';

/**
 * Issue 18, maturity levels, in the example app: deploy-pipeline is silver, which its core tier
 * requires, one check short of gold; recommendations is bronze, below core's silver. The council
 * sees how many entities are at each level.
 */

configureWalk({
  failureShot: 'levels-failure.png',
});

test('an owner sees the level and the next step; the council sees the levels across the catalog', async ({
  page,
}) => {
  await signInToGovernanceTab(page, 'deploy-pipeline', 'engineer');

  // The summary works the level out from the results, evaluating a new entity on first read.
  await expect(page.getByTestId('governance-level-current')).toContainText(
    'Silver',
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('governance-level-required')).toContainText(
    'The core tier requires Silver',
  );
  await expect(page.getByTestId('governance-level-next')).toHaveText(
    '1 check to Gold: p95 latency',
  );
  await expect(page.getByTestId('governance-level-below')).toHaveCount(0);
  await expect
    .soft(page.getByTestId('governance-level-history'))
    .toContainText('Silver', { timeout: 30_000 });
  await page.screenshot({ path: `${shots}/levels-tab.png` });

  await openGovernanceTab(page, 'recommendations', 'engineer');
  await expect(page.getByTestId('governance-level-below')).toContainText(
    'is at Bronze and must reach Silver',
    { timeout: 60_000 },
  );
  // escalationsResolve.spec.ts waives recommendations' failing availability; in a whole run it
  // comes first, and a waived check meets a level, so only the security review is left then.
  await expect(page.getByTestId('governance-level-next')).toHaveText(
    /^(2 checks to Silver: Availability, Security review|1 check to Silver: Security review)$/,
  );
  await page.screenshot({ path: `${shots}/levels-below-required.png` });

  // The catalog table's Level column, after the Tier column.
  await page.goto('/?filters[kind]=component&filters[user]=all');
  const table = page.getByRole('table').first();
  await expect(table.getByRole('columnheader').nth(2)).toHaveText(/level/i);
  const payments = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'payments-api' }) });
  await expect(payments.getByTestId('governance-level')).toHaveText('Gold', {
    timeout: 30_000,
  });
  await page.screenshot({ path: `${shots}/levels-catalog.png` });

  await page.goto('/architecture-council');
  await page.getByRole('tab', { name: 'Compliance' }).click();
  const levels = page.getByTestId('compliance-total-levels');
  // The roll-ups are stored by the scheduled evaluation, which runs shortly after start-up.
  await reloadUntil(page, () =>
    expect(levels).toContainText('Silver', { timeout: 10_000 }),
  );
  for (const level of ['Gold', 'Bronze', 'no level']) {
    await expect(levels).toContainText(level);
  }
  await expect(
    page.getByTestId('compliance-total-below-required'),
  ).not.toHaveText('0');
  await page.getByRole('button', { name: 'Tier', exact: true }).click();
  const core = page.getByTestId('compliance-group-core');
  await expect(core.getByTestId('compliance-group-levels')).toContainText(
    'Silver',
  );
  await expect(
    core.getByTestId('compliance-group-below-required'),
  ).not.toHaveText('0');
  await page.screenshot({ path: `${shots}/levels-compliance.png` });
  // Backstage follows the system's colour scheme until the user picks a theme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${shots}/levels-compliance-dark.png` });
});
