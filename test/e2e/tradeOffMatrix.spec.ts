import { expect, test } from '@playwright/test';
import {
  configureWalk,
  gotoSignedIn,
  setCouncilMembers,
  shots,
  signInAs,
} from './app';

/**
 * Issue 19, trade-off matrices, in the example app: the council opens the example design review
 * of order-history, sees its three options ranked by weighted score, changes a score and sees
 * the ranking follow, and decides with the chosen option.
 */

const TITLE = 'How order-history publishes order events';

configureWalk({
  failureShot: 'tradeoff-failure.png',
});

test('the council weighs the options of a design review and decides with the chosen one', async ({
  page,
}) => {
  // The guest sits on the council for this run, as a platform team would put them there.
  setCouncilMembers('[user:development/guest]');
  await signInAs(page, 'council member');

  const dialog = page.getByRole('dialog');
  // The catalog reads the council group within seconds; until then the dialog shows no controls.
  await expect(async () => {
    await gotoSignedIn(page, '/architecture-council');
    await page.getByRole('tab', { name: 'Review queue' }).click();
    await page.getByRole('button', { name: TITLE }).click();
    await expect(
      dialog.getByRole('button', { name: 'Record decision' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000, intervals: [3_000] });

  const ranking = dialog.getByTestId('governance-trade-off-ranking');
  await expect(
    dialog.getByText(/Scores run from 1 \(worst\) to 5 \(best\)/),
  ).toBeVisible();
  // Cost weighs 3, time and risk 2: (3×4 + 2×4 + 2×3) / 7 for the managed queue.
  await expect(ranking.getByRole('listitem')).toHaveText([
    'Managed queue (SQS): 3.71 of 5 (rank 1)',
    'Outbox table with polling: 3.57 of 5 (rank 2)',
    'Kafka on the platform cluster: 2.86 of 5 (rank 3)',
  ]);
  await dialog.getByTestId('governance-trade-off').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/tradeoff-matrix.png` });

  // Kafka's cost, scored again once the platform team offers its shared cluster at no charge.
  await dialog
    .getByRole('combobox', {
      name: 'Score of Kafka on the platform cluster on Cost',
    })
    .selectOption('5');
  await expect(ranking.getByRole('listitem').first()).toHaveText(
    'Kafka on the platform cluster: 4.14 of 5 (rank 1)',
  );
  await dialog.getByRole('button', { name: 'Save matrix' }).click();
  await expect(dialog.getByText('Trade-off matrix saved.')).toBeVisible();
  await page.screenshot({ path: `${shots}/tradeoff-reranked.png` });

  await dialog
    .getByRole('combobox', { name: 'Decision', exact: true })
    .selectOption({ label: 'Approve' });
  await dialog
    .getByRole('combobox', { name: 'Chosen option' })
    .selectOption({ label: 'Kafka on the platform cluster' });
  await dialog
    .getByLabel('Rationale')
    .fill('Replays and ordering per order, now at no extra cost.');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  const decision = dialog.getByTestId('governance-review-decision');
  await expect(decision).toContainText(
    'Chosen option: Kafka on the platform cluster',
  );
  await expect(ranking.getByRole('listitem').first()).toContainText('chosen');
  await decision.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/tradeoff-decided.png` });
});
