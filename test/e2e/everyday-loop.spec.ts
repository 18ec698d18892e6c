import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import {
  openAdr,
  openGovernanceTab,
  reloadUntil,
  screenshot,
  screenshots,
  setCouncilMembers,
  signInAs,
  signInToGovernanceTab,
  signOut,
} from './app';

/** The everyday loop of issue 21 in the example app: items 11 to 15. */

// Each test signs in and waits for the catalog or the backend at least once.
test.describe.configure({ timeout: 240_000 });

const runDir = process.env.GOVERNANCE_E2E_RUN_DIR!;
const repoRoot = path.resolve(__dirname, '../..');

test.describe('A newcomer sees both views', () => {
  test('the sign-in page offers an engineer and a council member', async ({
    page,
  }) => {
    await page.goto('/');
    for (const title of ['Engineer', 'Council member']) {
      await expect(page.getByText(title, { exact: true })).toBeVisible();
    }
    await expect(page.getByText(/Jane Doe, an engineer/)).toBeVisible();
    await screenshot(page, 'sign-in-two-identities.png');
  });

  test('an engineer sees the scorecard without the council controls, as Jane Doe', async ({
    page,
  }) => {
    await signInToGovernanceTab(page, 'checkout-web', 'engineer');
    const latency = page.getByTestId('governance-check-p95-latency');
    await expect(latency).toContainText('Fail');
    await expect(
      page.getByRole('button', { name: 'Request review' }),
    ).toBeVisible();
    // The permission answer arrives after the table: wait for the page to settle first.
    await page.waitForLoadState('networkidle');
    await expect(latency.getByRole('button', { name: /^Waive/ })).toHaveCount(
      0,
    );
    await screenshot(page, 'engineer-governance-tab.png');

    // Signed in as the example engineer: her settings name her.
    await page.goto('/settings');
    await expect(page.getByText(/jane\.doe|Jane Doe/).first()).toBeVisible();

    // Signing out forgets the choice: the sign-in page asks again, even after a reload.
    await signOut(page);
    await page.reload();
    await expect(
      page.getByRole('button', { name: 'Enter as council member' }),
    ).toBeVisible();
  });

  test('a council member also gets the waive control on a failing check', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    // The example council holds the guest; this run's council starts empty (see the review test).
    setCouncilMembers('[user:development/guest]');
    try {
      await signInToGovernanceTab(page, 'checkout-web');
      const latency = page.getByTestId('governance-check-p95-latency');
      await reloadUntil(page, () =>
        expect(
          latency.getByRole('button', { name: 'Waive p95 latency' }),
        ).toBeVisible({ timeout: 5_000 }),
      );
      await screenshot(page, 'council-member-governance-tab.png');
    } finally {
      setCouncilMembers('[]');
    }
  });
});

test.describe('The catalog index', () => {
  test('shows each entity’s tier in a column and filters by tier', async ({
    page,
  }) => {
    await signInAs(page, 'engineer');
    // The example app serves the catalog index at its root (page:catalog in app-config.yaml).
    await page.goto('/?filters[kind]=component&filters[user]=all');
    const table = page.getByRole('table').first();
    // The Tier column comes right after the name.
    const headers = table.getByRole('columnheader');
    await expect(headers.nth(0)).toHaveText(/name/i);
    await expect(headers.nth(1)).toHaveText(/tier/i);
    const paymentsRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'payments-api' }) });
    await expect(paymentsRow.getByTestId('governance-tier')).toHaveText(
      'critical',
    );

    // The tier filter offers the tiers the catalog holds, and narrows the list to one.
    await page.getByTestId('tier-picker-expand').click();
    await page.getByRole('option', { name: /^supporting/ }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(
      /filters%5Btier%5D=supporting|filters\[tier\]=supporting/,
    );
    await expect(
      table.getByRole('link', { name: 'search-indexer' }),
    ).toBeVisible();
    await expect(table.getByRole('link', { name: 'payments-api' })).toHaveCount(
      0,
    );
    for (const tier of await table.getByTestId('governance-tier').all()) {
      await expect(tier).toHaveText('supporting');
    }
    // The picker shows again once the catalog's facets are in.
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('tier-picker-expand')).toBeVisible();
    await page.screenshot({
      path: path.join(screenshots, 'catalog-tier-column-and-filter.png'),
    });
  });
});

test.describe('Trying your own catalog-info.yaml', () => {
  test('a file dropped into the watched folder becomes an entity with its Governance tab', async ({
    page,
  }) => {
    // Unique per attempt, so a retry waits for its own file.
    const name = `my-service-${Date.now()}`;
    // 1. Drop the file (the repository's example, renamed).
    fs.writeFileSync(
      path.join(runDir, `catalog/local/${name}.yaml`),
      fs
        .readFileSync(
          path.join(repoRoot, 'catalog/local/local-example.yaml'),
          'utf8',
        )
        .replace('name: local-example', `name: ${name}`),
    );
    await signInAs(page, 'engineer');
    // 2. Wait for the refresh, and 3. open the entity.
    await openGovernanceTab(page, name, 'engineer');
    await expect(page.getByTestId('governance-tier').first()).toContainText(
      'supporting',
    );
    await expect(
      page.getByTestId('governance-check-p95-latency'),
    ).toContainText('900 ms');
    await screenshot(page, 'local-catalog-file.png');
  });
});

test.describe("The README's facts example", () => {
  test('pushes facts that are current, not stale', async ({ page }) => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const example = readme.match(
      /curl -sS -X POST http:\/\/localhost:7007\/api\/governance\/facts \\\n\s+-H 'Authorization: Bearer (?<token>[^']+)' \\\n[^\n]*\n\s+-d '(?<body>[^']+)'/,
    );
    expect(example).not.toBeNull();
    const body = JSON.parse(example!.groups!.body);
    expect(JSON.stringify(body)).not.toContain('observedAt');

    const response = await page.request.post(
      'http://localhost:7007/api/governance/facts',
      {
        headers: { Authorization: `Bearer ${example!.groups!.token}` },
        data: body,
      },
    );
    expect(response.status()).toBe(201);
    expect(await response.json()).toEqual({
      accepted: 2,
      entities: 1,
      evaluated: true,
    });

    const entityName = body.facts[0].entityRef.split('/').pop();
    await signInToGovernanceTab(page, entityName, 'engineer');
    const latency = page.getByTestId('governance-check-p95-latency');
    await expect(latency).toContainText('180 ms');
    await expect(latency).toContainText('Pass');
    await expect(latency).toContainText('monitoring/prometheus');
    await expect(latency).not.toContainText(/stale/i);
    await expect(page.getByTestId('governance-check-coverage')).toContainText(
      '83.2%',
    );
    await screenshot(page, 'readme-facts-example.png');
  });
});

test.describe('Decision impact on a fresh install', () => {
  test("checkout-web's accepted ADR shows measured values before and after its date", async ({
    page,
  }) => {
    await signInToGovernanceTab(page, 'checkout-web', 'engineer');
    await openAdr(page, 2, 'Render the checkout on the server');
    const impact = page.getByTestId('governance-adr-impact');
    const latency = impact.getByTestId('governance-adr-impact-p95-latency');
    // Four weeks either side of 2026-06-10: the last value before, the first after.
    await expect(latency).toContainText('870 ms');
    await expect(latency).toContainText('610 ms');
    await expect(latency).not.toContainText('no measurement');
    await expect(
      impact.getByTestId('governance-adr-impact-availability'),
    ).toContainText('99.96%');
    await impact.screenshot({
      path: path.join(screenshots, 'adr-decision-impact.png'),
    });
  });
});
