import { expect, Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  gotoSignedIn,
  openGovernanceTab,
  openWaiverRequest,
  requestReview,
  setCouncilMembers,
  shots,
  signInAs,
  utcDayFromToday,
  waitForTrendHistory,
  waitUntilCauseCleared,
} from './app';

/**
 * Issue 21, "Done when": the README's section "Walkthrough: as an engineer, as a platform team,
 * as the council", step by step, clicking the names the README gives. Each step is covered in
 * depth by another spec; here it is done once, briefly, as a newcomer would.
 */

// The council walk decides what the engineer's walk asked for.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const repoRoot = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const REVIEW = 'Move checkout sessions to a shared store';

/** Picks an option in one of the review queue's filters (Status, Kind, ...). */
async function pickFilter(page: Page, filter: string, option: string) {
  await page
    .getByTestId('governance-review-queue-filters')
    .getByRole('button', { name: new RegExp(`^${filter}`) })
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** Pushes facts as the README's curl example does; `data` replaces its body when given. */
function runReadmeCurl(data?: object): string {
  const command = readme.match(
    /curl -sS -X POST http:\/\/localhost:7007\/api\/governance\/facts[\s\S]*?\]\}'\n/,
  );
  expect(command, 'the curl example in README.md').not.toBeNull();
  const text = data
    ? command![0].replace(/-d '[\s\S]*'\n$/, `-d '${JSON.stringify(data)}'`)
    : command![0];
  return execFileSync('bash', ['-c', text], { encoding: 'utf8' });
}

test.beforeAll(() =>
  // The example app's council: the guest and Amir Karimi (examples/governance/org.yaml).
  setCouncilMembers('[user:development/guest, user:default/amir.karimi]'),
);
test.afterAll(() => setCouncilMembers('[]'));

test('as an engineer', async ({ page }) => {
  await signInAs(page, 'engineer');

  await test.step('1. In the catalog click payments-api, then its Governance tab', async () => {
    await expect(async () => {
      // The example app's home page is the catalog.
      await gotoSignedIn(page, '/', 'engineer');
      await page
        // The link's name carries the kind icon's text too, as in everyday-loop.spec.ts.
        .getByRole('link', { name: 'payments-api' })
        .first()
        .click({ timeout: 10_000 });
    }).toPass({ timeout: 120_000, intervals: [2_000] });
    await page.getByRole('link', { name: 'Governance', exact: true }).click();
  });

  await test.step('2. Read its tier and its scorecard; the trend says history since', async () => {
    await expect(page.getByTestId('governance-tier').first()).toContainText(
      'critical',
    );
    await expect(
      page.getByTestId('governance-check-availability'),
    ).toBeVisible();
    await waitForTrendHistory(page, 90_000);
  });

  await test.step('3. checkout-web: Load tests fails; Request waiver', async () => {
    await openGovernanceTab(page, 'checkout-web', 'engineer');
    const { check: load, dialog } = await openWaiverRequest(
      page,
      'testing-load',
      'Load tests',
    );
    await dialog
      .getByLabel(/^Reason/)
      .fill('Load tests arrive with the new checkout next quarter.');
    await dialog.getByRole('button', { name: 'Request waiver' }).click();
    await expect(dialog).toBeHidden();
    await expect(load.getByTestId('governance-waiver-requested')).toContainText(
      /Waiver requested as review #\d+/,
    );
  });

  await test.step('4. Request review: Title, Description, Request', async () => {
    await requestReview(page, REVIEW, 'Sessions outgrow the web tier.');
    await expect(page.getByText(REVIEW).first()).toBeVisible();
  });

  await test.step('5. payments-api: ADR Partition the ledger by month, link ADR-0001, Back', async () => {
    await openGovernanceTab(page, 'payments-api', 'engineer');
    await page
      .getByRole('button', { name: 'Partition the ledger by month' })
      .first()
      .click();
    const dialog = page.getByTestId('governance-adr-dialog');
    await dialog
      .getByTestId('governance-adr-body')
      .getByRole('link', { name: 'ADR-0001' })
      .click();
    await expect(
      dialog.getByRole('heading', {
        name: 'ADR 1: Use PostgreSQL for the ledger',
      }),
    ).toBeVisible();
    await page.screenshot({ path: `${shots}/h9-engineer.png` });
    await dialog.getByRole('button', { name: 'Back' }).click();
    await expect(
      dialog.getByRole('heading', {
        name: 'ADR 2: Partition the ledger by month',
      }),
    ).toBeVisible();
  });
});

test('as a platform team', async ({ page }) => {
  await signInAs(page, 'council member');

  await test.step('1. Run the curl example (no observedAt)', async () => {
    const answer = readme.match(/# => 201 (\{.*\})/)![1];
    expect(JSON.parse(runReadmeCurl())).toEqual(JSON.parse(answer));
  });

  await test.step('2. order-history: Test coverage 83.2%, p95 latency 180 ms', async () => {
    await openGovernanceTab(page, 'order-history', 'council member');
    const coverage = page.getByTestId('governance-check-coverage');
    await expect(coverage).toContainText('83.2%');
    await expect(coverage).toContainText('ci/github-actions');
    await expect(
      page.getByTestId('governance-check-p95-latency'),
    ).toContainText('180 ms');
  });

  await test.step('3. Architecture Council, Catalog annotations: billing-legacy held back', async () => {
    await page.getByRole('link', { name: 'Architecture Council' }).click();
    await page.getByRole('tab', { name: 'Catalog annotations' }).click();
    const billing = page.getByTestId(
      'annotation-problem-component:default/billing-legacy-governance/tier',
    );
    await expect(async () => {
      await page.reload();
      await expect(billing).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000, intervals: [3_000] });
    await expect(billing).toContainText('platinum');
    await expect(billing).toContainText('Held back');
  });

  await test.step('4. Copy local-example.yaml to catalog/local/my-service.yaml', async () => {
    fs.writeFileSync(
      path.join(
        process.env.GOVERNANCE_E2E_RUN_DIR!,
        'catalog/local/my-service.yaml',
      ),
      fs
        .readFileSync(
          path.join(repoRoot, 'catalog/local/local-example.yaml'),
          'utf8',
        )
        .replace('name: local-example', 'name: my-service'),
    );
    await openGovernanceTab(page, 'my-service', 'council member');
    await expect(page.getByTestId('governance-tier').first()).toContainText(
      'supporting',
    );
    await page.screenshot({ path: `${shots}/h9-platform.png` });
  });
});

test('as the council', async ({ page }) => {
  await signInAs(page, 'council member');
  const item = page.getByRole('dialog');

  await test.step('1. Architecture Council, Review queue, Kind Waiver request: the item Waive Load tests', async () => {
    await page.getByRole('link', { name: 'Architecture Council' }).click();
    await page.getByRole('tab', { name: 'Review queue' }).click();
    await pickFilter(page, 'Kind', 'Waiver request');
    // The catalog makes the guest a council member within a refresh or two.
    await expect(async () => {
      await page.reload();
      await page
        .getByRole('button', { name: 'Waive Load tests' })
        .first()
        .click({ timeout: 5_000 });
      await expect(
        item
          .getByRole('combobox', { name: 'Decision', exact: true })
          .getByRole('option', { name: 'Grant waiver' }),
      ).toBeAttached({ timeout: 5_000 });
    }).toPass({ timeout: 120_000, intervals: [3_000] });
  });

  await test.step('2. Decision: Grant waiver, Rationale, Grant waiver', async () => {
    await item
      .getByRole('combobox', { name: 'Decision', exact: true })
      .selectOption({ label: 'Grant waiver' });
    await item
      .getByLabel(/^Rationale/)
      .fill('Load tests come with the new checkout.');
    await item.getByRole('button', { name: 'Grant waiver' }).click();
    await expect(item.getByTestId('governance-review-decision')).toContainText(
      'Approved',
    );
    await page.keyboard.press('Escape');
    await openGovernanceTab(page, 'checkout-web', 'council member');
    await expect(
      page
        .getByTestId('governance-check-testing-load')
        .getByTestId('governance-waiver'),
    ).toContainText(/granted in review #\d+/);
  });

  await test.step("3. Kind Design review, Jane's review request: Assignee Amir Karimi, Save", async () => {
    await page.goto('/architecture-council/reviews');
    await pickFilter(page, 'Kind', 'Design review');
    await page.getByRole('button', { name: REVIEW }).click();
    const assignee = item.getByLabel('Assignee');
    await assignee.click();
    await assignee.fill('Amir');
    await page.getByRole('option', { name: /Amir Karimi/ }).click();
    await item.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(item.getByRole('list', { name: 'History' })).toContainText(
      'Assignee: none → Amir Karimi',
    );
    await page.keyboard.press('Escape');
  });

  await test.step('4. Security review overdue closes itself: Resolved, cause cleared', async () => {
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Security review overdue' })
      .filter({ hasText: 'checkout-web' })
      .first();
    const addResolved = async () => {
      await pickFilter(page, 'Kind', 'NFR escalation');
      await pickFilter(page, 'Status', 'Resolved');
    };
    await expect(async () => {
      await page.goto('/architecture-council/reviews');
      await addResolved();
      await expect(row).toContainText('Raised by the escalation trigger', {
        timeout: 5_000,
      });
    }).toPass({ timeout: 90_000, intervals: [3_000] });
    const today = utcDayFromToday();
    runReadmeCurl({
      facts: [
        {
          entityRef: 'component:default/checkout-web',
          name: 'lastSecurityReview',
          value: today,
          source: 'security-team',
        },
      ],
    });
    await waitUntilCauseCleared(
      row,
      async () => {
        await page.goto('/architecture-council/reviews');
        await addResolved();
      },
      90_000,
    );
  });

  await test.step('5. ADRs: the Chain column, Needs attention › stale, no retrospective', async () => {
    await page.getByRole('tab', { name: 'ADRs' }).click();
    const index = page.getByTestId('governance-adr-index');
    await expect(
      index.getByRole('columnheader', { name: 'Chain' }),
    ).toBeVisible();
    await expect(
      index
        .getByRole('row')
        .filter({ hasText: 'Use a CSS-in-JS library' })
        .getByRole('button', { name: 'ADR 4: Use plain CSS modules' }),
    ).toBeVisible();
    await page.getByRole('button', { name: /^Needs attention/ }).click();
    await page.getByRole('option', { name: 'stale, no retrospective' }).click();
    await page.keyboard.press('Escape');
    await expect(index).toContainText('Record architecture decisions');
  });

  await test.step('6. Compliance: the share passing per owner, history since', async () => {
    await page.getByRole('tab', { name: 'Compliance' }).click();
    await expect(page.getByTestId('compliance-trend')).toContainText(
      /history since \d{4}-\d{2}-\d{2}/,
    );
    await page.screenshot({ path: `${shots}/h9-council.png`, fullPage: true });
  });
});
