import { expect, test } from '@playwright/test';
import {
  configureWalk,
  gotoSignedIn,
  openAdr,
  openGovernanceTab,
  shots,
} from './app';

/**
 * Issue 19, decision impact with delivery metrics, in the example app: checkout-web's ADR 0002
 * (accepted 2026-06-10) governs checkout-web and order-history, whose weekly delivery metrics the
 * example backend seeds around that date. The guest (a council member) sees the impact, records
 * a retrospective that starts from those numbers, and finds its outcome on the council's
 * Retrospectives tab.
 */

configureWalk({
  viewport: { width: 1280, height: 1000 },
  failureShot: 'impact-failure.png',
});

test('the guest sees an ADR’s impact on delivery metrics, records a validated retrospective and finds it on the council’s Retrospectives tab', async ({
  page,
}) => {
  await openGovernanceTab(page, 'checkout-web');
  await openAdr(page, 2, 'Render the checkout on the server');

  const metrics = page.getByTestId('governance-adr-delivery-metrics');
  await expect(metrics).toContainText(
    'component:default/checkout-web, component:default/order-history',
  );
  // p99 latency, both services: median of 8 weeks before 1,950 ms, after 910 ms.
  const p99 = metrics.getByTestId('governance-adr-metric-p99LatencyMs');
  await expect(p99.getByRole('row').nth(1)).toContainText('1,950 ms');
  await expect(p99.getByRole('row').nth(1)).toContainText('910 ms');
  await expect(p99).toContainText('better');
  await expect(
    p99.getByTestId('governance-adr-metric-chart-p99LatencyMs'),
  ).toBeVisible();
  // The two extra replicas the ADR expected: cost per request went up.
  await expect(
    metrics.getByTestId('governance-adr-metric-costPerThousandRequests'),
  ).toContainText('worse');
  if (process.env.GOVERNANCE_SHOTS) {
    await page
      .getByTestId('governance-adr-impact')
      .screenshot({ path: `${shots}/impact-adr-impact.png` });
  }

  await page.getByRole('button', { name: 'Record retrospective' }).click();
  const form = page.getByRole('form', { name: 'Record retrospective' });
  const notes = form.getByRole('textbox', { name: /^Notes/ });
  await expect(notes).toHaveValue(/p99 latency: 1,950 ms → 910 ms/);
  await form
    .getByRole('combobox', { name: /^Outcome/ })
    .selectOption('validated');
  const lesson = `Measure the cost of extra replicas up front (${Date.now()})`;
  await form.getByRole('textbox', { name: /^Lessons/ }).fill(lesson);
  if (process.env.GOVERNANCE_SHOTS) {
    await form.screenshot({ path: `${shots}/impact-retrospective-form.png` });
  }
  await form.getByRole('button', { name: 'Save retrospective' }).click();
  await expect(
    page.getByRole('list', { name: 'Recorded retrospectives' }),
  ).toContainText(lesson);

  await gotoSignedIn(page, '/architecture-council/retrospectives');
  const outcomes = page.getByTestId('governance-retrospective-outcomes');
  await expect(
    outcomes.getByTestId('governance-retrospective-count-validated'),
  ).toContainText(/Validated: [1-9]/);
  const row = outcomes.getByRole('row').filter({ hasText: lesson });
  await expect(row).toContainText('ADR 2: Render the checkout on the server');
  await expect(row).toContainText('Validated');
  if (process.env.GOVERNANCE_SHOTS) {
    await page.screenshot({
      path: `${shots}/impact-council-retrospectives.png`,
      fullPage: true,
    });
  }
});
