import { expect, test } from '@playwright/test';
import {
  gotoSignedIn,
  openGovernanceTab,
  pushFacts,
  reloadUntil,
  setCouncilMembers,
  shots,
  utcDayFromToday,
  waitUntilCauseCleared,
} from './app';

/**
 * Issue 21, items 1 and 9 in the example app: an escalation resolves itself once its cause
 * clears, in plain words; people show by their display names; a waiver's expiry limit is said in
 * months, not as an ISO instant.
 */

// Catalog refreshes (council membership), trigger runs, and pages that load slowly on a busy
// machine: longer than most tests.
test.describe.configure({ timeout: 600_000 });

// Both walks need the guest on the council; the next spec starts from an empty one.
test.beforeEach(() => setCouncilMembers('[user:development/guest]'));
test.afterEach(() => setCouncilMembers('[]'));

test.describe('Escalations that resolve themselves', () => {
  test('a "Security review overdue" item closes as resolved once the review is recorded, in plain words', async ({
    page,
  }) => {
    // Every status, so the item stays listed once resolved.
    const queueUrl = '/architecture-council/reviews?status=';
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Security review overdue' })
      .filter({ hasText: 'checkout-web' });
    // checkout-web is critical (a review every 3 months) and its last one was 2026-03-01.
    await expect(async () => {
      await gotoSignedIn(page, queueUrl);
      await expect(row).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 150_000, intervals: [3_000] });
    await expect(row).toContainText(
      'Raised by the escalation trigger “Security review overdue”',
    );
    await expect(row).not.toContainText('security-review-overdue');

    // A council member takes it: the history names them by their display name.
    const dialog = page.getByRole('dialog');
    await expect(async () => {
      await gotoSignedIn(page, queueUrl);
      await row
        .getByRole('button', { name: 'Security review overdue' })
        .click();
      await expect(
        dialog.getByRole('button', { name: 'Assign to me' }),
      ).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 180_000, intervals: [3_000] });
    await dialog.getByRole('button', { name: 'Assign to me' }).click();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    const history = dialog.getByRole('list', { name: 'History' });
    await expect(history).toContainText('Guest changed');
    await expect(history).toContainText('Assignee: none → Guest');
    await expect(dialog).not.toContainText('user:development/guest');
    await page.keyboard.press('Escape');

    // The security team records the review, as CI would.
    const push = await pushFacts(page, {
      facts: [
        {
          entityRef: 'component:default/checkout-web',
          name: 'lastSecurityReview',
          value: utcDayFromToday(),
          source: 'e2e/security-team',
        },
      ],
    });
    expect(push.status()).toBe(201);

    // The next trigger run sees the cause gone and closes the item.
    await waitUntilCauseCleared(
      row,
      () => gotoSignedIn(page, queueUrl),
      240_000,
    );
    await page.screenshot({ path: `${shots}/h1-queue-resolved.png` });

    await row.getByRole('button', { name: 'Security review overdue' }).click();
    await expect(
      dialog.getByTestId('governance-review-cause-cleared-notice'),
    ).toContainText(
      'The “Security review overdue” trigger no longer sees what raised this item',
    );
    await expect(
      dialog.getByTestId('governance-review-cause-cleared-notice'),
    ).toContainText('Resolved: cause cleared on');
    await expect(history).toContainText(
      'The “Security review overdue” trigger no longer sees the cause',
    );
    await expect(history).toContainText(
      'Cause: holding → cleared, closed as resolved',
    );
    await expect(history).toContainText('Status: Open → Resolved');
    // Plain words only: no trigger ids, cause keys or raw user refs.
    await expect(dialog).not.toContainText(
      /trigger:|user:development|T\d\d:\d\d:\d\d/,
    );
    await dialog.evaluate(element => element.scrollIntoView());
    await page.screenshot({
      path: `${shots}/h1-dialog-resolved.png`,
      fullPage: true,
    });
  });
});

test.describe('People by name, and a waiver expiry in plain words', () => {
  test('the waiver form says "at most 12 months from today", and the waiver names who granted it', async ({
    page,
  }) => {
    // recommendations fails its core availability target (99.5% against 99.9%); levels.spec.ts
    // reads its next level step, with or without this waiver.
    await openGovernanceTab(page, 'recommendations');
    const availability = page.getByTestId('governance-check-availability');
    const waive = availability.getByRole('button', { name: /^Waive/ });
    await reloadUntil(page, () =>
      expect(waive).toBeVisible({ timeout: 5_000 }),
    );
    await waive.click();

    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Reason')
      .fill('Moving to the new cluster next quarter');
    const expires = dialog.getByLabel(/^Expires on/);
    await expires.fill(utcDayFromToday({ months: 13 }));
    await dialog.getByRole('button', { name: 'Grant waiver' }).click();
    const latest = utcDayFromToday({ months: 12 });
    await expect(dialog).toContainText(
      `A waiver lasts at most 12 months from today: choose ${latest} or earlier.`,
    );
    await expect(dialog).not.toContainText(/T\d\d:\d\d|days ahead/);
    await page.screenshot({ path: `${shots}/h1-waiver-expiry.png` });

    await expires.fill(utcDayFromToday({ months: 2 }));
    await dialog.getByRole('button', { name: 'Grant waiver' }).click();
    await expect(dialog).toBeHidden();
    const note = availability.getByTestId('governance-waiver');
    await expect(note).toContainText('by Guest: Moving to the new cluster');
    await expect(note).not.toContainText('user:development/guest');
    await availability.screenshot({ path: `${shots}/h1-waiver-by-name.png` });
  });
});
