import { expect, test } from '@playwright/test';
import path from 'node:path';
import {
  openGovernanceTab,
  pushFacts,
  reloadUntil,
  requestReview,
  screenshot,
  screenshots,
  setCouncilMembers,
  signInToGovernanceTab,
} from './app';

/** The review queue from both sides: an owner requests, the council decides, a trigger escalates. */
test.describe('Review queue', () => {
  test('a review requested by a non-member is assigned, discussed and approved by the council, and an escalation raises itself', async ({
    page,
  }) => {
    // Two catalog refreshes (council membership) and a trigger run: longer than most tests.
    test.setTimeout(300_000);
    // Unique per attempt, so a retry finds its own item.
    const title = `Split checkout sessions out of the web tier (${Date.now()})`;
    setCouncilMembers('[]');
    // The guest is the sign-in page's "council member", on the council once this test adds it.
    await signInToGovernanceTab(page, 'checkout-web');

    // As a non-member: request a design review.
    await requestReview(
      page,
      title,
      'Sessions grow with traffic; we want a separate store.',
    );
    const item = page.getByRole('dialog');
    // Not on the council: no triage or decision controls, once the page has asked the
    // permission framework (on a retry, the catalog may still list the guest for a moment).
    await expect(async () => {
      await page.reload();
      await page.getByRole('button', { name: title }).click();
      await expect(item.getByText(/Requested by/)).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expect(
        item.getByRole('button', { name: 'Record decision' }),
      ).toHaveCount(0);
      await expect(
        item.getByRole('button', { name: 'Assign to me' }),
      ).toHaveCount(0);
    }).toPass({ timeout: 60_000, intervals: [3_000] });
    await expect(item.getByRole('heading', { name: title })).toBeVisible();
    await screenshot(page, 'review-requested.png');
    await page.keyboard.press('Escape');

    // A platform team puts the guest on the council, in the catalog.
    setCouncilMembers('[user:development/guest]');

    // As a council member: find it in the queue, assign, comment and approve.
    await page.getByRole('link', { name: 'Architecture Council' }).click();
    await page.getByRole('tab', { name: 'Review queue' }).click();
    const council = page.getByRole('dialog');
    await expect(async () => {
      await page.reload();
      await page.getByRole('button', { name: title }).click();
      await expect(
        council.getByRole('button', { name: 'Assign to me' }),
      ).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000, intervals: [3_000] });

    await council.getByRole('button', { name: 'Assign to me' }).click();
    // The picker shows the assignee by display name.
    await expect(council.getByLabel('Assignee')).toHaveValue('Guest');
    await council.getByRole('button', { name: 'Save', exact: true }).click();
    // Saved: nothing left to save, and the history names the change.
    await expect(
      council.getByRole('button', { name: 'Save', exact: true }),
    ).toBeDisabled();

    await council
      .getByRole('textbox', { name: 'Comment' })
      .fill('Which store do you have in mind?');
    await council.getByRole('button', { name: 'Add comment' }).click();
    await expect(
      council.getByText('Which store do you have in mind?'),
    ).toBeVisible();

    await council
      .getByRole('combobox', { name: 'Decision', exact: true })
      .selectOption({ label: 'Approve' });
    await council
      .getByLabel('Rationale')
      .fill('A bounded store owned by the checkout team; no shared state.');
    await council
      .getByLabel('Decision ADR')
      .fill('https://example.com/checkout-web/adr/0004-session-store.md');
    await council.getByRole('button', { name: 'Record decision' }).click();
    await expect(council.getByText('Approved').first()).toBeVisible();
    await screenshot(page, 'review-decided.png');
    await page.keyboard.press('Escape');

    // The entity's tab shows the decision.
    await openGovernanceTab(page, 'checkout-web');
    const decided = page.getByRole('row').filter({ hasText: title });
    await expect(decided).toContainText('Approved');
    await expect(decided).toContainText(
      'A bounded store owned by the checkout team',
    );
    await screenshot(page, 'governance-reviews.png');

    // An escalation nobody asked for: monitoring reports a critical service below its SLO.
    const push = await pushFacts(page, {
      entityRef: 'component:default/auth-service',
      name: 'availability',
      value: 97.5,
      source: 'monitoring/prometheus',
    });
    expect(push.status()).toBe(201);
    await page.getByRole('link', { name: 'Architecture Council' }).click();
    await page.getByRole('tab', { name: 'Review queue' }).click();
    const escalation = page
      .getByRole('row')
      .filter({ hasText: 'Availability failing on a critical service' })
      .filter({ hasText: 'auth-service' });
    await reloadUntil(
      page,
      () => expect(escalation).toBeVisible({ timeout: 5_000 }),
      90_000,
    );
    await expect(escalation).toContainText(
      'Raised by the escalation trigger “Failing check”',
    );
    await screenshot(page, 'review-queue.png');

    // On a laptop screen the whole queue fits, Due and Updated included: no sideways scroll.
    await page.setViewportSize({ width: 1440, height: 900 });
    const queue = page.getByRole('table', { name: 'Review queue' });
    // The right edge of the last column lies within the window (the queue may be taller).
    for (const lastCell of [
      queue.getByRole('columnheader', { name: 'Updated' }),
      escalation.getByRole('cell').last(),
    ]) {
      const box = await lastCell.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
    }
    expect(
      await queue.evaluate(table => {
        const scroller = table.parentElement!;
        return scroller.scrollWidth - scroller.clientWidth;
      }),
    ).toBeLessThanOrEqual(0);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: path.join(screenshots, 'review-queue-1440x900.png'),
    });
  });
});
