import { expect, test } from './test';
import { storageState } from './helpers';

const unique = () => Math.random().toString(36).slice(2, 8);

test('money inputs show the amount as money, and a yen amount with decimals is refused in the yen rule', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const tiering = await admin.newPage();
  await tiering.goto('/admin/tiering');
  const threshold = tiering.getByLabel('Tier 1 threshold (JPY)');
  await threshold.fill('30000000');
  await expect(tiering.locator('output').filter({ hasText: '¥30,000,000' })).toBeVisible();
  await admin.close();

  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();
  const name = `Format ${unique()}`;
  await page.goto('/accounts/new');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Domain').fill(`format-${unique()}.example`);
  await page.getByLabel('ARR (JPY)').fill('1200000.5');
  await page.getByLabel('Renewal date').fill('2027-03-31');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Whole yen only: enter the amount without decimals.')).toBeVisible();
  await page.getByLabel('ARR (JPY)').fill('1200000');
  await expect(page.locator('output').filter({ hasText: '¥1,200,000' })).toBeVisible();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  // The renewal date as the app writes dates, not 2027-03-31; on the page and in the list.
  await expect(page.getByText('Mar 31, 2027', { exact: true })).toBeVisible();
  await expect(page.getByText('2027-03-31')).toHaveCount(0);
  await page.goto(`/accounts?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Mar 31, 2027');
  await csm.close();
});

test('the import page lists the Japanese headers it reads when the page is in Japanese', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('admin'), locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/accounts/import');
  const renewal = page.getByRole('list', { name: '契約更新日として読み取る見出し' });
  await expect(renewal.getByText('契約更新日', { exact: true })).toBeVisible();
  await expect(renewal.getByText('renewal_date', { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: /^アカウント名として/ }).getByText('会社名', { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: /^担当者/ }).getByText('担当者メール', { exact: true })).toBeVisible();
  await context.close();
});
