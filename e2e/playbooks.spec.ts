import { expect, test } from './test';
import { storageState } from './helpers';

test('an admin edits the Tier 1 playbook, sees the hours it costs, and saves a new version', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();
  await page.goto('/admin/playbooks');
  const tier1 = page.locator('section', { has: page.getByRole('heading', { name: /Tier 1 playbook \(v\d+\)/ }) });
  const version = Number((await tier1.getByRole('heading', { name: /Tier 1 playbook/ }).textContent())?.match(/v(\d+)/)?.[1]);
  // Setup: 1.5 h monthly + 5 h quarterly + 8 h yearly ≈ 3.8 h per account per month.
  await expect(tier1.getByText('3.8 h', { exact: true })).toBeVisible();
  await tier1.getByLabel('Hours of rule 2').fill('0');
  await tier1.getByRole('button', { name: 'Save playbook' }).click();
  await expect(tier1.getByText('Enter hours above 0 and at most 100, with at most 2 decimals.')).toBeVisible();
  await tier1.getByLabel('Hours of rule 2').fill('6.5');
  await expect(tier1.getByText('(was 3.8 h)')).toBeVisible();
  await tier1.getByLabel('Note').fill('Longer QBR preparation');
  await tier1.getByRole('button', { name: 'Save playbook' }).click();
  await expect(tier1.getByText('Playbook saved as a new version.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: `Tier 1 playbook (v${version + 1})` })).toBeVisible();
  await expect(page.getByText(/Longer QBR preparation/)).toBeVisible();
  await expect(page.getByLabel('Hours of rule 2').first()).toHaveValue('6.50');
  await admin.close();
});

test('a manager cannot open playbooks', async ({ browser }) => {
  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();
  await page.goto('/admin/playbooks');
  await expect(page.getByRole('heading', { name: "You don't have access to this page" })).toBeVisible();
  await manager.close();
});
