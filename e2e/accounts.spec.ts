import { expect, test } from './test';
import { storageState } from './helpers';

const unique = () => Math.random().toString(36).slice(2, 8);

test('a CSM creates an account and sees its tier and the reason', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('csm') });
  const page = await context.newPage();
  const name = `株式会社テスト ${unique()}`;
  await page.goto('/accounts');
  await expect(page.getByRole('heading', { name: 'My book' })).toBeVisible();
  await page.getByRole('link', { name: 'New account' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Domain').fill(`https://www.test-${unique()}.co.jp/`);
  await page.getByLabel('ARR (JPY)').fill('7,800,000');
  await page.getByLabel('Gross margin %').fill('80');
  await page.getByLabel('Annual churn %').fill('10');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  // 7,800,000 × 80 % × 10 years = 62,400,000
  await expect(page.getByText('Tier 1: LTV ¥62,400,000 ≥ ¥50,000,000').first()).toBeVisible();
  // The tier's history is the Tier section.
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Tier', exact: true }).click();
  await expect(page.getByText(/^Created · 田中 美咲/)).toBeVisible();
  await context.close();
});

test('a second save from a stale form is refused and keeps what was typed', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('csm') });
  const first = await context.newPage();
  await first.goto('/accounts/new');
  const name = `Conflict ${unique()}`;
  await first.getByLabel('Name').fill(name);
  await first.getByLabel('Domain').fill(`conflict-${unique()}.example`);
  await first.getByRole('button', { name: 'Create account' }).click();
  await expect(first.getByRole('heading', { name })).toBeVisible();
  await first.getByRole('link', { name: 'Edit' }).click();
  await first.waitForURL(/\/edit$/);
  const second = await context.newPage();
  await second.goto(first.url());
  await first.getByLabel('Notes').fill('first edit');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByRole('heading', { name })).toBeVisible();
  await second.getByLabel('Notes').fill('second edit');
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.locator('form [role="alert"]')).toContainText('Someone else changed this since you opened it.');
  await expect(second.getByLabel('Notes')).toHaveValue('second edit');
  await context.close();
});

test('a manager overrides a tier with a reason and sees it in the history', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const csmPage = await csm.newPage();
  const name = `Override me ${unique()}`;
  await csmPage.goto('/accounts/new');
  await csmPage.getByLabel('Name').fill(name);
  await csmPage.getByLabel('Domain').fill(`override-${unique()}.example`);
  await csmPage.getByLabel('ARR (JPY)').fill('100000');
  await csmPage.getByLabel('Gross margin %').fill('70');
  await csmPage.getByLabel('Annual churn %').fill('20');
  await csmPage.getByRole('button', { name: 'Create account' }).click();
  await expect(csmPage.getByText(/^Tier 3: LTV ¥350,000 is below the Tier 2 threshold/).first()).toBeVisible();
  const url = csmPage.url();
  await csm.close();

  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();
  await page.goto(url);
  // The override form stays closed until asked for; its button opens it in the tier section.
  await expect(page.getByLabel('Reason')).toBeHidden();
  await page.getByRole('link', { name: "Override this account's tier" }).click();
  await expect(page).toHaveURL(/tab=tier&form=override/);
  await page.getByLabel('Tier', { exact: true }).selectOption('1');
  await page.getByLabel('Reason').fill('Strategic logo for the 2027 launch');
  await page.getByRole('button', { name: 'Override the tier' }).click();
  await expect(page.getByText('Tier 1: override by 鈴木 健一')).toBeVisible();
  const history = page.getByRole('region', { name: 'Tier history' }).or(page.locator('section', { hasText: 'Tier history' }));
  await expect(history.getByText('Strategic logo for the 2027 launch')).toBeVisible();
  await expect(history.getByText(/Override · 鈴木 健一/)).toBeVisible();
  await manager.close();
});

test('an admin changes a threshold, reads the preview and applies it', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();
  await page.goto('/admin/tiering');
  const version = Number((await page.getByRole('heading', { name: /Tier policy \(v\d+\)/ }).textContent())?.match(/v(\d+)/)?.[1]);
  await page.getByLabel('Tier 2 threshold (JPY)').fill('300000');
  await page.getByLabel('Note').fill('Lower Tier 2 for the e2e test');
  await page.getByRole('button', { name: 'Preview' }).click();
  const matrix = page.getByRole('table', { name: 'Accounts by current and new tier' });
  await expect(matrix).toBeVisible();
  await expect(page.getByText(/Nothing has changed yet\./)).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText(new RegExp(`Version ${version + 1} applied`))).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: `Tier policy (v${version + 1})` })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Lower Tier 2 for the e2e test' })).toBeVisible();
  // Put the default back so other tests see the setup thresholds.
  await page.getByLabel('Tier 2 threshold (JPY)').fill('5000000');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText(new RegExp(`Version ${version + 2} applied`))).toBeVisible();
  await admin.close();
});

test('the account list keeps its filters in the URL', async ({ browser }) => {
  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();
  await page.goto('/accounts');
  await page.getByLabel('Tier', { exact: true }).selectOption('1');
  await expect(page).toHaveURL(/tier=1/);
  await page.getByRole('link', { name: /LTV/ }).click();
  await expect(page).toHaveURL(/sort=ltv/);
  await page.reload();
  await expect(page.getByLabel('Tier', { exact: true })).toHaveValue('1');
  await manager.close();
});

test('a manager selects every matching account, confirms a move, and the bar resets', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('manager') });
  const page = await context.newPage();
  await page.goto('/accounts?owner=all&tier=3');
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
  const bar = page.getByRole('region', { name: 'Move the selected accounts' });
  await expect(bar.getByText('50 selected')).toBeVisible();
  await bar.getByRole('button', { name: /^Select all \d+ accounts that match$/ }).click();
  await expect(bar.getByText(/^\d{3} selected$/)).toBeVisible();
  await bar.getByRole('button', { name: 'Select only the 50 on this page' }).click();
  await expect(bar.getByText('50 selected')).toBeVisible();
  await bar.getByRole('button', { name: 'Clear' }).click();
  await expect(bar).toBeHidden();

  // One account, moved to the owner it already has, so other tests' data stays as it was.
  const row = page.getByRole('row').nth(1);
  // Cells: checkbox, name, tier, health, owner.
  const owner = (await row.getByRole('cell').nth(4).innerText()).trim();
  await row.getByRole('checkbox').check();
  await bar.getByLabel('Move to').selectOption({ label: owner });
  await bar.getByRole('button', { name: 'Move' }).click();
  await expect(bar.getByText(`Move 1 account to ${owner}?`)).toBeVisible();
  await bar.getByRole('button', { name: 'Yes, move them' }).click();
  await expect(page.getByText('1 account reassigned.')).toBeVisible();
  await expect(bar).toBeHidden();
  await context.close();
});
