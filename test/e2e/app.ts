import { expect, Locator, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/** The example app's sign-in identities (packages/app/src/modules/signIn). */
export type ExampleIdentity = 'engineer' | 'council member';

/** Signs in from the sign-in page as one of the example identities. */
export async function signInAs(page: Page, identity: ExampleIdentity) {
  await page.goto('/');
  await page.getByRole('button', { name: `Enter as ${identity}` }).click();
  await expect(
    page.getByRole('heading', { name: /catalog/i }).first(),
  ).toBeVisible();
}

/**
 * Opens an entity's page. The catalog reads the example files shortly after start-up, so this
 * reloads until the entity is in.
 */
export async function openEntity(
  page: Page,
  name: string,
  identity: ExampleIdentity = 'council member',
) {
  await expect(async () => {
    await gotoSignedIn(page, `/catalog/default/component/${name}`, identity);
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible({
      timeout: 20_000,
    });
    // The heading shows on "Entity not found" too; the entity's tabs only once it is in. A page
    // that loads before the catalog has read a new file would otherwise never show them.
    await expect(
      page.getByRole('link', { name: 'Governance', exact: true }),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
}

/**
 * Puts the given users (a YAML list, e.g. `[user:development/guest]`) on the end-to-end run's
 * council group, as a platform team would in the catalog; the catalog reads it within seconds.
 */
export function setCouncilMembers(members: string) {
  fs.writeFileSync(
    path.join(process.env.GOVERNANCE_E2E_RUN_DIR!, 'catalog/council.yaml'),
    fs
      .readFileSync(path.join(__dirname, 'fixtures/council.yaml'), 'utf8')
      .replace('members: []', `members: ${members}`),
  );
}

/**
 * Opens a page of the app. On a busy machine a session's refresh can time out, which shows the
 * sign-in page (or its error) again; this signs in once more, as a user would. Call it inside
 * `expect(...).toPass()`, since the sign-in page may show only after the check.
 */
export async function gotoSignedIn(
  page: Page,
  url: string,
  identity: ExampleIdentity = 'council member',
) {
  await page.goto(url);
  const chooseAgain = page.getByRole('button', { name: 'Choose again' });
  const enter = page.getByRole('button', { name: `Enter as ${identity}` });
  // The app draws its first screen after the page's load event: wait for the sign-in page or the
  // signed-in app's sidebar links before looking, or a sign-in page drawn a moment later goes
  // unseen. (The sidebar's nav element itself has no size of its own; its links do.)
  const sidebarLink = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link')
    .first();
  await expect(chooseAgain.or(enter).or(sidebarLink).first()).toBeVisible();
  if (await chooseAgain.isVisible()) {
    await chooseAgain.click();
  }
  if (await enter.isVisible()) {
    await enter.click();
  }
}

/** Where the specs' own screenshots go (the run's test-results, kept by CI). */
export const screenshots = path.resolve(
  __dirname,
  '../../test-results/e2e/screenshots',
);

/** Takes a full-page screenshot named `name` into {@link screenshots}. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(screenshots, name), fullPage: true });
}

/** Opens an entity's page, then its Governance tab. */
export async function openGovernanceTab(
  page: Page,
  name: string,
  identity: ExampleIdentity = 'council member',
) {
  await openEntity(page, name, identity);
  await page.getByRole('link', { name: 'Governance', exact: true }).click();
}

/**
 * Runs `check` after each reload until it passes: what the backend works out in the
 * background (catalog refreshes, trigger runs, permissions) shows only after a while.
 */
export async function reloadUntil(
  page: Page,
  check: () => Promise<void>,
  timeout = 120_000,
) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [3_000] });
}

/**
 * Reloads the Governance tab until check `checkId` shows Fail, since what it reads (the radar,
 * catalog relations) arrives a few seconds after start-up; returns the check's row.
 */
export async function reloadUntilCheckFails(page: Page, checkId: string) {
  const check = page.getByTestId(`governance-check-${checkId}`);
  await reloadUntil(page, () =>
    expect(check).toContainText('Fail', { timeout: 5_000 }),
  );
  return check;
}

/** Reloads until the scorecard trend says since when it has history. */
export async function waitForTrendHistory(page: Page, timeout?: number) {
  const trend = page.getByTestId('governance-scorecard-trend');
  await reloadUntil(
    page,
    () =>
      expect(trend).toContainText(/history since \d{4}-\d{2}-\d{2}/, {
        timeout: 5_000,
      }),
    timeout,
  );
  return trend;
}

/** Requests a review from the Governance tab, as an owner does, and waits for the dialog to close. */
export async function requestReview(
  page: Page,
  title: string,
  description: string,
) {
  await page.getByRole('button', { name: 'Request review' }).click();
  const dialog = page.getByRole('dialog');
  await expect(
    dialog.getByRole('heading', { name: 'Request a review' }),
  ).toBeVisible();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Description').fill(description);
  await dialog.getByRole('button', { name: 'Request' }).click();
  await expect(dialog).toBeHidden();
}

/** Pushes facts to the facts API as CI does, with the local app's external-access token. */
export function pushFacts(page: Page, data: object) {
  return page.request.post('http://localhost:7007/api/governance/facts', {
    headers: { Authorization: 'Bearer local-dev-ci-token' },
    data,
  });
}

/** Where the specs' screenshots for a person to look at go (GOVERNANCE_E2E_SHOTS, else /tmp/shots). */
export const shots = process.env.GOVERNANCE_E2E_SHOTS ?? '/tmp/shots';

/**
 * The UTC day `days` days and `months` months from today, `YYYY-MM-DD`, as the date fields take
 * it and the app shows it.
 */
export function utcDayFromToday({ days = 0, months = 0 } = {}): string {
  const day = new Date();
  day.setUTCMonth(day.getUTCMonth() + months);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * Sets up a spec that walks one long flow in a browser of a given size: its timeout and, when a
 * test fails, a screenshot `failureShot` into {@link shots} of what the user saw at that moment.
 * Five minutes in a 1280x900 window unless the spec says otherwise: run alone, a walk also waits
 * for the app to warm up and the catalog to read its files.
 */
export function configureWalk(options: {
  timeout?: number;
  viewport?: { width: number; height: number };
  failureShot: string;
}) {
  test.describe.configure({ timeout: options.timeout ?? 300_000 });
  test.use({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  test.afterEach(async ({ page }, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) {
      await page.screenshot({ path: path.join(shots, options.failureShot) });
    }
  });
}

/** Signs in from the sign-in page, then opens an entity's Governance tab as that identity. */
export async function signInToGovernanceTab(
  page: Page,
  name: string,
  identity: ExampleIdentity = 'council member',
) {
  await signInAs(page, identity);
  await openGovernanceTab(page, name, identity);
}

/** Signs out from the settings page and waits for the sign-in page to ask again. */
export async function signOut(page: Page) {
  await page.goto('/settings');
  await page.getByRole('button', { name: 'more' }).click();
  await page.getByRole('menuitem', { name: /sign out/i }).click();
  await expect(
    page.getByRole('button', { name: 'Enter as council member' }),
  ).toBeVisible();
}

/** Opens ADR `number` of the Governance tab's list in its dialog by clicking its title. */
export async function openAdr(page: Page, number: number, title: string) {
  await page
    .getByTestId(`governance-adr-${number}`)
    .getByRole('button', { name: title })
    .click();
}

/**
 * On the Governance tab, checks that `checkId` fails, opens its waiver request and returns the
 * dialog. `checkTitle` is the check's title as the button and the dialog name it.
 */
export async function openWaiverRequest(
  page: Page,
  checkId: string,
  checkTitle: string,
) {
  const check = page.getByTestId(`governance-check-${checkId}`);
  await expect(check).toContainText('Fail');
  await check
    .getByRole('button', { name: `Request waiver for ${checkTitle}` })
    .click();
  return {
    check,
    dialog: page.getByRole('dialog', {
      name: `Request a waiver for ${checkTitle}`,
    }),
  };
}

/**
 * Reopens the review queue with `openQueue` until the trigger's next run has closed `row` as
 * resolved, then checks that the row says its cause cleared.
 */
export async function waitUntilCauseCleared(
  row: Locator,
  openQueue: () => Promise<void>,
  timeout: number,
) {
  await expect(async () => {
    await openQueue();
    await expect(row.getByTestId('governance-review-status')).toHaveText(
      'Resolved',
      { timeout: 5_000 },
    );
  }).toPass({ timeout, intervals: [3_000] });
  await expect(row.getByTestId('governance-review-cause-cleared')).toHaveText(
    'cause cleared',
  );
}
