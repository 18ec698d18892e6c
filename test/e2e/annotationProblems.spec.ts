import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { openEntity, shots, signInAs } from './app';

/** Issue 21, item 10: a platform team finds every invalid governance annotation in one place. */

test.describe.configure({ timeout: 300_000 });

const TAB = '/architecture-council/catalog-annotations';

/** A service the test ingests with valid annotations, then breaks, as a platform team would. */
const DRIFTING = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: annotation-drift-service
  annotations:
    governance/tier: supporting
spec:
  type: service
  lifecycle: production
  owner: team-search
`;

const row = (page: Page, entityRef: string, key: string) =>
  page.getByTestId(`annotation-problem-${entityRef}-${key}`);

/** Reloads the tab until the background scan has found the row. */
async function waitForRow(page: Page, entityRef: string, key: string) {
  await expect(async () => {
    await page.goto(TAB);
    await expect(row(page, entityRef, key)).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 150_000, intervals: [3_000] });
  return row(page, entityRef, key);
}

test('a platform team sees each invalid annotation, filters by owner and exports CSV', async ({
  page,
}) => {
  fs.mkdirSync(shots, { recursive: true });
  const file = path.join(
    process.env.GOVERNANCE_E2E_RUN_DIR!,
    'catalog/local/annotation-drift-service.yaml',
  );
  fs.writeFileSync(file, DRIFTING);
  await signInAs(page, 'council member');

  // Held back and never ingested: examples/governance/misannotated.yaml.
  const billing = await waitForRow(
    page,
    'component:default/billing-legacy',
    'governance/tier',
  );
  await expect(billing).toContainText('platinum');
  await expect(billing).toContainText(
    'one of the configured tiers: critical, core, supporting',
  );
  await expect(billing).toContainText('Held back');
  await expect(billing).toContainText('misannotated.yaml');
  await expect(
    row(page, 'component:default/notification-sender', 'governance/tech-lead'),
  ).toContainText('Tom Becker <tom@example.com>');
  await page.screenshot({
    path: path.join(shots, 'h4-catalog-annotations.png'),
    fullPage: true,
  });

  // Ingested, then given a malformed value: the catalog keeps the last good version and the
  // refused value is listed.
  await openEntity(page, 'annotation-drift-service');
  fs.writeFileSync(
    file,
    DRIFTING.replace(
      'governance/tier: supporting',
      "governance/tier: supporting\n    governance/test-coverage: 'most of it'",
    ),
  );
  const drift = await waitForRow(
    page,
    'component:default/annotation-drift-service',
    'governance/test-coverage',
  );
  await expect(drift).toContainText('most of it');
  await expect(drift).toContainText('a percentage from 0 to 100');
  await expect(drift).toContainText('Held back');

  // The owner as people type it.
  await page.getByRole('textbox', { name: 'Owner' }).fill('Payments');
  await page.getByRole('textbox', { name: 'Owner' }).press('Enter');
  await expect(
    row(page, 'component:default/notification-sender', 'governance/tech-lead'),
  ).toBeHidden();
  await expect(
    row(
      page,
      'component:default/annotation-drift-service',
      'governance/test-coverage',
    ),
  ).toBeHidden();
  await expect(
    row(
      page,
      'component:default/billing-legacy',
      'governance/availability-slo',
    ),
  ).toContainText('99.99.9');
  await page.screenshot({
    path: path.join(shots, 'h4-catalog-annotations-payments.png'),
    fullPage: true,
  });

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('annotation-problems.csv');
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe(
    'entity,title,owner,annotation,value,allowed,severity,source_location,recorded_at',
  );
  expect(
    lines.slice(1).every(line => line.includes('group:default/team-payments')),
  ).toBe(true);
  expect(csv).toContain(
    'component:default/billing-legacy,,group:default/team-payments,governance/tier,platinum,',
  );
  fs.rmSync(file);
});
