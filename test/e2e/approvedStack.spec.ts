import { expect, test } from '@playwright/test';
import {
  configureWalk,
  gotoSignedIn,
  openGovernanceTab,
  reloadUntil,
  reloadUntilCheckFails,
  shots,
} from './app';

/**
 * Issue 19, the approved stack, in the example app: the radar is examples/governance/radar.json,
 * read through the URL reader. metrics-gateway declares MongoDB, which the radar holds, so its
 * approved-stack check fails naming it; the council's Approved stack tab shows each technology
 * in its ring with how many entities use it.
 */

configureWalk({
  failureShot: 'stack-failure.png',
});

test('a service on a hold technology fails approved-stack; the council sees technologies by ring', async ({
  page,
}) => {
  // Signs in on the way, retrying while the app warms up.
  await openGovernanceTab(page, 'metrics-gateway', 'engineer');

  // The radar is read a few seconds after start-up; the summary evaluates on first read.
  const check = await reloadUntilCheckFails(page, 'approved-stack');
  await expect(check).toContainText('Technologies are on the approved stack');
  await expect(check).toContainText('mongodb (hold)');
  await expect(check).toContainText('On hold: mongodb');
  await check.scrollIntoViewIfNeeded();
  if (process.env.GOVERNANCE_SHOTS) {
    await page.screenshot({
      path: `${shots}/stack-metrics-gateway.png`,
      fullPage: true,
    });
  }

  await gotoSignedIn(page, '/architecture-council/stack', 'engineer');
  const list = page.getByTestId('governance-stack-technologies');
  const row = (technology: string) =>
    page.getByTestId(`governance-stack-technology-${technology}`);
  // The counts are stored by the scheduled evaluation, shortly after start-up.
  await reloadUntil(page, async () => {
    await expect(row('mongodb')).toContainText('hold', { timeout: 10_000 });
    await expect(row('couchdb')).toContainText('Not on the radar');
  });
  // The example app reads the radar from examples/governance/radar.json.
  await expect(list).toContainText(/Radar read .* from its file\./);
  await expect(row('mongodb').locator('> *').nth(3)).toHaveText('1');
  await expect(row('couchdb').locator('> *').nth(3)).toHaveText('1');
  await expect(row('kafka')).toContainText('adopt');
  await expect(row('kafka').locator('> *').nth(3)).toHaveText('2');
  await expect(row('cassandra')).toContainText('assess');
  if (process.env.GOVERNANCE_SHOTS) {
    await page.screenshot({
      path: `${shots}/stack-council-tab.png`,
      fullPage: true,
    });
  }
});
