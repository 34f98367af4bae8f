import { expect, test } from './test';
import { storageState } from './helpers';

test('a CSM’s home shows their week, overdue and the coverage gaps in their book, each with what fixes it', async ({ browser }) => {
  const csm = await browser.newContext({ storageState: storageState('csm') });
  const page = await csm.newPage();
  await page.goto('/');
  const figures = page.getByRole('region', { name: 'Headline figures' });
  await expect(figures.getByText('Coverage this quarter')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Today and this week' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Renewals in the next 90 days' })).toBeVisible();
  // Coverage is computed by a background job the server starts: the gaps show once it has run.
  const gaps = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Coverage gaps in your book' }) });
  await expect(async () => {
    await page.reload();
    await expect(gaps.getByRole('row').nth(1)).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  const account = await gaps.getByRole('row').nth(1).getByRole('link').first().textContent();
  await gaps.getByRole('row').nth(1).getByRole('link', { name: /Plan|Invite to a program|Share content|Open campaign/ }).click();
  await expect(page).toHaveURL(/\/(accounts\/\d+|programs|campaigns\/\d+)/);
  if (page.url().includes('/accounts/')) await expect(page.getByRole('heading', { name: account! })).toBeVisible();
  // A CSM sees no team figures.
  await page.goto('/');
  await expect(page.getByText('Pending override requests')).toHaveCount(0);
  await csm.close();
});

test('a manager’s home shows coverage by tier and CSM and what waits, and the navigation counts the waiting requests', async ({ browser }) => {
  const manager = await browser.newContext({ storageState: storageState('manager') });
  const page = await manager.newPage();
  await page.goto('/');
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Override requests/ });
  const waiting = Number((await link.textContent())!.match(/\d+/)![0]);
  expect(waiting).toBeGreaterThan(0);
  await expect(link).toHaveAccessibleName(new RegExp(`^Override requests\\s*\\(${waiting} waiting\\)$`));
  const stat = page.getByRole('region', { name: 'Headline figures' }).getByRole('link', { name: /Override requests/ });
  await expect(stat).toContainText(String(waiting));
  await expect(page.getByRole('figure', { name: 'Coverage by tier' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Coverage by CSM' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Who is over capacity' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Renewals by month' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Workspace health' })).toHaveCount(0);
  await stat.click();
  await expect(page.getByRole('heading', { name: 'Tier override requests' })).toBeVisible();
  // A bar of the coverage chart opens the obligations behind it.
  await page.goto('/');
  await page.getByRole('figure', { name: 'Coverage by tier' }).getByRole('link', { name: /^Tier 1/ }).click();
  await expect(page).toHaveURL(/\/coverage\?period=quarter&tier=1#gaps$/);
  await expect(page.getByRole('heading', { name: 'Coverage', level: 1 })).toBeVisible();
  await manager.close();
});

test('an admin’s home adds the workspace’s health: versions in force and what to fix', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const page = await admin.newPage();
  await page.goto('/');
  const health = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Workspace health' }) });
  await expect(health.getByText('Tier 1 playbook')).toBeVisible();
  await expect(health.getByRole('link', { name: /^Version \d+ · \d+ rules$/ }).first()).toBeVisible();
  await health.getByRole('link', { name: /^Version \d+$/ }).click();
  await expect(page).toHaveURL(/\/admin\/tiering$/);
  await admin.close();
});
