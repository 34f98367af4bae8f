import { expect, test } from './test';
import { storageState } from './helpers';

// Issue 12: a manager tries moving a Tier 1 account between two CSMs in the
// capacity what-if, sees both people's hours change before anything is
// saved, applies the move, and the account now belongs to the other CSM.

test('a what-if reassignment shows the hours change and, applied, moves the account', async ({ browser }) => {
  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();
  await page.goto('/coverage/capacity');
  await page.getByRole('link', { name: 'What-if' }).click();
  await expect(page.getByRole('heading', { name: 'What-if', level: 1 })).toBeVisible();
  await expect(page.getByText('No changes yet')).toBeVisible();

  const form = page.getByRole('form', { name: 'Move accounts' });
  await form.getByLabel('From').selectOption({ label: '田中 美咲' });
  await form.getByLabel('To').selectOption({ label: '高橋 翔' });
  await form.getByLabel('Tier').selectOption('1');
  await form.getByLabel('How many').fill('1');
  await form.getByRole('button', { name: 'Add move' }).click();

  await expect(page.getByText('Move 1 Tier 1 accounts from 田中 美咲 to 高橋 翔')).toBeVisible();
  // Both books' hours change: before → after.
  const hoursTable = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Person' }) }).first();
  for (const name of ['田中 美咲', '高橋 翔']) {
    const row = hoursTable.getByRole('row').filter({ hasText: name });
    await expect(row.getByRole('cell').nth(2)).toContainText('→');
  }

  const apply = page.getByText(/with the lowest ARR go to 高橋 翔: /);
  const account = /go to 高橋 翔: (.+)\. ARR/.exec((await apply.textContent())!)![1]!;
  await page.getByRole('button', { name: 'Move these 1 accounts' }).click();
  await expect(page.getByText('Moved 1 accounts.')).toBeVisible();
  await expect(page.getByText('No changes yet')).toBeVisible();

  await page.goto(`/accounts?q=${encodeURIComponent(account)}`);
  await expect(page.getByRole('row').filter({ hasText: account }).first()).toContainText('高橋 翔');
  await manager.close();
});
