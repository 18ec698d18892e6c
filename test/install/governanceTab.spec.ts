import { expect, test } from '@playwright/test';
import path from 'node:path';

const screenshots = path.resolve(
  __dirname,
  '../../test-results/install/screenshots',
);

test('a fresh create-app app with the packed suite shows the Governance tab of an annotated entity', async ({
  page,
}) => {
  await page.goto('/');
  // Guest sign-in, as docs/install.md's app has it: an ENTER button first.
  await page.getByRole('button', { name: /enter/i }).click();

  // The catalog reads examples/entities.yaml shortly after start-up; reload until it is in.
  await expect(async () => {
    await page.goto('/catalog/default/component/checkout-service');
    const enter = page.getByRole('button', { name: /^enter$/i });
    if (await enter.isVisible()) {
      await enter.click();
    }
    await expect(
      page.getByRole('heading', { name: 'checkout-service', exact: true }),
    ).toBeVisible({ timeout: 20_000 });
  }).toPass({ timeout: 150_000, intervals: [3_000] });

  await page.getByRole('link', { name: 'Governance', exact: true }).click();
  await expect(page).toHaveURL(/\/governance$/);

  await expect(page.getByTestId('governance-tier').first()).toContainText(
    'critical',
  );
  // The scorecard the critical tier demands, from the annotations install.md puts on the entity.
  const availability = page.getByTestId('governance-check-availability');
  await expect(availability).toContainText('>= 99.95%');
  await expect(availability).toContainText('99.97%');
  await expect(availability).toContainText('Pass');
  const latency = page.getByTestId('governance-check-p95-latency');
  await expect(latency).toContainText('< 200 ms');
  await expect(latency).toContainText('Pass');
  await expect(page.getByTestId('governance-check-coverage')).toContainText(
    '88',
  );

  await page.screenshot({
    path: path.join(screenshots, 'install-governance-tab.png'),
    fullPage: true,
  });
});
