import { expect, test } from '@playwright/test';
import { reloadUntilCheckFails, signInToGovernanceTab } from './app';

/**
 * Issue 18, tier contracts across dependencies, in the example app: fraud-scoring (critical)
 * depends on feature-flags (supporting), so its scorecard fails dependencies-meet-tier and
 * names the dependency and its tier.
 */

// The first page of a run waits for the app's bundle; the steps themselves take seconds.
test.describe.configure({ timeout: 240_000 });

test('a critical service that depends on a supporting one fails the dependency check, naming it', async ({
  page,
}) => {
  await signInToGovernanceTab(page, 'fraud-scoring', 'engineer');

  // The catalog stitches relations shortly after reading the files; the check appears then.
  const check = await reloadUntilCheckFails(page, 'dependencies-meet-tier');
  await expect(check).toContainText('Dependencies meet the tier');
  await expect(check).toContainText(
    'component:default/feature-flags (supporting)',
  );
  await expect(check).toContainText('depends only on critical');
  await check.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: '/tmp/shots/deps-fraud-scoring-scorecard.png',
    fullPage: true,
  });
});
